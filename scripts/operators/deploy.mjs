#!/usr/bin/env node
/**
 * `npm run deploy`: makes a release current and has `npm run origins` replace the origins with it, one at a time,
 * then soft-purges earlier releases' pages at the edge (docs/operations/deploys.md, decisions 0030 and 0034).
 *
 *   npm run deploy [-- --rollback | -- --release <name>]
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import { controlSocketPath, requestRoll } from '../lib/origins-control.mjs';
import { listReleases, readPointer, releasePaths, resolveRelease, setPointer } from '../lib/releases.mjs';

/** The release to make current: `previous` for a rollback, else the one named or the last build. */
function chooseTarget(values, releases, previous) {
  if (values.rollback) {
    if (!previous) throw new Error(`Nothing to roll back to: no previous release in ${releases}.`);
    return previous;
  }
  const target = values.release ?? readPointer(releases, 'latest');
  if (!target || !resolveRelease(releases, target))
    throw new Error(`No release ${values.release ?? '(latest)'} in ${releases}: run \`npm run build\` first.`);
  return target;
}

/** Points `current` at `target`, has the origins roll to it, and puts the pointers back if they cannot. */
async function switchTo(releases, target, { current, previous }) {
  setPointer(releases, 'current', target);
  setPointer(releases, 'previous', current);
  const outcome = await requestRoll(controlSocketPath(releases), (line) => console.log(`  ${line}`));
  if (outcome.absent) {
    console.log(`No \`npm run origins\` running here (${releases}); it will start ${target}.`);
    return false;
  }
  if (!outcome.ok) {
    setPointer(releases, 'current', current);
    setPointer(releases, 'previous', previous);
    throw new Error(`Deploy failed, origins and pointers are back on ${current}: ${outcome.message}`);
  }
  return true;
}

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

/** Has every edge of EDGE_URL mark stale what releases other than `target` made. */
async function refreshEdges(releases, target) {
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

async function main() {
  const { values } = parseArgs({ options: { rollback: { type: 'boolean' }, release: { type: 'string' } } });
  const { releases } = releasePaths();
  const pointers = { current: readPointer(releases, 'current'), previous: readPointer(releases, 'previous') };
  const target = chooseTarget(values, releases, pointers.previous);
  if (target === pointers.current) {
    console.log(`${target} is already current; nothing to deploy.`);
    return;
  }
  const started = Date.now();
  console.log(`${values.rollback ? 'Rolling back' : 'Deploying'}: ${pointers.current ?? '(none)'} → ${target}`);
  if (!(await switchTo(releases, target, pointers))) return;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${values.rollback ? 'Rolled back' : 'Deployed'} ${target} in ${seconds} s.`);
  await refreshEdges(releases, target);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
