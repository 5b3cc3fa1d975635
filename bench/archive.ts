/**
 * `npm run bench:archive` (a part of `npm run bench`): the site with a large archive, against the same site
 * with one story, built and measured in the same run. For each archive size (synthetic archives from
 * scripts/lib/synthetic-archive.ts, default prerender window):
 *
 *   - `next build` time and `content:check` time (tsx start-up included);
 *   - latency of a story outside the prerender window: its first request (rendered then) and a repeat
 *     (from Next's cache), p50, beside a prerendered story's request;
 *   - the server's memory (RSS of server.js) after start and after serving 1,000 distinct archive stories;
 *   - HTML bytes of the front page and of a section page;
 *   - a search (when /search exists): bytes transferred and time to the first result, in Chromium.
 *
 *   npm run bench:archive                  # 1 and 1,000 stories
 *   npm run bench:archive -- --full        # also 10,000 stories (about 10 more minutes on 2 cores)
 *
 * Each size is a temporary project copy, removed afterwards; servers listen on free loopback ports.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../scripts/lib/chromium';
import { createSyntheticArchive, publishedStories, type SyntheticManifest } from '../scripts/lib/synthetic-archive';
import { createTempProject } from '../scripts/lib/temp-project';
import { writeBenchSection } from './benchmarks-file';
import { median } from './measure';
import { freePort } from '../scripts/lib/free-port';
import { site } from '../lib/site';

const { values } = parseArgs({ options: { full: { type: 'boolean', default: false } } });
const SIZES = values.full ? [1000, 10_000] : [1000];
const DISTINCT_STORIES = 1000;
/** Archive stories requested a second time, and prerendered stories requested, for the cache rows. */
const REPEATS = 100;
/** "Independent of archive size": the largest archive's section page within this factor of the smallest's. */
const SAME_SIZE = 1.1;
const TARGETS = { buildSeconds10k: 300, buildGoal10k: 180, firstRequestMs: 300, rssMb: 512, checkSeconds10k: 20, searchKb: 300 };
/** Load average when the run started: times grow with whatever else the machine runs. */
const LOAD_AT_START = os.loadavg()[0]!;

const log = (message: string) => console.log(`[bench:archive ${new Date().toISOString().slice(11, 19)}] ${message}`);

interface SizeFigures {
  stories: number;
  /** Wall time of this size's whole measurement: generating, checking, building, serving and requests. */
  totalSeconds: number;
  buildSeconds: number;
  checkSeconds: number;
  /** The very first request after the server started (an archive story): module loading included. */
  coldFirstMs?: number;
  firstP50Ms?: number;
  repeatP50Ms?: number;
  prerenderedP50Ms?: number;
  served?: number;
  rssStartMb: number;
  rssAfterMb?: number;
  frontBytes: number;
  sectionBytes: number;
  sectionPath: string;
  search?: { bytes: number; ms: number; query: string; results: number };
}


function run(cwd: string, args: string[], env: Record<string, string>): number {
  const started = performance.now();
  try {
    execFileSync(args[0]!, args.slice(1), { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', AJU_CONTENT_CHECKED: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 2 ** 20 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${args.join(' ')} failed in ${cwd}:\n${stdout?.toString().slice(-4000) ?? ''}${stderr?.toString().slice(-4000) ?? ''}`);
  }
  return (performance.now() - started) / 1000;
}

/** RSS of a process in MB, from /proc. */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Starts a built copy as production runs it (`scripts/standalone.mjs serve`); `pid` is its server.js. */
async function startServer(dir: string, port: number): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const wrapper: ChildProcess = spawn(process.execPath, ['scripts/standalone.mjs', 'serve', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (wrapper.exitCode !== null || wrapper.signalCode !== null) return resolve();
      wrapper.once('exit', () => resolve());
      wrapper.kill('SIGTERM');
    });
  process.once('exit', () => wrapper.kill('SIGKILL'));
  // Wait for the port, without a request (a request would load the routes before the RSS is read).
  for (let i = 0; ; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true))).on('error', () => resolve(false));
    });
    if (open) break;
    if (i > 600 || wrapper.exitCode !== null) throw new Error(`the server in ${dir} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const children = readFileSync(`/proc/${wrapper.pid}/task/${wrapper.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  return { url, pid: children[0]!, stop };
}

async function timedGet(url: string): Promise<{ ms: number; status: number; bytes: number; cache?: string }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength, cache: response.headers.get('x-nextjs-cache') ?? undefined };
}

/** A query the archive answers: a distinctive word of an archive story's headline. */
async function measureSearch(url: string, manifest: SyntheticManifest | undefined): Promise<SizeFigures['search']> {
  if ((await fetch(`${url}/search`)).status !== 200) return undefined;
  const story = manifest ? publishedStories(manifest).at(-1)! : undefined;
  const query = story ? story.headline.split(' ').slice(0, 3).join(' ') : 'Pyongyang';
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/search`, { waitUntil: 'networkidle' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
    });
    const started = performance.now();
    // The search page's own box (SearchPanel) searches as the reader types.
    await page.getByLabel('Search stories').fill(query);
    await page.locator('.search-results a[href^="/stories/"]').first().waitFor({ timeout: 60_000 });
    const ms = performance.now() - started;
    await page.waitForLoadState('networkidle');
    const results = await page.locator('.search-results li').count();
    return { bytes, ms, query, results };
  } finally {
    await browser.close();
  }
}

async function measureSize(stories: number): Promise<SizeFigures> {
  const started = performance.now();
  log(`${stories} ${stories === 1 ? 'story (the site as it is)' : 'stories'}: generating`);
  const { project, manifest } =
    stories === 1 ? { project: createTempProject('aju-bench-archive-'), manifest: undefined } : await createSyntheticArchive({ stories });
  try {
    const port = await freePort();
    const env = { SITE_URL: `http://127.0.0.1:${port}` };
    const tsx = [process.execPath, path.join(project.dir, 'node_modules/tsx/dist/cli.mjs')];
    const checkSeconds = run(project.dir, [...tsx, 'scripts/content-check.ts'], env);
    log(`  content:check ${checkSeconds.toFixed(1)} s; building`);
    const buildSeconds = run(project.dir, ['npm', 'run', 'build'], env);
    log(`  build ${buildSeconds.toFixed(1)} s; serving`);
    const server = await startServer(project.dir, port);
    try {
      const rssStartMb = rssMb(server.pid);
      const figures: SizeFigures = { stories, totalSeconds: 0, buildSeconds, checkSeconds, rssStartMb, frontBytes: 0, sectionBytes: 0, sectionPath: '/sections/north-korea' };
      const published = manifest ? publishedStories(manifest) : [];
      // Outside the window: every published story past the newest site.prerenderStories (the build's own env).
      const windowSize = site.prerenderStories;
      const archive = published.slice(windowSize);
      if (archive.length > 0) {
        figures.coldFirstMs = (await timedGet(`${server.url}/stories/${archive.at(-1)!.slug}`)).ms;
        const sample = archive.slice(0, DISTINCT_STORIES);
        const first: number[] = [];
        for (const story of sample) {
          const result = await timedGet(`${server.url}/stories/${story.slug}`);
          if (result.status !== 200) throw new Error(`/stories/${story.slug} answered ${result.status}`);
          first.push(result.ms);
        }
        figures.firstP50Ms = median(first);
        figures.served = sample.length + 1;
        figures.rssAfterMb = rssMb(server.pid);
        const repeat: number[] = [];
        for (const story of sample.slice(0, REPEATS)) repeat.push((await timedGet(`${server.url}/stories/${story.slug}`)).ms);
        figures.repeatP50Ms = median(repeat);
        const prerendered: number[] = [];
        for (const story of published.slice(0, Math.min(REPEATS, windowSize))) prerendered.push((await timedGet(`${server.url}/stories/${story.slug}`)).ms);
        figures.prerenderedP50Ms = median(prerendered);
        log(`  first p50 ${figures.firstP50Ms.toFixed(0)} ms, repeat ${figures.repeatP50Ms.toFixed(1)} ms, RSS ${figures.rssAfterMb.toFixed(0)} MB`);
      }
      figures.frontBytes = (await timedGet(`${server.url}/`)).bytes;
      figures.sectionBytes = (await timedGet(server.url + figures.sectionPath)).bytes;
      figures.search = await measureSearch(server.url, manifest);
      figures.totalSeconds = (performance.now() - started) / 1000;
      return figures;
    } finally {
      await server.stop();
    }
  } finally {
    project.remove();
  }
}

const fmt = (n: number | undefined, digits = 0) => (n === undefined ? 'n/a' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);
const met = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'met' : '**missed**');

function report(base: SizeFigures, sizes: SizeFigures[]): string {
  const big = sizes.at(-1)!;
  const tenK = sizes.find((s) => s.stories === 10_000);
  const cpus = os.cpus();
  const header = `| figure | baseline: 1 story | ${sizes.map((s) => `${fmt(s.stories)} stories`).join(' | ')} | ratio (${fmt(big.stories)} ÷ baseline) | target |`;
  const rows: string[][] = [
    ['`next build`', `${fmt(base.buildSeconds, 1)} s`, ...sizes.map((s) => `${fmt(s.buildSeconds, 1)} s`), ratio(big.buildSeconds, base.buildSeconds), `≤ ${TARGETS.buildSeconds10k} s at 10,000 (goal ${TARGETS.buildGoal10k} s): ${tenK ? met(tenK.buildSeconds <= TARGETS.buildSeconds10k) : 'run with --full'}`],
    ['`content:check` (tsx start-up included)', `${fmt(base.checkSeconds, 1)} s`, ...sizes.map((s) => `${fmt(s.checkSeconds, 1)} s`), ratio(big.checkSeconds, base.checkSeconds), `< ${TARGETS.checkSeconds10k} s at 10,000: ${tenK ? met(tenK.checkSeconds < TARGETS.checkSeconds10k) : 'run with --full'}`],
    ['archive story, first request, p50', '–', ...sizes.map((s) => `${fmt(s.firstP50Ms, 1)} ms`), `${ratio(big.firstP50Ms, big.prerenderedP50Ms)} of a prerendered story`, `< ${TARGETS.firstRequestMs} ms: ${met(big.firstP50Ms! < TARGETS.firstRequestMs)}`],
    ['archive story, repeat request (cache), p50', '–', ...sizes.map((s) => `${fmt(s.repeatP50Ms, 1)} ms`), `${ratio(big.repeatP50Ms, big.prerenderedP50Ms)} of a prerendered story`, 'as fast as a prerendered story'],
    ['prerendered story, p50 (the baseline above)', '–', ...sizes.map((s) => `${fmt(s.prerenderedP50Ms, 1)} ms`), '', ''],
    ['very first request after start (an archive story)', '–', ...sizes.map((s) => `${fmt(s.coldFirstMs)} ms`), '', ''],
    ['server RSS right after start', `${fmt(base.rssStartMb)} MB`, ...sizes.map((s) => `${fmt(s.rssStartMb)} MB`), ratio(big.rssStartMb, base.rssStartMb), ''],
    [`server RSS after ${fmt(DISTINCT_STORIES)} distinct archive stories`, '–', ...sizes.map((s) => `${fmt(s.rssAfterMb)} MB (${fmt(s.served)} served)`), ratio(big.rssAfterMb, base.rssStartMb), `< ${TARGETS.rssMb} MB: ${met(big.rssAfterMb! < TARGETS.rssMb)}`],
    ['front page HTML', kb(base.frontBytes), ...sizes.map((s) => kb(s.frontBytes)), ratio(big.frontBytes, base.frontBytes), 'independent of archive size'],
    [`section page HTML (\`${base.sectionPath}\`)`, kb(base.sectionBytes), ...sizes.map((s) => kb(s.sectionBytes)), ratio(big.sectionBytes, base.sectionBytes), `independent of archive size (within ${SAME_SIZE}× of ${fmt(sizes[0]!.stories)} stories'): ${met(sizes.length > 1 ? sizes.at(-1)!.sectionBytes <= sizes[0]!.sectionBytes * SAME_SIZE : undefined)}`],
    ['search: bytes transferred', base.search ? kb(base.search.bytes) : 'pending', ...sizes.map((s) => (s.search ? kb(s.search.bytes) : 'pending')), '', `< ${TARGETS.searchKb} KB: ${big.search ? met(big.search.bytes < TARGETS.searchKb * 1024) : 'pending (no /search yet)'}`],
    ['search: time to first result', base.search ? `${fmt(base.search.ms)} ms` : 'pending', ...sizes.map((s) => (s.search ? `${fmt(s.search.ms)} ms` : 'pending')), '', ''],
  ];
  return `## Archive (\`npm run bench:archive${tenK ? ' -- --full' : ''}\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${fmt(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.release()}, Node ${process.version}, load average ${LOAD_AT_START.toFixed(1)} at the start (times grow with whatever else the machine runs).

The 10,000-story size is behind \`--full\`, so \`npm run bench\` runs 1 and 1,000 only; ${tenK ? `this run had it, and it took ${fmt(tenK.totalSeconds / 60, 1)} min of the run (generating, checking, building, serving and requests) against ${fmt(sizes[0]!.totalSeconds / 60, 1)} min for ${fmt(sizes[0]!.stories)} stories.` : 'this run did not.'}${tenK && tenK.buildSeconds > TARGETS.buildSeconds10k ? ` The 10,000-story build missed its target: what still grows with the archive is compiling and type-checking 10,000 story modules, the generated index and the search index of every story; the pages built are the same ${fmt(site.prerenderStories)} stories and the listings' first pages at every size.` : ''}

${header}
| --- | --- | ${sizes.map(() => '---').join(' | ')} | --- | --- |
${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}

How: each size is a fresh copy of the project (\`npm run synthetic-archive\`: varied stories over ten years,
the seed kept), checked (\`tsx scripts/content-check.ts\`, wall time), built (\`npm run build\`, wall time,
prerender window of ${fmt(site.prerenderStories)}), then served as production runs it (\`scripts/standalone.mjs serve\`: \`server.js\` with
its default heap cap, SERVER_MAX_HEAP_MB) alone on a free loopback port.
Latencies are sequential \`fetch\` calls from the benchmark process: the very first request after start is
shown apart (it loads the route's modules); then every published story outside the window, up to
${fmt(DISTINCT_STORIES)}, once (rendered on that request: p50 of those), ${REPEATS} of them again (Next's cache), and up
to ${REPEATS} prerendered stories. RSS is server.js's VmRSS from /proc. Page bytes are the HTML as served
(uncompressed). The search row types a query into \`/search\` in Chromium and counts every byte the page
fetches from the keystroke until the results are shown.${big.search ? ` Query: “${big.search.query}” (${big.search.results} results).` : ' It is pending until the site has a `/search` page.'}
`;
}

async function main() {
  const started = performance.now();
  const base = await measureSize(1);
  const sizes: SizeFigures[] = [];
  for (const size of SIZES) sizes.push(await measureSize(size));
  const markdown = report(base, sizes);
  writeBenchSection('archive', markdown);
  console.log(markdown);
  log(`done in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
}

await main();
