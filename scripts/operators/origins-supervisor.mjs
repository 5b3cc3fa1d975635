#!/usr/bin/env node
/**
 * `npm run origins`: one origin per port of the current release, restarted when it dies, rolled to a new release
 * when `npm run deploy` asks; Ctrl-C or SIGTERM stops them all (docs/operations/deploys.md, decision 0032).
 *
 *   ORIGIN_PORTS=3000,3001 ORIGIN_HOST=127.0.0.1 npm run origins
 */
import { OriginPool } from '../lib/origin-pool.mjs';
import { controlSocketPath, serveControl } from '../lib/origins-control.mjs';
import { readPointer, releasePaths, resolveRelease, setPointer } from '../lib/releases.mjs';

const log = (message) => console.log(`[origins] ${message}`);

/** The ports, the address and the deploy's timings, from the environment. */
function readSettings(env) {
  const ports = (env.ORIGIN_PORTS || '3000').split(',').map((text) => {
    const port = Number(text.trim());
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`ORIGIN_PORTS: "${text}" is not a port`);
    return port;
  });
  return {
    ports,
    host: env.ORIGIN_HOST || env.HOST || '0.0.0.0',
    settleMs: Number(env.ORIGIN_SETTLE_MS ?? 3000),
    readyTimeoutMs: Number(env.ORIGIN_READY_TIMEOUT_MS ?? 60_000),
  };
}

/** The release `current` names; on a first run, `latest` becomes current. */
function currentRelease(releases) {
  const release = resolveRelease(releases, 'current');
  if (release) return release;
  const latest = readPointer(releases, 'latest');
  if (!latest) throw new Error(`No release in ${releases}: run \`npm run build\` first.`);
  setPointer(releases, 'current', latest);
  return resolveRelease(releases, 'current');
}

/** What the control socket runs for `roll`: the pool rolled to the release `current` names now, one deploy at a time. */
function rollOnRequest(pool, releases) {
  let rolling = false;
  return async (say) => {
    if (rolling || pool.shuttingDown) throw new Error('a deploy is already running, or the origins are stopping');
    rolling = true;
    try {
      const release = resolveRelease(releases, 'current');
      if (!release) throw new Error('no current release');
      say(`rolling ${pool.ports.length} origins to ${release.name}`);
      return await pool.roll(release, (line) => {
        log(line);
        say(line);
      });
    } catch (error) {
      log(`deploy failed: ${error.message}`);
      throw error;
    } finally {
      rolling = false;
    }
  };
}

async function main() {
  const { releases } = releasePaths();
  const settings = readSettings(process.env);
  const release = currentRelease(releases);
  const pool = new OriginPool({ ...settings, log });
  let control;
  const shutDown = async (signal) => {
    if (pool.shuttingDown) return;
    log(`${signal}: stopping ${pool.running.size} origins`);
    control?.close();
    await pool.stopAll();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutDown('SIGINT'));
  process.on('SIGTERM', () => void shutDown('SIGTERM'));
  for (const port of settings.ports) pool.start(port, release);
  control = serveControl(controlSocketPath(releases), rollOnRequest(pool, releases));
  const ready = await pool.waitAllReady();
  log(
    `${ready.filter(Boolean).length} of ${settings.ports.length} origins of ${release.name} ready on ${settings.host}:${settings.ports.join(',')} (deploy with \`npm run deploy\`)`,
  );
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
