/**
 * `npm run bench:edge`: the story page through the edge (Varnish) against a static file server with the same
 * bytes, and origin requests under a realistic mix against no cache, on a copy of the site with synthetic
 * stories, in the same run; writes BENCHMARKS.md's edge section (docs/operations/edge.md).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Edge, Origin, request } from '../test/support/edge-harness';
import { freePort } from '../test/support/free-port';
import { createTempProject } from '../test/support/temp-project';
import { writeBenchSection } from './benchmarks-file';
import { load, pair, ROUND_SECONDS } from './edge-load';
import { countMix, MIX_REQUESTS, realisticMix, sendMix, STORIES } from './edge-mix';
import { edgeReport, type MixFigures, type ThroughputFigures } from './edge-report';
import { timeBuild } from './measure';
import { startStaticFileServer, type RunningServer } from './servers';
import { writeSyntheticStories } from './synthetic';

const log = (message: string) => console.log(`[bench:edge ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Pages as a reader finds them: stories from the sitemaps, listings from a story page; each must answer 200. */
async function findPaths(origin: Origin) {
  const direct = (p: string) => request(origin.url, p);
  const storyPaths = [
    `/stories/putin-heads-to-pyongyang`,
    ...Array.from({ length: STORIES - 1 }, (_, i) => `/stories/synthetic-story-${i + 2}`),
  ];
  const storyHtml = (await direct(storyPaths[0]!)).body;
  const listingLinks = (html: string) =>
    [...html.matchAll(/href="(\/(?:sections|authors|tags|archive)\/[^"?#]*)"/g)].map((m) => m[1]!);
  const fromStory = listingLinks(storyHtml);
  // A listing's own links add its numbered pages (/sections/x/page/2 …).
  const section = fromStory.find((p) => p.startsWith('/sections/'));
  const fromSection = section ? listingLinks((await direct(section)).body) : [];
  const otherPaths = [...new Set([...fromStory, ...fromSection, '/feed.xml', '/sitemap.xml', '/news-sitemap.xml'])];
  // Searches keep their query (the site reads q): a few common ones.
  const searches = ['putin', 'kim jong-un', 'pyongyang', 'russia', 'summit'].map(
    (q) => `/search?q=${encodeURIComponent(q)}`,
  );
  for (const p of [...storyPaths.slice(0, 3), ...otherPaths, ...searches]) {
    const status = (await direct(p)).status;
    if (status !== 200) throw new Error(`${p} answers ${status} from the origin`);
  }
  return { storyPaths, otherPaths, searches };
}

/** The story page, a hit at the edge, against static file servers with the same bytes (gzipped and plain). */
async function measureThroughput(edge: Edge, origins: Origin[], story: string, htmlDir: string) {
  const gzipHeaders = { 'Accept-Encoding': 'gzip, deflate, br' };
  await request(edge.url, story, { headers: gzipHeaders });
  const edgeAnswer = await request(edge.url, story, { headers: gzipHeaders });
  if (edgeAnswer.headers['x-cache'] !== 'HIT')
    throw new Error(`the story is not a hit at the edge: ${edgeAnswer.headers['x-cache']}`);
  // The same bytes the edge sends: the page, gzipped (the edge stores the origin's gzip).
  const gzFile = path.join(htmlDir, 'story.html.gz');
  const plainFile = path.join(htmlDir, 'story.html');
  writeFileSync(plainFile, edgeAnswer.body);
  writeFileSync(gzFile, zlib.gzipSync(edgeAnswer.body));
  const servers: RunningServer[] = [];
  try {
    const staticGzip = await startStaticFileServer(gzFile, await freePort(), 'gzip');
    servers.push(staticGzip);
    const staticPlain = await startStaticFileServer(plainFile, await freePort());
    servers.push(staticPlain);
    const edgeServer = { url: edge.url + story, pids: edge.pids() };
    const gzip = await pair({ url: staticGzip.url, pids: [staticGzip.pid!] }, edgeServer, gzipHeaders);
    const plain = await pair({ url: staticPlain.url, pids: [staticPlain.pid!] }, edgeServer, {});
    const origin = await load(origins[1]!.url + story, gzipHeaders, ROUND_SECONDS, origins[1]!.pids());
    return { gzip, plain, origin };
  } finally {
    for (const server of servers) await server.stop();
  }
}

/** The realistic mix through an emptied edge: how many requests reach the origins. */
async function measureMix(edge: Edge, origins: Origin[], paths: Awaited<ReturnType<typeof findPaths>>) {
  const ban = await request(edge.url, '/', { method: 'BAN', headers: { 'X-Ban-Url': '.' } });
  if (ban.status !== 200) throw new Error(`could not empty the edge: ${ban.status}`);
  const mix = realisticMix(paths.storyPaths, paths.otherPaths, paths.searches);
  const before = origins.reduce((sum, o) => sum + o.requests, 0);
  const mixStarted = performance.now();
  const failures = await sendMix(edge.url, mix);
  const mixSeconds = (performance.now() - mixStarted) / 1000;
  const originRequests = origins.reduce((sum, o) => sum + o.requests, 0) - before;
  const { otherPaths, searches } = paths;
  return { otherPaths, searches, originRequests, failures, mixSeconds, ...countMix(mix) } satisfies MixFigures;
}

async function main() {
  const started = performance.now();
  const project = createTempProject('aju-bench-edge-');
  const origins: Origin[] = [];
  let edge: Edge | undefined;
  const htmlDir = mkdtempSync(path.join(os.tmpdir(), 'aju-bench-edge-html-'));
  try {
    log(`building a copy of the site with ${STORIES} stories`);
    writeSyntheticStories(project, STORIES);
    const buildSeconds = timeBuild(project.dir, { NEXT_DIST_DIR: '.next' });
    execFileSync(process.execPath, [path.join(project.dir, 'scripts/operators/standalone.mjs'), 'prepare'], {
      cwd: project.dir,
      env: { ...process.env, NEXT_DIST_DIR: '.next' },
    });
    log(`  built in ${buildSeconds.toFixed(0)} s; starting two origins and the edge`);
    const release = path.join(project.dir, '.next-releases/latest');
    origins.push(await Origin.start(release), await Origin.start(release));
    // All load comes from one loopback address: no miss limit, which would answer it 429 (e2e/edge-floods.spec.ts).
    edge = await Edge.start(origins, { EDGE_MISS_LIMIT: '0' });
    const paths = await findPaths(origins[0]!);

    log('throughput: story page through the edge vs a static file server with the same bytes');
    const throughput = await measureThroughput(edge, origins, paths.storyPaths[0]!, htmlDir);
    log(`origin requests for ${MIX_REQUESTS.toLocaleString('en-US')} edge requests, realistic mix, cold edge`);
    const mix = await measureMix(edge, origins, paths);
    const varnishVersion =
      `${spawnSync('varnishd', ['-V'], { encoding: 'utf8' }).stderr}`.match(/varnish-[0-9.]+/)?.[0] ?? 'varnish';
    const figures: ThroughputFigures = { buildSeconds, varnishVersion, ...throughput };
    const markdown = edgeReport(figures, mix, (performance.now() - started) / 1000);
    writeBenchSection('edge', markdown);
    console.log(`\n${markdown}\n`);
    log('wrote BENCHMARKS.md');
  } finally {
    await edge?.stop();
    for (const origin of origins) await origin.stop();
    rmSync(htmlDir, { recursive: true, force: true });
    project.remove();
  }
}

await main();
