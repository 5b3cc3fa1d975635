/**
 * `npm run bench:edge`: the site behind its edge (`npm run edge`, Varnish), measured against baselines
 * taken in the same run, written to BENCHMARKS.md's "edge" section.
 *
 *   - story page throughput and p99 latency through the edge vs a static file server answering with the
 *     same bytes (target: ≥ 0.8× its throughput), with the origin's own figure for scale;
 *   - origin requests per 10,000 edge requests under a realistic mix (many stories, a few hot ones, tracking
 *     parameters on a share of the links, a few odd clients), vs the 10,000 that reach an origin with no
 *     cache and the distinct URLs a cache keyed on the raw URL would fetch.
 *
 * A temporary project with synthetic stories (bench/synthetic.ts), two origins from its build
 * behind counting proxies, the edge in front; free ports; everything stopped and removed at the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { Edge, Origin, request } from '../test/support/edge-harness';
import { freePort } from '../test/support/free-port';
import { prng } from '../test/support/synthetic-archive';
import { createTempProject } from '../test/support/temp-project';
import { writeBenchSection } from './benchmarks-file';
import { timeBuild } from './measure';
import { startStaticFileServer, type RunningServer } from './servers';
import { writeSyntheticStories } from './synthetic';

const STORIES = 200;
const HOT_STORIES = 5;
const MIX_REQUESTS = 10_000;
const TARGET = 0.8;
const ROUNDS = 7;
const ROUND_SECONDS = 4;
const WARMUP_SECONDS = 2;
/** autocannon's connections, and the realistic mix's requests in flight. */
const CONNECTIONS = 50;
/** The realistic mix's shares: of requests (stories, front page, listings; searches take the rest), of story requests (hot), of links (tracked), of clients (plain, rsc). */
const MIX = { stories: 0.75, hot: 0.6, front: 0.1, listings: 0.13, tracked: 0.25, plain: 0.1, rsc: 0.01 };
const percent = (share: number) => `${Math.round(share * 100)}%`;

const log = (message: string) => console.log(`[bench:edge ${new Date().toISOString().slice(11, 19)}] ${message}`);

interface Load {
  requestsPerSecond: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU time the server's processes spent per 1,000 answers (user + system), in ms: does not depend on how busy the machine is. */
  cpuPerThousand: number;
}

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

/** User + system CPU ticks of these processes so far (Linux /proc). */
function cpuTicks(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks;
}

async function load(url: string, headers: Record<string, string>, seconds: number, pids: number[] = []): Promise<Load> {
  const before = cpuTicks(pids);
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
  const cpuPerThousand = ((cpuTicks(pids) - before) * TICK_MS) / (r.requests.total / 1000);
  return {
    requestsPerSecond: r.requests.average,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    cpuPerThousand,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Pair {
  static: Load;
  edge: Load;
  /** Median over the rounds of edge ÷ static within the round, and the lowest and highest of them. */
  ratio: number;
  ratioRange: [number, number];
}

/**
 * The machine is shared, so a single pair of runs says little: after a warm-up of each, the static server
 * and the edge take turns, ROUNDS times. Each round's ratio compares two runs a few seconds apart (under
 * the same load from whatever else runs); the figure is the median of those ratios, and every other
 * figure the median of its runs (errors summed).
 */
async function pair(
  staticServer: { url: string; pids: number[] },
  edgeServer: { url: string; pids: number[] },
  headers: Record<string, string>,
): Promise<Pair> {
  await load(staticServer.url, headers, WARMUP_SECONDS);
  await load(edgeServer.url, headers, WARMUP_SECONDS);
  const runs: Array<{ static: Load; edge: Load }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    runs.push({
      static: await load(staticServer.url, headers, ROUND_SECONDS, staticServer.pids),
      edge: await load(edgeServer.url, headers, ROUND_SECONDS, edgeServer.pids),
    });
  }
  const summary = (list: Load[]): Load => ({
    requestsPerSecond: median(list.map((l) => l.requestsPerSecond)),
    p99: median(list.map((l) => l.p99)),
    cpuPerThousand: median(list.map((l) => l.cpuPerThousand)),
    errors: list.reduce((sum, l) => sum + l.errors, 0),
    non2xx: list.reduce((sum, l) => sum + l.non2xx, 0),
  });
  const ratios = runs.map((r) => r.edge.requestsPerSecond / r.static.requestsPerSecond);
  return {
    static: summary(runs.map((r) => r.static)),
    edge: summary(runs.map((r) => r.edge)),
    ratio: median(ratios),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
  };
}

interface MixRequest {
  path: string;
  headers: Record<string, string>;
}

/**
 * The realistic mix: three quarters story pages (a few hot stories take 60% of those, the rest follow a
 * long tail), the front page, listings and feeds; a quarter of all links carry tracking parameters from
 * shares (each a different campaign or click id); 10% of clients without gzip, 1% sending RSC headers.
 */
function realisticMix(storyPaths: string[], otherPaths: string[], searches: string[]): MixRequest[] {
  // Seeded, so every run sends the same mix.
  const next = prng(20240618);
  const hot = storyPaths.slice(0, HOT_STORIES);
  const tail = storyPaths.slice(HOT_STORIES);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  // Long tail: story i is picked with weight 1/(i+1).
  const weights = tail.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pickTail = () => {
    let r = next() * total;
    for (let i = 0; i < tail.length; i++) if ((r -= weights[i]!) <= 0) return tail[i]!;
    return tail.at(-1)!;
  };
  const requests: MixRequest[] = [];
  for (let i = 0; i < MIX_REQUESTS; i++) {
    const roll = next();
    let target =
      roll < MIX.stories
        ? next() < MIX.hot
          ? pick(hot)
          : pickTail()
        : roll < MIX.stories + MIX.front
          ? '/'
          : roll < MIX.stories + MIX.front + MIX.listings
            ? pick(otherPaths)
            : pick(searches);
    if (next() < MIX.tracked) {
      const id = Math.floor(next() * 1e9).toString(36);
      target +=
        (target.includes('?') ? '&' : '?') +
        pick([
          `utm_source=twitter&utm_medium=social&utm_campaign=${id}`,
          `fbclid=IwAR${id}`,
          `gclid=${id}`,
          `utm_source=newsletter&utm_content=${id}`,
        ]);
    }
    const headers: Record<string, string> = next() < 1 - MIX.plain ? { 'Accept-Encoding': 'gzip, deflate, br' } : {};
    if (next() < MIX.rsc) headers.RSC = '1';
    requests.push({ path: target, headers });
  }
  return requests;
}

/** Sends the mix through the edge, CONNECTIONS at a time over kept-alive connections; returns non-2xx answers. */
async function sendMix(edgeUrl: string, mix: MixRequest[]): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const { hostname, port } = new URL(edgeUrl);
  let failures = 0;
  let index = 0;
  const worker = async () => {
    while (index < mix.length) {
      const { path: p, headers } = mix[index++]!;
      const status = await new Promise<number>((resolve) => {
        http
          .get({ host: hostname, port, path: p, headers, agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          })
          .on('error', () => resolve(0));
      });
      if (status < 200 || status >= 300) failures++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  agent.destroy();
  return failures;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  const started = performance.now();
  const project = createTempProject('aju-bench-edge-');
  const servers: RunningServer[] = [];
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
    // All load comes from one loopback address: no miss limit, which would answer it 429 (e2e/edge-floods.spec.ts tests it).
    edge = await Edge.start(origins, { EDGE_MISS_LIMIT: '0' });

    // Pages as a reader finds them: stories from the sitemaps, listings from a story page.
    const direct = (p: string) => request(origins[0]!.url, p);
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

    log('throughput: story page through the edge vs a static file server with the same bytes');
    const story = storyPaths[0]!;
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
    const staticGzip = await startStaticFileServer(gzFile, await freePort(), 'gzip');
    servers.push(staticGzip);
    const staticPlain = await startStaticFileServer(plainFile, await freePort());
    servers.push(staticPlain);
    const edgeServer = { url: edge.url + story, pids: edge.pids() };
    const gzip = await pair({ url: staticGzip.url, pids: [staticGzip.pid!] }, edgeServer, gzipHeaders);
    const plain = await pair({ url: staticPlain.url, pids: [staticPlain.pid!] }, edgeServer, {});
    const origin = await load(origins[1]!.url + story, gzipHeaders, ROUND_SECONDS, origins[1]!.pids());
    for (const server of servers.splice(0)) await server.stop();

    log(`origin requests for ${fmt(MIX_REQUESTS)} edge requests, realistic mix, cold edge`);
    const ban = await request(edge.url, '/', { method: 'BAN', headers: { 'X-Ban-Url': '.' } });
    if (ban.status !== 200) throw new Error(`could not empty the edge: ${ban.status}`);
    const mix = realisticMix(storyPaths, otherPaths, searches);
    const before = origins.reduce((sum, o) => sum + o.requests, 0);
    const mixStarted = performance.now();
    const failures = await sendMix(edge.url, mix);
    const mixSeconds = (performance.now() - mixStarted) / 1000;
    const originRequests = origins.reduce((sum, o) => sum + o.requests, 0) - before;
    const distinctRaw = new Set(mix.map((r) => r.path)).size;
    // A page is its path and the parameters the site reads (search's q): what the edge keys on.
    const pageOf = (p: string) => {
      const url = new URL(p, 'http://x');
      const q = url.searchParams.get('q');
      return url.pathname + (q === null ? '' : `?q=${q}`);
    };
    const distinctPages = new Set(mix.map((r) => pageOf(r.path))).size;
    // The edge keeps one copy per page and encoding: gzip for clients that take it, plain for the rest.
    const takesGzip = (r: MixRequest) => /gzip/.test(r.headers['Accept-Encoding'] ?? '');
    const distinctCopies = new Set(mix.map((r) => `${pageOf(r.path)} ${takesGzip(r) ? 'gzip' : 'plain'}`)).size;
    const tracked = mix.filter((r) => /[?&](utm_|fbclid|gclid)/.test(r.path)).length;

    const met = (value: number) => (value >= TARGET ? 'met' : 'missed');
    const row = (name: string, l: Load, vs: string, cpuVs: string) =>
      `| ${name} | ${fmt(l.requestsPerSecond)} | ${vs} | ${fmt(l.p99)} ms | ${l.cpuPerThousand ? `${fmt(l.cpuPerThousand)} ms (${cpuVs})` : 'n/a'} | ${l.errors} / ${l.non2xx} |`;
    const cpuVs = (p: Pair) => `${(p.edge.cpuPerThousand / p.static.cpuPerThousand).toFixed(2)}×`;
    const vs = (p: Pair) =>
      `**${p.ratio.toFixed(2)}×** (rounds ${p.ratioRange[0].toFixed(2)}–${p.ratioRange[1].toFixed(2)})`;
    const cpus = os.cpus();
    const varnishVersion =
      `${spawnSync('varnishd', ['-V'], { encoding: 'utf8' }).stderr}`.match(/varnish-[0-9.]+/)?.[0] ?? 'varnish';
    const markdown = `## Edge (\`npm run bench:edge\`)

Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, ${varnishVersion}; ${new Date().toISOString()}.
A copy of the site with ${STORIES} synthetic stories (built in ${buildSeconds.toFixed(0)} s), two origins from that build
(\`server.js\`, each behind a counting proxy) and \`npm run edge\` in front, all on loopback, sharing the machine with the load generator.

### Story page throughput through the edge

autocannon, ${CONNECTIONS} connections, the story page at the edge (a hit) vs a static file server in a separate Node process
answering with the same bytes from memory: a ${WARMUP_SECONDS} s warm-up of each, then ${ROUNDS} rounds of ${ROUND_SECONDS} s taking turns. The ratio is the median
of the rounds' ratios (each compares two runs seconds apart, under the same load from the rest of the machine), with
their range; requests/s and p99 are medians of the runs, errors summed. CPU per 1,000 answers is the time the server's own
processes (all of Varnish's; the one Node process of the static server) spent, from /proc; it grows for both when the
machine is busy (and more for Varnish's many threads, which then wait on each other), but less than throughput moves. The origin's figures are one ${ROUND_SECONDS} s run. Target: the edge at ≥ ${TARGET}× the static server.

| server | requests/s | vs static | p99 | server CPU per 1,000 answers | errors / non-2xx |
| --- | --- | --- | --- | --- | --- |
${row('static file server, gzipped page', gzip.static, '1 (baseline)', 'baseline')}
${row('edge, gzip (a browser)', gzip.edge, vs(gzip), cpuVs(gzip))}
${row('static file server, plain page', plain.static, '1 (baseline)', 'baseline')}
${row('edge, no Accept-Encoding (its plain copy)', plain.edge, vs(plain), cpuVs(plain))}
${row('origin alone (Next server.js), gzip, for scale', origin, `${(origin.requestsPerSecond / gzip.static.requestsPerSecond).toFixed(2)}×`, `${(origin.cpuPerThousand / gzip.static.cpuPerThousand).toFixed(1)}×`)}

Target ≥ ${TARGET}×: **${met(gzip.ratio)}** for browsers (gzip, ${gzip.ratio.toFixed(2)}×); ${met(plain.ratio)} for clients without gzip (${plain.ratio.toFixed(2)}×).
Varnish spends more CPU per answer than a bare Node server writing bytes from memory (a thread hand-off per
request, a shared-memory log record for every header and step, which \`varnishlog\` reads, the site's VCL, and its
threads contending for the one hot object when the cores are oversubscribed); on a machine shared with other work, the
CPU each server gets decides the throughput ratio, so the rounds spread widely: read the range beside the median.

### Origin requests under a realistic mix

${fmt(MIX_REQUESTS)} requests through a cold edge, ${CONNECTIONS} at a time: ${percent(MIX.stories)} story pages (${HOT_STORIES} hot stories take ${percent(MIX.hot)} of those, the other
${STORIES - HOT_STORIES} a 1/n long tail), ${percent(MIX.front)} the front page, ${percent(MIX.listings)} listings with their numbered pages, archive, feeds and sitemaps (${otherPaths.length} URLs), ${percent(1 - MIX.stories - MIX.front - MIX.listings)} searches (${searches.length} queries); ${fmt(tracked)} (${((100 * tracked) / MIX_REQUESTS).toFixed(0)}%)
carry tracking parameters from shares, each with its own campaign or click id; ${percent(MIX.plain)} of clients send no Accept-Encoding, ${percent(MIX.rsc)} send \`RSC: 1\`.
Counted at the origins' proxies (health probes left out).

| what reaches the origins | requests per ${fmt(MIX_REQUESTS)} | vs no cache |
| --- | --- | --- |
| no cache (every request) | ${fmt(MIX_REQUESTS)} | 1 (baseline) |
| a cache keyed on the raw URL (distinct URLs in the mix) | ${fmt(distinctRaw)} | ${(distinctRaw / MIX_REQUESTS).toFixed(3)} |
| **the edge** | **${fmt(originRequests)}** | **${(originRequests / MIX_REQUESTS).toFixed(3)}** |
| distinct pages in the mix | ${fmt(distinctPages)} | ${(distinctPages / MIX_REQUESTS).toFixed(3)} |
| distinct pages × encodings asked for (the floor for a cold edge that keeps a gzip and a plain copy) | ${fmt(distinctCopies)} | ${(distinctCopies / MIX_REQUESTS).toFixed(3)} |

${fmt(failures)} of the ${fmt(MIX_REQUESTS)} answers were not 2xx; the mix took ${mixSeconds.toFixed(1)} s. Beyond one fetch per page and encoding,
tracking parameters, \`RSC\` headers and concurrent first requests cost ${fmt(originRequests - distinctCopies)} origin requests.

Bench time ${((performance.now() - started) / 1000).toFixed(0)} s.`;
    writeBenchSection('edge', markdown);
    console.log(`\n${markdown}\n`);
    log('wrote BENCHMARKS.md');
  } finally {
    await edge?.stop();
    for (const origin of origins) await origin.stop();
    for (const server of servers) await server.stop();
    rmSync(htmlDir, { recursive: true, force: true });
    project.remove();
  }
}

await main();
