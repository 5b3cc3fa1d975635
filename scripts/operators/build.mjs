#!/usr/bin/env node
/**
 * `npm run build`: the content check (it writes the build's content snapshot), then `next build` and the search
 * index from that snapshot side by side, the index at a lower priority, then the release. Both share one clock,
 * SITE_BUILT_AT. Why this order: decision 0013; docs/development/search.md. Plain JavaScript: nothing is compiled yet.
 */
import { spawn } from 'node:child_process';
import { cpSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { checkContent } from '../../lib/content-check/content-gate.js';
import { lowerPriority } from '../../lib/search/priority.mjs';
import { prepareRelease, releasePaths } from '../lib/releases.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '../..');
const running = new Set();

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

/** `next build` and the search index of the build's snapshot into `searchOut`, at once; stops both if one fails. */
async function buildAndIndex(searchOut) {
  const env = { ...process.env };
  const indexArgs = [
    'scripts/operators/search-index.ts',
    '--snapshot',
    'content/snapshot.generated',
    '--out',
    searchOut,
  ];
  try {
    await Promise.all([
      runNode([require.resolve('next/dist/bin/next'), 'build'], { cwd: ROOT, env }),
      runNode([require.resolve('tsx/cli'), ...indexArgs], { cwd: ROOT, env, background: true }),
    ]);
  } catch (error) {
    for (const child of running) child.kill('SIGTERM');
    rmSync(searchOut, { recursive: true, force: true });
    throw error;
  }
}

/** Moves the index into <dist>/pagefind, which next build emptied when it started. */
function moveSearchIndex(searchOut, dist) {
  rmSync(path.join(dist, 'pagefind'), { recursive: true, force: true });
  try {
    renameSync(searchOut, path.join(dist, 'pagefind'));
  } catch {
    // The dist folder is on another file system (NEXT_DIST_DIR): copy instead.
    cpSync(searchOut, path.join(dist, 'pagefind'), { recursive: true });
    rmSync(searchOut, { recursive: true, force: true });
  }
}

async function main() {
  const started = performance.now();
  process.env.SITE_BUILT_AT ||= new Date().toISOString();
  // Exits the process with the check's messages on any content error; marks the environment as checked.
  checkContent({ fatal: true, force: true });
  const { dist } = releasePaths(process.env, ROOT);
  const searchOut = path.join(ROOT, 'node_modules/.cache/aju-build', `pagefind-${process.pid}`);
  rmSync(searchOut, { recursive: true, force: true });
  await buildAndIndex(searchOut);
  moveSearchIndex(searchOut, dist);
  prepareRelease(process.env, console.log, ROOT);
  console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error) => {
  console.error(`\nBuild failed: ${error.message}`);
  process.exit(1);
});
