#!/usr/bin/env node
/**
 * `npm run build`: the content check, then `next build` and the search index side by side, then the release.
 *
 *   1. content:check --build (lib/content-check/content-gate.js): stops the build on a content error, and writes the
 *      content snapshot (content/snapshot.generated) the server reads at run time;
 *   2. at once, and only then:
 *      - `next build` (its config skips the check: it ran in this process, which its environment says);
 *      - the search index (scripts/operators/search-index.ts --snapshot) from that snapshot: the stories the check just
 *        validated, not loaded and validated a second time, written beside the build and moved into
 *        <dist>/pagefind when next build has finished (next build empties the dist folder when it starts).
 *        At a lower priority: it fills the core next build leaves idle (its type-free compile and one page
 *        worker) rather than slow it (docs/decisions/0013);
 *   3. the release (scripts/operators/standalone.mjs prepare).
 * Both share one clock, SITE_BUILT_AT (set here unless given), so the index holds what the pages show.
 * Plain JavaScript with Node's modules, like standalone.mjs: it runs before anything is compiled.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cpSync, renameSync, rmSync } from 'node:fs';
import { checkContent } from '../../lib/content-check/content-gate.js';
import { lowerPriority } from '../../lib/search/priority.mjs';
import { prepareRelease, releasePaths } from '../lib/releases.mjs';

const require = createRequire(import.meta.url);
/** Runs a Node program; resolves when it exits 0, rejects otherwise. `background`: below normal priority. */
function runNode(args, { cwd, env, background = false }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: 'inherit' });
    if (background) lowerPriority(child);
    running.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else
        reject(
          new Error(`${path.basename(args[1] ?? args[0])} ${args.slice(2).join(' ')} ended with ${signal ?? code}`),
        );
    });
  });
}
const running = new Set();

export async function build(root = path.resolve(import.meta.dirname, '../..')) {
  const started = performance.now();
  process.env.SITE_BUILT_AT ||= new Date().toISOString();
  // Exits the process with the check's messages on any content error; marks the environment as checked.
  checkContent({ fatal: true, force: true });
  const { dist } = releasePaths(process.env, root);
  const searchOut = path.join(root, 'node_modules/.cache/aju-build', `pagefind-${process.pid}`);
  rmSync(searchOut, { recursive: true, force: true });
  const env = { ...process.env };
  const tsx = require.resolve('tsx/cli');
  try {
    await Promise.all([
      runNode([require.resolve('next/dist/bin/next'), 'build'], { cwd: root, env }),
      runNode(
        [tsx, 'scripts/operators/search-index.ts', '--snapshot', 'content/snapshot.generated', '--out', searchOut],
        {
          cwd: root,
          env,
          background: true,
        },
      ),
    ]);
  } catch (error) {
    for (const child of running) child.kill('SIGTERM');
    rmSync(searchOut, { recursive: true, force: true });
    throw error;
  }
  rmSync(path.join(dist, 'pagefind'), { recursive: true, force: true });
  try {
    renameSync(searchOut, path.join(dist, 'pagefind'));
  } catch {
    // The dist folder is on another file system (NEXT_DIST_DIR): copy instead.
    cpSync(searchOut, path.join(dist, 'pagefind'), { recursive: true });
    rmSync(searchOut, { recursive: true, force: true });
  }
  prepareRelease(process.env, console.log, root);
  console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  build().catch((error) => {
    console.error(`\nBuild failed: ${error.message}`);
    process.exit(1);
  });
}
