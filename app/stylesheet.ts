import { readFileSync } from 'node:fs';
import path from 'node:path';
import { minify } from 'csso';
import { processSingleton } from '@/lib/process-singleton.mjs';

/** Where the server bundle leaves the stylesheet for components/site/InlineStylesheet.tsx (another bundle). */
export const STYLESHEET_MADE = 'stylesheet';

/**
 * Makes the minified stylesheet available to InlineStylesheet's server render. Not imported through Next's CSS
 * pipeline: inlined that way it reached the page twice, in <style> and in the flight data (decision 0052).
 */
export function provideStylesheet(): void {
  const made = processSingleton(STYLESHEET_MADE, () => ({ source: '', css: '' }));
  // Read once in production; under next dev at each render, so an edit shows.
  if (made.css && process.env.NODE_ENV === 'production') return;
  // Read from the project (the release has it: next.config.js outputFileTracingIncludes), not imported: Next
  // turns a .css import in a server module into a stylesheet of its own.
  const source = readFileSync(path.join(process.cwd(), 'app/globals.css'), 'utf8');
  if (made.source === source) return;
  // Comments and whitespace out, rules kept in order as written (no restructuring: the cascade stays as authored).
  const css = minify(source, { restructure: false }).css;
  // Inlined as raw text in <style>: it must not be able to end the element.
  if (/<\/style/i.test(css)) throw new Error('app/globals.css contains "</style"');
  Object.assign(made, { source, css });
}
