import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CssNode, StyleSheet } from 'css-tree';
import { minify, syntax } from 'csso';
import { processSingleton } from '@/lib/process-singleton.mjs';
import { SHEET_NAMES, type SheetName, type SheetPart } from '@/lib/stylesheet-sheets';

/** Where the server bundle leaves the stylesheet for components/site/InlineStylesheet.tsx (another bundle). */
export const STYLESHEET_MADE = 'stylesheet';

/** The stylesheet's files (app/styles/README.md), read in the order of their names. */
export const STYLES_FOLDER = 'app/styles';

/** What provideStylesheet leaves for the HTML render: the files' parts, each minified, in the files' order. */
export interface MadeStylesheet {
  source: string;
  parts: SheetPart[];
  /** The core text face's address, which every page preloads. */
  preloadFont: string;
}

/** The stylesheet's files under `root`, by name, in the order the cascade reads them. */
export function stylesheetFiles(root = process.cwd()): { name: string; source: string }[] {
  const folder = path.join(root, STYLES_FOLDER);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.css'))
    .sort()
    .map((name) => ({ name: `${STYLES_FOLDER}/${name}`, source: readFileSync(path.join(folder, name), 'utf8') }));
}

/** Every part of every file, in the files' order. */
export const stylesheetParts = (root = process.cwd()): SheetPart[] =>
  stylesheetFiles(root).flatMap(({ name, source }) => sheetParts(source, name));

/** The url() of the @font-face rule for `textFace` (the core cut), in the minified site sheet. */
export function coreFaceUrl(parts: readonly SheetPart[]): string {
  for (const part of parts.filter((p) => p.sheet === 'site'))
    for (const [, rule] of part.css.matchAll(/@font-face\{([^}]*)\}/g))
      if (/(^|;)font-family:textFace(;|$)/.test(rule!)) {
        const url = rule!.match(/src:url\(([^)]+)\)/)?.[1];
        if (url) return url;
      }
  throw new Error(`${STYLES_FOLDER}: the site sheet has no @font-face rule for textFace with a url()`);
}

const SHEET_MARK = /^\/\* @sheet ([a-z]+) \*\/$/gm;

/**
 * One file cut at its `/* @sheet name *\/` lines into parts, each minified (comments and whitespace out, rules
 * kept in order as written: no restructuring, so the cascade stays as authored). A file begins with such a
 * line, so that no rule takes its sheet from whichever file happens to come before it.
 */
export function sheetParts(source: string, file = 'a stylesheet file'): SheetPart[] {
  const parts: SheetPart[] = [];
  const marks = [...source.matchAll(SHEET_MARK)];
  if (
    marks.length === 0 ||
    source
      .slice(0, marks[0]!.index)
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .trim()
  )
    throw new Error(`${file} must begin with a /* @sheet name */ line before its first rule`);
  marks.forEach((mark, i) => {
    const sheet = mark[1] as SheetName;
    if (!SHEET_NAMES.includes(sheet)) throw new Error(`${file}: unknown sheet "${mark[1]}"`);
    const text = source.slice(mark.index + mark[0].length, marks[i + 1]?.index ?? source.length);
    const { css, print } = withoutPrint(minify(text, { restructure: false }).css);
    // Inlined as raw text in <style>: it must not be able to end the element.
    if (/<\/style/i.test(css)) throw new Error(`${file} contains "</style"`);
    if (css || print) parts.push({ sheet, css, print });
  });
  return parts;
}

/** Minified CSS split into its top-level `@media print` blocks and the rest, each kept in order. */
function withoutPrint(minified: string): { css: string; print: string } {
  const screen: string[] = [];
  const print: string[] = [];
  const ast = syntax.parse(minified) as StyleSheet;
  ast.children.forEach((node: CssNode) => {
    const forPrint = node.type === 'Atrule' && node.name === 'media' && syntax.generate(node.prelude!) === 'print';
    (forPrint ? print : screen).push(syntax.generate(node));
  });
  return { css: screen.join(''), print: print.join('') };
}

/**
 * Makes the stylesheet's parts available to InlineStylesheet's server render. Not imported through Next's CSS
 * pipeline: inlined that way it reached the page twice, in <style> and in the flight data (decision 0052).
 */
export function provideStylesheet(): void {
  const made = processSingleton(STYLESHEET_MADE, (): MadeStylesheet => ({ source: '', parts: [], preloadFont: '' }));
  // Read once in production; under next dev at each render, so an edit shows.
  if (made.parts.length && process.env.NODE_ENV === 'production') return;
  // Read from the project (the release has them: next.config.js outputFileTracingIncludes), not imported: Next
  // turns a .css import in a server module into a stylesheet of its own.
  const files = stylesheetFiles();
  const source = files.map((file) => file.source).join('\n');
  if (made.source === source) return;
  const parts = files.flatMap((file) => sheetParts(file.source, file.name));
  Object.assign(made, { source, parts, preloadFont: coreFaceUrl(parts) });
}
