/**
 * `npm run bench:archive`: the site built and served with a synthetic archive of 1,000 stories (`-- --full`: and
 * 10,000) against the same site with one story, in the same run; writes BENCHMARKS.md's archive section, whose
 * text (what is measured, and how) is bench/archive-report.ts. Why: docs/decisions/0002-prerender-window.md.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium';
import { createSyntheticArchive, publishedStories, type SyntheticManifest } from '../test/support/synthetic-archive';
import { createTempProject } from '../test/support/temp-project';
import { writeBenchSection } from './benchmarks-file';
import { median } from './measure';
import { freePort } from '../test/support/free-port';
import { site } from '../lib/site';
import { archiveReport, DISTINCT_STORIES, HEADLINE_WORDS, REPEATS, type SizeFigures } from './archive-report';

const { values } = parseArgs({ options: { full: { type: 'boolean', default: false } } });
const SIZES = values.full ? [1000, 10_000] : [1000];
/** Load average when the run started: times grow with whatever else the machine runs. */
const LOAD_AT_START = os.loadavg()[0]!;

const log = (message: string) => console.log(`[bench:archive ${new Date().toISOString().slice(11, 19)}] ${message}`);

function run(cwd: string, args: string[], env: Record<string, string>): number {
  const started = performance.now();
  try {
    execFileSync(args[0]!, args.slice(1), {
      cwd,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', AJU_CONTENT_CHECKED: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 2 ** 20,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(
      `${args.join(' ')} failed in ${cwd}:\n${stdout?.toString().slice(-4000) ?? ''}${stderr?.toString().slice(-4000) ?? ''}`,
    );
  }
  return (performance.now() - started) / 1000;
}

/** RSS of a process in MB, from /proc. */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Starts a built copy as production runs it (`scripts/operators/standalone.mjs serve`); `pid` is its server.js. */
async function startServer(dir: string, port: number): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const wrapper: ChildProcess = spawn(
    process.execPath,
    ['scripts/operators/standalone.mjs', 'serve', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
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
      const socket = net
        .connect(port, '127.0.0.1', () => (socket.end(), resolve(true)))
        .on('error', () => resolve(false));
    });
    if (open) break;
    if (i > 600 || wrapper.exitCode !== null) throw new Error(`the server in ${dir} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const children = readFileSync(`/proc/${wrapper.pid}/task/${wrapper.pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .map(Number);
  return { url, pid: children[0]!, stop };
}

async function timedGet(url: string): Promise<{ ms: number; status: number; bytes: number; cache?: string }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  return {
    ms: performance.now() - started,
    status: response.status,
    bytes: body.byteLength,
    cache: response.headers.get('x-nextjs-cache') ?? undefined,
  };
}

/**
 * Bytes and time of one search on /search, in Chromium: every byte the page fetches from the first keystroke
 * until a result shows. `typed`: the query typed key by key with no delay (a reader pasting or typing fast);
 * otherwise filled in at once.
 */
async function timedSearch(url: string, query: string, typed: boolean) {
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
    // The search page's own box (SearchPanel) searches as the reader types.
    const box = page.getByRole('searchbox', { name: 'Search stories' });
    await box.focus();
    const started = performance.now();
    if (typed) await page.keyboard.type(query);
    else await box.fill(query);
    await page.locator('.search-results a[href^="/stories/"]').first().waitFor({ timeout: 60_000 });
    const ms = performance.now() - started;
    await page.waitForLoadState('networkidle');
    const results = await page.locator('.search-results li').count();
    const first = await page.locator('.search-results a[href^="/stories/"]').first().getAttribute('href');
    return { bytes, ms, query, results, first };
  } finally {
    await browser.close();
  }
}

/** A query the archive answers: a distinctive word of an archive story's headline. */
async function measureSearch(url: string, manifest: SyntheticManifest | undefined): Promise<SizeFigures['search']> {
  if ((await fetch(`${url}/search`)).status !== 200) return undefined;
  const story = manifest ? publishedStories(manifest).at(-1)! : undefined;
  const query = story ? story.headline.split(' ').slice(0, 3).join(' ') : 'Pyongyang';
  const { first: _first, ...figures } = await timedSearch(url, query, false);
  return figures;
}

/**
 * A headline typed in full, at once: the oldest published story whose headline has HEADLINE_WORDS words and
 * is no other story's (so "found first" means that story).
 */
async function measureHeadlineSearch(
  url: string,
  manifest: SyntheticManifest | undefined,
): Promise<SizeFigures['headlineSearch']> {
  if (!manifest || (await fetch(`${url}/search`)).status !== 200) return undefined;
  const published = publishedStories(manifest);
  const uses = new Map<string, number>();
  for (const s of manifest.stories) uses.set(s.headline, (uses.get(s.headline) ?? 0) + 1);
  const story = published.findLast(
    (s) => s.headline.split(' ').length === HEADLINE_WORDS && uses.get(s.headline) === 1,
  );
  if (!story) return undefined;
  const { first, ...figures } = await timedSearch(url, story.headline, true);
  return { ...figures, storyFirst: first === `/stories/${story.slug}` };
}

async function measureSize(stories: number): Promise<SizeFigures> {
  const started = performance.now();
  log(`${stories} ${stories === 1 ? 'story (the site as it is)' : 'stories'}: generating`);
  const { project, manifest } =
    stories === 1
      ? { project: createTempProject('aju-bench-archive-'), manifest: undefined }
      : await createSyntheticArchive({ stories });
  try {
    const port = await freePort();
    const env = { SITE_URL: `http://127.0.0.1:${port}` };
    const tsx = [process.execPath, path.join(project.dir, 'node_modules/tsx/dist/cli.mjs')];
    const checkSeconds = run(project.dir, [...tsx, 'scripts/editors/content-check.ts'], env);
    log(`  content:check ${checkSeconds.toFixed(1)} s; building`);
    const buildSeconds = run(project.dir, ['npm', 'run', 'build'], env);
    log(`  build ${buildSeconds.toFixed(1)} s; serving`);
    const server = await startServer(project.dir, port);
    try {
      const rssStartMb = rssMb(server.pid);
      const figures: SizeFigures = {
        stories,
        totalSeconds: 0,
        buildSeconds,
        checkSeconds,
        rssStartMb,
        frontBytes: 0,
        sectionBytes: 0,
        sectionPath: '/sections/north-korea',
      };
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
        for (const story of sample.slice(0, REPEATS))
          repeat.push((await timedGet(`${server.url}/stories/${story.slug}`)).ms);
        figures.repeatP50Ms = median(repeat);
        const prerendered: number[] = [];
        for (const story of published.slice(0, Math.min(REPEATS, windowSize)))
          prerendered.push((await timedGet(`${server.url}/stories/${story.slug}`)).ms);
        figures.prerenderedP50Ms = median(prerendered);
        log(
          `  first p50 ${figures.firstP50Ms.toFixed(0)} ms, repeat ${figures.repeatP50Ms.toFixed(1)} ms, RSS ${figures.rssAfterMb.toFixed(0)} MB`,
        );
      }
      figures.frontBytes = (await timedGet(`${server.url}/`)).bytes;
      figures.sectionBytes = (await timedGet(server.url + figures.sectionPath)).bytes;
      figures.search = await measureSearch(server.url, manifest);
      figures.headlineSearch = await measureHeadlineSearch(server.url, manifest);
      figures.totalSeconds = (performance.now() - started) / 1000;
      return figures;
    } finally {
      await server.stop();
    }
  } finally {
    project.remove();
  }
}

async function main() {
  const started = performance.now();
  const base = await measureSize(1);
  const sizes: SizeFigures[] = [];
  for (const size of SIZES) sizes.push(await measureSize(size));
  const cpus = os.cpus();
  const markdown = archiveReport(base, sizes, {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ${os.platform()} ${os.release()}, Node ${process.version}`,
    loadAtStart: LOAD_AT_START,
    prerenderStories: site.prerenderStories,
  });
  writeBenchSection('archive', markdown);
  console.log(markdown);
  log(`done in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
}

await main();
