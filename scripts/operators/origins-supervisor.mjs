#!/usr/bin/env node
/**
 * `npm run origins`: several origins of the current release on this machine, under one supervisor.
 *
 *   ORIGIN_PORTS=3000,3001 ORIGIN_HOST=127.0.0.1 npm run origins
 *
 * - Runs one origin (scripts/operators/run-origin.mjs) per port of the release `current` names (the last build on a first
 *   run); restarts one that dies.
 * - Ctrl-C or SIGTERM stops them all (each drains, scripts/operators/run-origin.mjs) and then itself, with exit code 0.
 * - Listens on <releases>/origins.sock for `npm run deploy` (scripts/operators/deploy.mjs): `roll` replaces the
 *   origins one at a time with the release `current` names now, each answering its readiness path (and
 *   ORIGIN_SETTLE_MS more, for the edge's probe to take it back) before the next is stopped. An origin of
 *   the new release that does not become ready is stopped, the old one started again, and the roll fails.
 * Plain JavaScript with only Node's modules (decision 0032 says why not pm2).
 */
import { existsSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { controlSocketPath, readPointer, releasePaths, resolveRelease, setPointer } from '../lib/releases.mjs';
import { spawnOrigin } from './standalone.mjs';

const READY_PATH = '/_origin/ready';
const { releases } = releasePaths();

const ports = (process.env.ORIGIN_PORTS || '3000').split(',').map((text) => {
  const port = Number(text.trim());
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`ORIGIN_PORTS: "${text}" is not a port`);
  return port;
});
const host = process.env.ORIGIN_HOST || process.env.HOST || '0.0.0.0';
const probeHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
const settleMs = Number(process.env.ORIGIN_SETTLE_MS ?? 3000);
const readyTimeoutMs = Number(process.env.ORIGIN_READY_TIMEOUT_MS ?? 60_000);
const log = (message) => console.log(`[origins] ${message}`);

/** port → { child, release, stopping } */
const running = new Map();
let shuttingDown = false;
let rolling = false;

function start(port, release) {
  const child = spawnOrigin(release.dir, { port, hostname: host, stdio: ['ignore', 'inherit', 'inherit'] });
  const entry = { child, release, stopping: false };
  running.set(port, entry);
  child.on('exit', (code, signal) => {
    if (entry.stopping || shuttingDown) return;
    log(`origin on ${port} (${release.name}) exited (${signal ?? code}); starting it again in 1 s`);
    setTimeout(() => {
      if (!shuttingDown && running.get(port) === entry) start(port, release);
    }, 1000);
  });
  return entry;
}

function stop(entry) {
  entry.stopping = true;
  return new Promise((resolve) => {
    if (entry.child.exitCode !== null || entry.child.signalCode !== null) return resolve();
    // The origin drains for at most its delay and timeout (3 s + 10 s by default); then it is ended.
    const force = setTimeout(() => entry.child.kill('SIGKILL'), 30_000);
    entry.child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    entry.child.kill('SIGTERM');
  });
}

function isReady(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: probeHost, port, path: READY_PATH, timeout: 2000, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

async function waitReady(port, entry) {
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (entry.child.exitCode !== null) return false;
    if (await isReady(port)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** Replaces every origin, one at a time, with `release`; `say` gets progress lines. */
async function roll(release, say) {
  const started = Date.now();
  for (const port of ports) {
    const old = running.get(port);
    if (old && old.release.name === release.name) {
      say(`port ${port} already runs ${release.name}`);
      continue;
    }
    if (old) await stop(old);
    const fresh = start(port, release);
    if (!(await waitReady(port, fresh))) {
      await stop(fresh);
      if (old) {
        const back = start(port, old.release);
        await waitReady(port, back);
      }
      throw new Error(
        `the origin of ${release.name} on port ${port} did not become ready within ${readyTimeoutMs} ms; port ${port} runs ${old?.release.name ?? 'nothing'} again`,
      );
    }
    say(`port ${port} runs ${release.name}`);
    // Until the edge's probe has seen it healthy again, it would route everything to the others.
    if (port !== ports.at(-1)) await new Promise((r) => setTimeout(r, settleMs));
  }
  return Date.now() - started;
}

function serveControl() {
  const socketPath = controlSocketPath(releases);
  // A socket left by a supervisor that died: nothing answers on it.
  if (existsSync(socketPath)) rmSync(socketPath, { force: true });
  const control = net.createServer((connection) => {
    connection.setEncoding('utf8');
    let buffer = '';
    connection.on('data', async (chunk) => {
      buffer += chunk;
      if (!buffer.includes('\n')) return;
      const command = buffer.trim();
      buffer = '';
      const say = (line) => connection.write(`${line}\n`);
      if (command !== 'roll') return connection.end(`failed unknown command ${command}\n`);
      if (rolling || shuttingDown)
        return connection.end('failed a deploy is already running, or the origins are stopping\n');
      rolling = true;
      try {
        const release = resolveRelease(releases, 'current');
        if (!release) throw new Error('no current release');
        say(`rolling ${ports.length} origins to ${release.name}`);
        const ms = await roll(release, (line) => {
          log(line);
          say(line);
        });
        connection.end(`ok ${ms}\n`);
      } catch (error) {
        log(`deploy failed: ${error.message}`);
        connection.end(`failed ${error.message}\n`);
      } finally {
        rolling = false;
      }
    });
    connection.on('error', () => {});
  });
  control.listen(socketPath);
  return control;
}

async function main() {
  let release = resolveRelease(releases, 'current');
  if (!release) {
    const latest = readPointer(releases, 'latest');
    if (!latest) {
      console.error(`No release in ${releases}: run \`npm run build\` first.`);
      process.exit(1);
    }
    setPointer(releases, 'current', latest);
    release = resolveRelease(releases, 'current');
  }
  let control;
  const shutDown = async (signal) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal}: stopping ${running.size} origins`);
    control?.close();
    await Promise.all([...running.values()].map(stop));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutDown('SIGINT'));
  process.on('SIGTERM', () => void shutDown('SIGTERM'));
  for (const port of ports) start(port, release);
  control = serveControl();
  const ready = await Promise.all(ports.map((port) => waitReady(port, running.get(port))));
  log(
    `${ready.filter(Boolean).length} of ${ports.length} origins of ${release.name} ready on ${host}:${ports.join(',')} (deploy with \`npm run deploy\`)`,
  );
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
