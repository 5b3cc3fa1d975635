#!/usr/bin/env node
/**
 * One origin: a release's standalone server.js in this process, with the readiness path, the graceful stop,
 * X-Release on every answer and a run folder of its own (decision 0031; settings: docs/operations/deploys.md).
 *
 *   PORT=3000 HOSTNAME=127.0.0.1 node scripts/operators/run-origin.mjs <release folder>
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { READY_PATH } from '../lib/origin-process.mjs';

function milliseconds(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a number of milliseconds; got "${process.env[name]}"`);
  return value;
}

/** What the wrapped server answers before Next: readiness (Next's /robots.txt, or 503 once draining) and headers. */
function answerFirst(origin, req, res) {
  res.setHeader('X-Release', origin.release);
  if (origin.draining) res.setHeader('Connection', 'close');
  if (req.url !== READY_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  if (origin.draining) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('draining\n');
    return true;
  }
  req.url = '/robots.txt';
  return false;
}

/** server.js makes exactly one HTTP server (next/dist/server/lib/start-server): wrap its request listener. */
function wrapServer(origin) {
  const createServer = http.createServer;
  http.createServer = function createOriginServer(...args) {
    const listener = args.find((arg) => typeof arg === 'function');
    const wrapped = (req, res) => {
      origin.inFlight++;
      res.once('close', () => {
        origin.inFlight--;
        if (origin.inFlight === 0) for (const resolve of origin.idle) resolve();
      });
      if (!answerFirst(origin, req, res)) return listener(req, res);
    };
    const created = createServer.apply(
      http,
      args.map((arg) => (arg === listener ? wrapped : arg)),
    );
    origin.server ??= created;
    return created;
  };
}

/** Fails readiness, serves on for the drain delay (SIGTERM only), closes, lets requests finish (bounded), exits 0. */
async function stop(origin, signal) {
  if (origin.draining) return;
  origin.draining = true;
  const started = Date.now();
  if (signal === 'SIGTERM' && origin.drainDelayMs > 0)
    await new Promise((resolve) => setTimeout(resolve, origin.drainDelayMs));
  const { server } = origin;
  if (server) {
    server.close();
    // Keep-alive connections with no request on them would hold close() open: end them now.
    server.closeIdleConnections();
    if (origin.inFlight > 0) {
      await new Promise((resolve) => {
        origin.idle.add(resolve);
        setTimeout(resolve, origin.drainTimeoutMs).unref();
      });
    }
    server.closeAllConnections();
  }
  // What Next wrote at run time goes with the origin; the next one on this port starts from the release again.
  if (origin.runDir) rmSync(origin.runDir, { recursive: true, force: true });
  console.log(
    `origin ${origin.release} on port ${process.env.PORT}: stopped on ${signal} in ${Date.now() - started} ms (${origin.inFlight} requests cut)`,
  );
  process.exit(0);
}

/**
 * The origin's run folder: `server.js` and `package.json` copied (server.js finds its folder from its own
 * address), the dist folder's `cache` left to Next to make, `server/route-cache` copied, the rest linked.
 */
function makeRunFolder(releaseDir, port) {
  const runDir = path.join(path.dirname(releaseDir), '.run', `${path.basename(releaseDir)}-${port}`);
  const partial = `${runDir}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const mirror = (from, to, level) => {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const source = path.join(from, entry.name);
      const target = path.join(to, entry.name);
      if (level === 'top' && entry.isFile()) copyFileSync(source, target);
      else if (level === 'top' && entry.isDirectory() && existsSync(path.join(source, 'BUILD_ID')))
        mirror(source, target, 'dist');
      else if (level === 'dist' && entry.name === 'cache') continue;
      else if (level === 'dist' && entry.name === 'server') mirror(source, target, 'server');
      else if (level === 'server' && entry.name === 'route-cache') cpSync(source, target, { recursive: true });
      else symlinkSync(source, target);
    }
  };
  mirror(releaseDir, partial, 'top');
  rmSync(runDir, { recursive: true, force: true });
  renameSync(partial, runDir);
  return runDir;
}

async function main() {
  const releaseDir = realpathSync(path.resolve(process.argv[2] ?? '.'));
  const origin = {
    release: path.basename(releaseDir),
    drainDelayMs: milliseconds('ORIGIN_DRAIN_DELAY_MS', 3000),
    drainTimeoutMs: milliseconds('ORIGIN_DRAIN_TIMEOUT_MS', 10_000),
    draining: false,
    inFlight: 0,
    /** @type {http.Server | undefined} */
    server: undefined,
    idle: new Set(),
    runDir: undefined,
  };
  wrapServer(origin);
  // Next's own handler (close, then exit 143, unbounded) stays off: signals are this file's.
  process.env.NEXT_MANUAL_SIG_HANDLE = '1';
  process.on('SIGTERM', () => void stop(origin, 'SIGTERM'));
  process.on('SIGINT', () => void stop(origin, 'SIGINT'));
  // A launcher killed outright (SIGKILL, OOM) cannot pass a signal on: an origin left behind would hold its
  // port and serve a release nobody manages, so it stops by itself once its parent is gone.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void stop(origin, 'its launcher exiting'), 1000).unref();
  origin.runDir = makeRunFolder(releaseDir, process.env.PORT ?? '3000');
  await import(pathToFileURL(path.join(origin.runDir, 'server.js')).href);
}

await main();
