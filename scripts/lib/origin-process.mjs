/**
 * One origin as a child process: how it is started (scripts/operators/run-origin.mjs with the heap cap and the
 * content store's folder) and how its readiness is read. Used by `npm run serve` and `npm run origins`.
 * Plain JavaScript with Node's modules: it runs before anything compiles. Why: decisions 0006 and 0031.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

/** The path the edge's probe reads: 200 while an origin serves, 503 once it is told to stop (decision 0031). */
export const READY_PATH = '/_origin/ready';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LAUNCHER = path.join(ROOT, 'scripts/operators/run-origin.mjs');
// A cap makes V8 collect the garbage archive renders leave sooner (docs/operations/configuration.md).
const DEFAULT_SERVER_MAX_HEAP_MB = 256;

/** Node's flags for server.js: the heap cap of SERVER_MAX_HEAP_MB (0: V8's default). */
function serverNodeOptions(env) {
  const raw = env.SERVER_MAX_HEAP_MB ?? String(DEFAULT_SERVER_MAX_HEAP_MB);
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 0)
    throw new Error(`SERVER_MAX_HEAP_MB must be a whole number of megabytes; got "${raw}"`);
  return mb > 0 ? [`--max-old-space-size=${mb}`] : [];
}

/**
 * Where an origin finds published content without REDIS_URL (lib/content/storage/store.ts): CONTENT_STORE_DIR,
 * by default .content-store/ in the project, outside every release, so a deploy or a rollback keeps it.
 */
function publishedContentEnv(env) {
  return { CONTENT_STORE_DIR: path.resolve(ROOT, env.CONTENT_STORE_DIR || '.content-store') };
}

/** Starts one origin of `releaseDir` on host:port; the child runs its server.js under run-origin.mjs. */
export function spawnOrigin(releaseDir, { port, hostname, env = process.env, stdio = 'inherit' }) {
  return spawn(process.execPath, [...serverNodeOptions(env), LAUNCHER, releaseDir], {
    cwd: releaseDir,
    stdio,
    env: { ...env, ...publishedContentEnv(env), NODE_ENV: 'production', PORT: String(port), HOSTNAME: hostname },
  });
}

/** Whether the origin on host:port answers its readiness path with 200 now. */
function isOriginReady(host, port) {
  return new Promise((resolve) => {
    const req = http.get({ host, port, path: READY_PATH, timeout: 2000, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

/** Resolves true once the origin `child` on host:port is ready; false when it exits or `timeoutMs` pass first. */
export async function waitOriginReady({ host, port, child, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    if (await isOriginReady(host, port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
