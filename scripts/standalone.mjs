#!/usr/bin/env node
/**
 * The production server: Next's standalone output (`output: 'standalone'`), which `next start` does
 * not serve. Plain JavaScript so it runs where only production dependencies are installed.
 *
 *   node scripts/standalone.mjs prepare              copy public/, the static chunks and the search index beside server.js
 *   node scripts/standalone.mjs serve [-p 3000] [-H 0.0.0.0]   prepare, then run server.js
 *
 * Honours NEXT_DIST_DIR like next.config.js. PORT and HOST (or -p/-H) pick the address; HOSTNAME is
 * ignored on purpose: shells and containers set it to the machine's name.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const distName = process.env.NEXT_DIST_DIR || '.next';
const dist = path.resolve(root, distName);
const standalone = path.join(dist, 'standalone');
const server = path.join(standalone, 'server.js');

function prepare() {
  if (!existsSync(server)) {
    console.error(`No ${path.relative(root, server)}: run \`npm run build\` first (next.config.js must keep output: 'standalone').`);
    process.exit(1);
  }
  // server.js serves these itself once they sit beside it; a CDN in front caches them (docs/operations/caching.md). The
  // search index (scripts/search-index.ts) is written per build into the dist folder and served at /pagefind/.
  for (const [from, to] of [
    [path.join(root, 'public'), path.join(standalone, 'public')],
    [path.join(dist, 'static'), path.join(standalone, distName, 'static')],
    [path.join(dist, 'pagefind'), path.join(standalone, 'public', 'pagefind')],
  ]) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  }
}

/**
 * V8 grows its heap lazily: rendering archive stories on first request leaves garbage that a default heap
 * limit (a quarter of the machine's memory or more) lets pile up, so the server's memory climbs with every
 * new story although little of it is live. A cap makes V8 collect sooner and keeps the server within a
 * small instance's memory. SERVER_MAX_HEAP_MB changes it; 0 leaves V8's default.
 */
export const DEFAULT_SERVER_MAX_HEAP_MB = 256;
export function serverNodeOptions(env = process.env) {
  const raw = env.SERVER_MAX_HEAP_MB ?? String(DEFAULT_SERVER_MAX_HEAP_MB);
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 0) throw new Error(`SERVER_MAX_HEAP_MB must be a whole number of megabytes; got "${raw}"`);
  return mb > 0 ? [`--max-old-space-size=${mb}`] : [];
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const command = positionals[0];

if (command === 'prepare') {
  prepare();
} else if (command === 'serve') {
  prepare();
  const port = values.port ?? process.env.PORT ?? '3000';
  const hostname = values.hostname ?? process.env.HOST ?? '0.0.0.0';
  const child = spawn(process.execPath, [...serverNodeOptions(), server], {
    cwd: standalone,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', PORT: port, HOSTNAME: hostname },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.error('usage: node scripts/standalone.mjs prepare | serve [-p port] [-H host]');
  process.exit(2);
}
