#!/usr/bin/env node
/**
 * `npm run deploy`: makes the last build current and replaces the running origins with it, one at a time.
 *
 *   npm run deploy                      the last build (`latest`) becomes `current`, the one before `previous`
 *   npm run deploy -- --rollback        `previous` becomes `current` again (and the one rolled back from `previous`)
 *   npm run deploy -- --release <name>  a given release folder (one copied from the machine that built it)
 *
 * The origins are replaced by `npm run origins` (scripts/operators/origins-supervisor.mjs), told through its socket; with none
 * running, the pointers are set for the next `npm run origins`. If an origin of the new release does not
 * become ready, the origins go back and so do the pointers, and the deploy exits 1. Content is not part of a
 * release, so neither a deploy nor a rollback changes what readers read (decision 0030).
 * Plain JavaScript with only Node's modules.
 */
import http from 'node:http';
import net from 'node:net';
import { parseArgs } from 'node:util';
import {
  controlSocketPath,
  listReleases,
  readPointer,
  releasePaths,
  resolveRelease,
  setPointer,
} from '../lib/releases.mjs';

/** Soft-purges at one edge every object tagged with one of `names`; resolves with how many, or an error. */
function purgeReleases(edge, names) {
  return new Promise((resolve) => {
    const url = new URL('/', edge);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port || 80,
        method: 'PURGE',
        path: '/',
        headers: { 'X-Purge-Release': names.join(' ') },
        timeout: 10_000,
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve(
            res.statusCode === 200
              ? { purged: Number(res.headers['x-purged'] ?? 0) }
              : { error: `answered ${res.statusCode}` },
          ),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', (error) => resolve({ error: error.message }));
    req.end();
  });
}

function rollOrigins(socketPath) {
  return new Promise((resolve) => {
    const connection = net.connect(socketPath);
    let buffer = '';
    let outcome;
    connection.setEncoding('utf8');
    connection.on('connect', () => connection.write('roll\n'));
    connection.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        if (line.startsWith('ok ')) outcome = { ok: true, ms: Number(line.slice(3)) };
        else if (line.startsWith('failed ')) outcome = { ok: false, message: line.slice(7) };
        else console.log(`  ${line}`);
      }
    });
    connection.on('error', (error) =>
      resolve({ ok: false, absent: ['ENOENT', 'ECONNREFUSED'].includes(error.code), message: error.message }),
    );
    connection.on('close', () => resolve(outcome ?? { ok: false, message: 'the supervisor closed the connection' }));
  });
}

async function main() {
  const { values } = parseArgs({ options: { rollback: { type: 'boolean' }, release: { type: 'string' } } });
  const { releases } = releasePaths();
  const current = readPointer(releases, 'current');
  const previous = readPointer(releases, 'previous');
  let target;
  if (values.rollback) {
    if (!previous) throw new Error(`Nothing to roll back to: no previous release in ${releases}.`);
    target = previous;
  } else {
    target = values.release ?? readPointer(releases, 'latest');
    if (!target || !resolveRelease(releases, target))
      throw new Error(`No release ${values.release ?? '(latest)'} in ${releases}: run \`npm run build\` first.`);
  }
  if (target === current) {
    console.log(`${target} is already current; nothing to deploy.`);
    return;
  }
  const started = Date.now();
  console.log(`${values.rollback ? 'Rolling back' : 'Deploying'}: ${current ?? '(none)'} → ${target}`);
  setPointer(releases, 'current', target);
  setPointer(releases, 'previous', current);
  const outcome = await rollOrigins(controlSocketPath(releases));
  if (outcome.absent) {
    console.log(`No \`npm run origins\` running here (${releases}); it will start ${target}.`);
    return;
  }
  if (!outcome.ok) {
    setPointer(releases, 'current', current);
    setPointer(releases, 'previous', previous);
    throw new Error(`Deploy failed, origins and pointers are back on ${current}: ${outcome.message}`);
  }
  console.log(
    `${values.rollback ? 'Rolled back' : 'Deployed'} ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  const others = listReleases(releases).filter((name) => name !== target);
  const edges = (process.env.EDGE_URL || `http://127.0.0.1:${process.env.EDGE_PORT || 8080}`)
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const edge of edges) {
    const result = others.length ? await purgeReleases(edge, others) : { purged: 0 };
    if (result.error) console.log(`Edge ${edge}: not refreshed (${result.error}); its pages refresh as they expire.`);
    else
      console.log(
        `Edge ${edge}: ${result.purged} objects of earlier releases marked stale (refetched on their next request).`,
      );
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
