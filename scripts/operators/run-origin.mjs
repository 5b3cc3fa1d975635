#!/usr/bin/env node
/**
 * One origin: Next's standalone server.js of one release, run in this process with a graceful stop.
 *
 *   PORT=3000 HOSTNAME=127.0.0.1 node scripts/operators/run-origin.mjs <release folder>
 *
 * What it adds to server.js (docs/operations/deploys.md, decision 0031):
 * - GET /_origin/ready, the path the edge's probe reads: answered like /robots.txt by Next (so the probe
 *   still fails when Next fails) while the origin serves, 503 from the moment it is told to stop.
 * - SIGTERM: readiness fails at once; for ORIGIN_DRAIN_DELAY_MS (3 s, what the edge's probe needs to see it)
 *   requests are still served, each answer closing its connection; then the listener closes, requests in
 *   flight finish (at most ORIGIN_DRAIN_TIMEOUT_MS, 10 s, then their connections are cut), and it exits 0.
 *   SIGINT (Ctrl-C) does the same without the delay: nothing routes around an origin stopped by hand.
 * - X-Release on every answer: the release folder's name, which the edge tags pages with.
 * - Its own run folder: Next writes at run time (pages rendered on first request and regenerated ones under
 *   .next/server/route-cache, resized photos under .next/cache), so each origin runs from
 *   <releases>/.run/<release>-<port>/, links to the release's read-only files plus its own copy of what Next
 *   writes to. The release itself is never written to, and origins never read each other's half-written files.
 * Next's own signal handling (close, then exit 143, unbounded) is turned off with NEXT_MANUAL_SIG_HANDLE.
 * Plain JavaScript with only Node's modules, like standalone.mjs.
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

export const READY_PATH = '/_origin/ready';

const releaseDir = realpathSync(path.resolve(process.argv[2] ?? '.'));
const release = path.basename(releaseDir);
const numberFrom = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a number of milliseconds; got "${process.env[name]}"`);
  return value;
};
const drainDelayMs = numberFrom('ORIGIN_DRAIN_DELAY_MS', 3000);
const drainTimeoutMs = numberFrom('ORIGIN_DRAIN_TIMEOUT_MS', 10_000);

let draining = false;
let inFlight = 0;
/** @type {http.Server | undefined} */
let server;
const idle = new Set();

// server.js makes exactly one HTTP server (next/dist/server/lib/start-server): wrap its request listener.
const createServer = http.createServer;
http.createServer = function createOriginServer(...args) {
  const listener = args.find((arg) => typeof arg === 'function');
  const wrapped = (req, res) => {
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) for (const resolve of idle) resolve();
    });
    res.setHeader('X-Release', release);
    if (draining) res.setHeader('Connection', 'close');
    if (req.url === READY_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      if (draining) {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end('draining\n');
        return;
      }
      req.url = '/robots.txt';
    }
    return listener(req, res);
  };
  const created = createServer.apply(
    http,
    args.map((arg) => (arg === listener ? wrapped : arg)),
  );
  server ??= created;
  return created;
};

async function stop(signal) {
  if (draining) return;
  draining = true;
  const started = Date.now();
  if (signal === 'SIGTERM' && drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, drainDelayMs));
  if (server) {
    server.close();
    // Keep-alive connections with no request on them would hold close() open: end them now.
    server.closeIdleConnections();
    if (inFlight > 0) {
      await new Promise((resolve) => {
        idle.add(resolve);
        setTimeout(resolve, drainTimeoutMs).unref();
      });
    }
    server.closeAllConnections();
  }
  // What Next wrote at run time goes with the origin; the next one on this port starts from the release again.
  rmSync(runDir, { recursive: true, force: true });
  console.log(
    `origin ${release} on port ${process.env.PORT}: stopped on ${signal} in ${Date.now() - started} ms (${inFlight} requests cut)`,
  );
  process.exit(0);
}

process.env.NEXT_MANUAL_SIG_HANDLE = '1';
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

/**
 * The origin's run folder: `server.js` and `package.json` copied (server.js finds its folder from its own
 * address), the dist folder's `cache` left to Next to make, `server/route-cache` copied, the rest linked.
 */
function makeRunFolder(port) {
  const runDir = path.join(path.dirname(releaseDir), '.run', `${release}-${port}`);
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

const runDir = makeRunFolder(process.env.PORT ?? '3000');
await import(pathToFileURL(path.join(runDir, 'server.js')).href);
