#!/usr/bin/env node
/**
 * The production server: Next's standalone output (`output: 'standalone'`), which `next start` does
 * not serve. Plain JavaScript so it runs where only production dependencies are installed.
 *
 *   node scripts/operators/standalone.mjs prepare      make a release of the build (scripts/lib/releases.mjs); `npm run build` ends with it
 *   node scripts/operators/standalone.mjs serve [-p 3000] [-H 0.0.0.0] [--release latest|current|previous|<name>]
 *                                            run one origin (scripts/operators/run-origin.mjs) of a release, the last build by default
 *
 * Serving only reads its release folder: any number of servers start from one build at once, and a new
 * build makes a new folder (docs/operations/deploys.md). Honours NEXT_DIST_DIR like next.config.js and
 * RELEASES_DIR. PORT and HOST (or -p/-H) pick the address; HOSTNAME is ignored on purpose: shells and
 * containers set it to the machine's name.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareRelease, releasePaths, resolveRelease } from '../lib/releases.mjs';

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
  if (!Number.isInteger(mb) || mb < 0)
    throw new Error(`SERVER_MAX_HEAP_MB must be a whole number of megabytes; got "${raw}"`);
  return mb > 0 ? [`--max-old-space-size=${mb}`] : [];
}

const LAUNCHER = path.join(import.meta.dirname, 'run-origin.mjs');

/**
 * Where an origin finds published content (lib/content/storage/store.ts): with REDIS_URL, Redis; else the folder
 * CONTENT_STORE_DIR, by default .content-store/ in the project, where `npm run content:publish` writes. Outside
 * every release, so a deploy or a rollback keeps what was published.
 */
export function publishedContentEnv(env = process.env) {
  return { CONTENT_STORE_DIR: path.resolve(import.meta.dirname, '../..', env.CONTENT_STORE_DIR || '.content-store') };
}

/** Starts one origin of `releaseDir` on host:port; the child runs server.js under scripts/operators/run-origin.mjs. */
export function spawnOrigin(releaseDir, { port, hostname, env = process.env, stdio = 'inherit' }) {
  return spawn(process.execPath, [...serverNodeOptions(env), LAUNCHER, releaseDir], {
    cwd: releaseDir,
    stdio,
    env: { ...env, ...publishedContentEnv(env), NODE_ENV: 'production', PORT: String(port), HOSTNAME: hostname },
  });
}

function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', short: 'p' },
      hostname: { type: 'string', short: 'H' },
      release: { type: 'string' },
    },
  });
  const command = positionals[0];
  if (command === 'prepare') {
    prepareRelease();
  } else if (command === 'serve') {
    const { releases } = releasePaths();
    const which = values.release ?? 'latest';
    const release = resolveRelease(releases, which);
    if (!release) {
      console.error(`No release "${which}" in ${releases}: run \`npm run build\` first.`);
      process.exit(1);
    }
    const child = spawnOrigin(release.dir, {
      port: values.port ?? process.env.PORT ?? '3000',
      hostname: values.hostname ?? process.env.HOST ?? '0.0.0.0',
    });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  } else {
    console.error(
      'usage: node scripts/operators/standalone.mjs prepare | serve [-p port] [-H host] [--release latest|current|previous|<name>]',
    );
    process.exit(2);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
