/**
 * `npm run bench:publish` (a part of `npm run bench`): publishing without a build (docs/operations/publishing.md)
 * on a synthetic archive, measured from outside through the edge (real Varnish), with one origin (disk store)
 * and with two (sharing Redis), against the baseline of the same run: the `npm run build` of the same archive, which was the way to publish
 * before. For each archive size and origin count, from the start of `content:publish` until, through the edge:
 *   (a) a new story's page answers, (b) the front page lists it, (c) its section page lists it, (d) the feed and
 *   the news sitemap have it, (e) search finds it; a correction of an archive story (page and card); a takedown
 *   (404); an embargo (from its publishAt until its page answers); and the errors readers loading pages through
 *   the edge during the publishes got (a bounded loop of requests on loopback).
 *
 *   npm run bench:publish                 # 1,000 stories
 *   npm run bench:publish -- --full       # also 10,000 stories (the build alone takes minutes on 2 cores)
 *   npm run bench:publish -- --stories 10000 --origins 2   # one row, printed only (BENCHMARKS.md is left as it is)
 *
 * Each size is a temporary project copy, removed afterwards; servers listen on free loopback ports.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium';
import { Edge, Origin, request } from '../test/support/edge-harness';
import { freePort } from '../test/support/free-port';
import { startRedisServer } from '../test/support/redis-server';
import { createSyntheticArchive, publishedStories, type SyntheticManifest } from '../test/support/synthetic-archive';
import type { TempProject } from '../test/support/temp-project';
import { writeBenchSection } from './benchmarks-file';

const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    stories: { type: 'string' },
    origins: { type: 'string' },
  },
});
/** A run limited to one size or origin count prints its figures but does not rewrite BENCHMARKS.md. */
const PARTIAL = values.stories !== undefined || values.origins !== undefined;
const SIZES = values.stories ? [Number(values.stories)] : values.full ? [1000, 10_000] : [1000];
const ORIGIN_COUNTS = values.origins ? [Number(values.origins)] : [1, 2];
const TARGETS = { seconds: 10, goalSeconds: 3, searchSeconds: 60, embargoSeconds: 60, buildSeconds10k: 120 };
const POLL_MS = 50;
const SEARCH_POLL_MS = 250;
/** The search index's one unhashed file: it changes through the edge when a publish's index is live. */
const SEARCH_ENTRY = '/pagefind/pagefind-entry.json';
const GIVE_UP_MS = 90_000;

const log = (message: string) => console.log(`[bench:publish ${new Date().toISOString().slice(11, 19)}] ${message}`);

interface Round {
  origins: number;
  /** Where the origins share the published content (and, with Redis, Next's cache). */
  store: 'disk' | 'Redis';
  publishSeconds: number;
  /** When content:publish reported the edge purged, for the new story (readers' figures minus this is the lag). */
  purgedSeconds?: number;
  page?: number;
  front?: number;
  section?: number;
  feeds?: number;
  search?: number;
  correctionPage?: number;
  correctionCard?: number;
  takedown?: number;
  embargo?: number;
  readerRequests: number;
  readerErrors: number;
}

interface SizeResult {
  stories: number;
  buildSeconds: number;
  rounds: Round[];
}

const storyData = (source: string) =>
  JSON.parse(source.slice(source.indexOf('defineStory(') + 'defineStory('.length, source.lastIndexOf(');'))) as Record<
    string,
    unknown
  >;
const storySource = (data: object) =>
  `import { defineStory } from '@/content/schema';\n\nexport default defineStory(${JSON.stringify(data, null, 2)});\n`;

/** Year and month folder of an instant in KST, as content:check files stories. */
function kstFolder(iso: string): string {
  const kst = new Date(Date.parse(iso) + 9 * 3600_000);
  return `${kst.getUTCFullYear()}/${String(kst.getUTCMonth() + 1).padStart(2, '0')}`;
}

class Publisher {
  constructor(
    private readonly project: TempProject,
    private readonly env: Record<string, string>,
  ) {}

  /** Runs content:publish; `purged` is when it printed its edge line (or its last step before search). */
  run(): Promise<{ seconds: number; purged?: number; out: string; code: number }> {
    const started = performance.now();
    let purged: number | undefined;
    let out = '';
    const child = spawn(
      process.execPath,
      [path.join(this.project.dir, 'node_modules/tsx/dist/cli.mjs'), 'scripts/editors/content-publish.ts'],
      { cwd: this.project.dir, env: { ...process.env, ...this.env }, timeout: 300_000 },
    );
    const take = (chunk: Buffer) => {
      out += chunk.toString();
      if (purged === undefined && /✔ edge|no edge at/.test(out)) purged = (performance.now() - started) / 1000;
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    return new Promise((resolve) =>
      child.on('close', (code) =>
        resolve({ seconds: (performance.now() - started) / 1000, purged, out, code: code === 0 ? 0 : 1 }),
      ),
    );
  }
}

/** Seconds from `t0` until `check` holds through the edge, polled every `interval` ms; undefined if it never does. */
async function until(t0: number, check: () => Promise<boolean>, interval = POLL_MS): Promise<number | undefined> {
  while (performance.now() - t0 < GIVE_UP_MS) {
    if (await check().catch(() => false)) return (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, interval));
  }
  return undefined;
}

let browser: Browser | undefined;
/** Whether a search through the edge, in Chromium (the site's own search page), lists this story. */
async function searchFinds(edge: string, words: string, slug: string): Promise<boolean> {
  browser ??= await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  try {
    await page.goto(`${edge}/search?q=${encodeURIComponent(words)}`);
    await page.getByRole('main').getByRole('status').filter({ hasText: /match/ }).waitFor({ timeout: 15_000 });
    return (await page.getByRole('main').locator(`.search-result a[href="/stories/${slug}"]`).count()) > 0;
  } finally {
    await page.close();
  }
}

/** Readers loading pages through the edge while publishes run: every answer must be a 200. */
function readers(edge: string, pages: string[]) {
  let stop = false;
  const counts = { requests: 0, errors: 0 };
  const loops = Array.from({ length: 4 }, async (_, i) => {
    for (let n = i; !stop; n++) {
      const answer = await request(edge, pages[n % pages.length]!, { headers: { 'Accept-Encoding': 'gzip' } }).catch(
        () => ({ status: 0 }),
      );
      counts.requests++;
      if (answer.status !== 200) counts.errors++;
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  return {
    counts,
    async end() {
      stop = true;
      await Promise.all(loops);
    },
  };
}

async function round(
  project: TempProject,
  manifest: SyntheticManifest,
  originCount: number,
  builtAt: number,
): Promise<Round> {
  const storeDir = mkdtempSync(path.join(os.tmpdir(), 'aju-bench-store-'));
  const secret = randomBytes(24).toString('hex');
  const edgePort = await freePort();
  const edgeUrl = `http://127.0.0.1:${edgePort}`;
  const release = path.join(project.dir, '.next-releases', 'latest');
  const origins: Origin[] = [];
  let edge: Edge | undefined;
  const written: string[] = [];
  // Several origins run as operators are told to run them: sharing Redis (content and Next's cache).
  const redis = originCount > 1 ? await startRedisServer() : undefined;
  const shared: Record<string, string> = redis ? { REDIS_URL: redis.url } : {};
  try {
    for (let i = 0; i < originCount; i++)
      origins.push(
        await Origin.start(release, {
          CONTENT_STORE_DIR: storeDir,
          PUBLISH_SECRET: secret,
          EDGE_URL: edgeUrl,
          ...shared,
        }),
      );
    // Every reader here is one loopback address: no miss limit.
    edge = await Edge.start(origins, { EDGE_MISS_LIMIT: '0' }, edgePort);
    const publisher = new Publisher(project, {
      PUBLISH_ORIGINS: origins.map((o) => o.url).join(','),
      PUBLISH_SECRET: secret,
      CONTENT_STORE_DIR: storeDir,
      EDGE_URL: edge.url,
      ...shared,
    });
    const via = (p: string) => request(edge!.url, p, { headers: { 'Accept-Encoding': 'gzip' } });

    const published = publishedStories(manifest, new Date(builtAt));
    const newest = published[0]!;
    const archived = published.at(-1)!;
    const template = storyData(readFileSync(path.join(project.dir, newest.file), 'utf8'));
    const section = String(template.section);
    // Readers have the pages in the edge's cache, and keep loading them while the publishes run.
    const pages = ['/', `/sections/${section}`, '/feed.xml', `/stories/${archived.slug}`, `/stories/${newest.slug}`];
    for (const p of pages) await via(p);
    // The store starts at the build's content, so the first publish below measures one change.
    const first = await publisher.run();
    if (first.code !== 0) throw new Error(`content:publish failed:\n${first.out}`);
    const load = readers(edge.url, pages);
    // The browser that searches is started before the clock does.
    browser ??= await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

    // A new story.
    const slug = `bench-publish-new-${originCount}`;
    const postedAt = new Date(Date.now() - 30_000).toISOString();
    const headline = `Bench publishes story ${originCount} in seconds`;
    const file = `content/stories/${kstFolder(postedAt)}/${slug}.ts`;
    project.write(
      file,
      storySource({
        ...template,
        slug,
        headline,
        postedAt,
        updatedAt: postedAt,
        publishAt: undefined,
        draft: undefined,
      }),
    );
    written.push(file);
    const entryBefore = (await via(SEARCH_ENTRY)).body;
    let t0 = performance.now();
    const running = publisher.run();
    const [page, front, sectionPage, feeds, search] = await Promise.all([
      until(t0, async () => (await via(`/stories/${slug}`)).status === 200),
      until(t0, async () => (await via('/')).body.includes(`/stories/${slug}`)),
      until(t0, async () => (await via(`/sections/${section}`)).body.includes(`/stories/${slug}`)),
      until(
        t0,
        async () =>
          (await via('/feed.xml')).body.includes(`/stories/${slug}`) &&
          (await via('/news-sitemap.xml')).body.includes(`/stories/${slug}`),
      ),
      // A search in Chromium costs far more than a request, and readers' browsers do not run on the servers: it is
      // tried once the index's entry file has changed through the edge, so it does not slow what it measures.
      until(
        t0,
        async () => (await via(SEARCH_ENTRY)).body !== entryBefore && (await searchFinds(edge!.url, headline, slug)),
        SEARCH_POLL_MS,
      ),
    ]);
    const newRun = await running;
    if (newRun.code !== 0) throw new Error(`content:publish failed:\n${newRun.out}`);
    log(`    new story: ${/Steps: .*/.exec(newRun.out)?.[0] ?? newRun.out}`);
    log(
      `    edge purged at ${s(newRun.purged)}; readers got the page at ${s(page)}, front ${s(front)}, section ${s(sectionPage)}, feeds ${s(feeds)}`,
    );

    // A correction of the oldest archive story: its page and its card.
    const archivedData = storyData(readFileSync(path.join(project.dir, archived.file), 'utf8'));
    const corrected = `${String(archivedData.headline).slice(0, 60)} (corrected ${originCount})`;
    const cardBefore = (await via(`/stories/${archived.slug}/opengraph-image`)).body;
    project.write(archived.file, storySource({ ...archivedData, headline: corrected }));
    t0 = performance.now();
    const correcting = publisher.run();
    correcting.then((r) => log(`    correction: ${/Steps: .*/.exec(r.out)?.[0] ?? r.out}`));
    const [correctionPage, correctionCard] = await Promise.all([
      until(t0, async () => (await via(`/stories/${archived.slug}`)).body.includes(`(corrected ${originCount})`)),
      until(t0, async () => {
        const card = await via(`/stories/${archived.slug}/opengraph-image`);
        return card.status === 200 && card.body !== cardBefore;
      }),
    ]);
    await correcting;

    // A takedown of the new story.
    rmSync(path.join(project.dir, file));
    written.splice(written.indexOf(file), 1);
    t0 = performance.now();
    const takingDown = publisher.run();
    const takedown = await until(t0, async () => (await via(`/stories/${slug}`)).status === 404);
    await takingDown;
    await load.end();

    // An embargo 15 s ahead: from its publishAt until readers get its page through the edge.
    const at = new Date(Date.now() + 15_000).toISOString();
    const embargoSlug = `bench-publish-embargo-${originCount}`;
    const embargoFile = `content/stories/${kstFolder(at)}/${embargoSlug}.ts`;
    project.write(
      embargoFile,
      storySource({
        ...template,
        slug: embargoSlug,
        headline: `Embargoed bench story ${originCount}`,
        postedAt: at,
        updatedAt: at,
        publishAt: at,
      }),
    );
    written.push(embargoFile);
    const embargoRun = await publisher.run();
    if (embargoRun.code !== 0) throw new Error(`content:publish failed:\n${embargoRun.out}`);
    while (Date.now() < Date.parse(at)) await new Promise((r) => setTimeout(r, 100));
    const embargo = await until(performance.now(), async () => (await via(`/stories/${embargoSlug}`)).status === 200);

    // Put the archive back as it was built for the next round.
    project.write(archived.file, storySource(archivedData));
    return {
      origins: originCount,
      store: redis ? 'Redis' : 'disk',
      publishSeconds: newRun.seconds,
      purgedSeconds: newRun.purged,
      page,
      front,
      section: sectionPage,
      feeds,
      search,
      correctionPage,
      correctionCard,
      takedown,
      embargo,
      readerRequests: load.counts.requests,
      readerErrors: load.counts.errors,
    };
  } finally {
    for (const file of written) rmSync(path.join(project.dir, file), { force: true });
    await edge?.stop();
    await Promise.all(origins.map((o) => o.stop()));
    await redis?.stop();
    rmSync(storeDir, { recursive: true, force: true });
  }
}

async function measureSize(stories: number): Promise<SizeResult> {
  log(`${stories} stories: generating`);
  const { project, manifest } = await createSyntheticArchive({ stories });
  try {
    log('building (the baseline: how a change was published before)');
    const started = performance.now();
    execFileSync('npm', ['run', 'build'], {
      cwd: project.dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', AJU_CONTENT_CHECKED: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const buildSeconds = (performance.now() - started) / 1000;
    const builtAt = Date.now();
    log(`  built in ${buildSeconds.toFixed(0)} s`);
    const rounds: Round[] = [];
    for (const originCount of ORIGIN_COUNTS) {
      log(`  publishing to ${originCount} origin${originCount > 1 ? 's' : ''} behind the edge`);
      rounds.push(await round(project, manifest, originCount, builtAt));
    }
    return { stories, buildSeconds, rounds };
  } finally {
    project.remove();
  }
}

const s = (value: number | undefined) => (value === undefined ? 'never (gave up)' : `${value.toFixed(2)} s`);
const verdict = (value: number | undefined, target: number) =>
  value !== undefined && value <= target ? 'met' : '**not met**';

function render(results: SizeResult[], load: number[]): string {
  const lines = [
    '## Publishing without a build (`npm run bench:publish`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores, load average ${load.map((l) => l.toFixed(2)).join(' / ')} at the start. Each figure is the time from the start of \`npm run content:publish\` until readers get it through the edge (real Varnish, soft purge by xkey), polled every ${POLL_MS} ms (search: every ${SEARCH_POLL_MS} ms, a search in Chromium once the index's entry file has changed through the edge), while 4 readers load pages through the edge; one origin reads the disk store, two share a \`redis-server\` (the published content and Next's cache), as operators run them; the baseline is the \`npm run build\` of the same archive in the same run (the way a change reached readers before). Targets: ≤ ${TARGETS.seconds} s (goal ${TARGETS.goalSeconds} s) for pages, ≤ ${TARGETS.searchSeconds} s for search, embargo live ≤ ${TARGETS.embargoSeconds} s after its time, 0 reader errors, 10,000-story build ≤ ${TARGETS.buildSeconds10k} s.`,
    '',
    '| stories | origins | what readers get | seconds | ÷ build | target |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const size of results) {
    lines.push(
      `| ${size.stories.toLocaleString('en-US')} | – | \`npm run build\` (baseline) | ${size.buildSeconds.toFixed(1)} s | 1 | ${size.stories === 10_000 ? verdict(size.buildSeconds, TARGETS.buildSeconds10k) : '–'} |`,
    );
    for (const r of size.rounds) {
      const row = (label: string, value: number | undefined, target: number) =>
        lines.push(
          `| ${size.stories.toLocaleString('en-US')} | ${r.origins} (${r.store}) | ${label} | ${s(value)} | ${value === undefined ? '–' : (value / size.buildSeconds).toFixed(3)} | ${verdict(value, target)} |`,
        );
      lines.push(
        `| ${size.stories.toLocaleString('en-US')} | ${r.origins} (${r.store}) | (content:publish has purged the edge for the new story) | ${s(r.purgedSeconds)} | ${r.purgedSeconds === undefined ? '–' : (r.purgedSeconds / size.buildSeconds).toFixed(3)} | – |`,
      );
      row("(a) the new story's page", r.page, TARGETS.seconds);
      row('(b) the front page lists it', r.front, TARGETS.seconds);
      row('(c) its section page lists it', r.section, TARGETS.seconds);
      row('(d) the feed and the news sitemap have it', r.feeds, TARGETS.seconds);
      row('(e) search finds it', r.search, TARGETS.searchSeconds);
      row("a correction: the archive story's page", r.correctionPage, TARGETS.seconds);
      row('a correction: its card', r.correctionCard, TARGETS.seconds);
      row('a takedown: 404', r.takedown, TARGETS.seconds);
      row('an embargo: its page, after its publishAt', r.embargo, TARGETS.embargoSeconds);
      lines.push(
        `| ${size.stories.toLocaleString('en-US')} | ${r.origins} (${r.store}) | reader errors during the publishes | ${r.readerErrors} of ${r.readerRequests} requests | – | ${r.readerErrors === 0 ? 'met' : '**not met**'} |`,
      );
    }
  }
  return lines.join('\n');
}

const load = os.loadavg();
log(`load average ${load.map((l) => l.toFixed(2)).join(' / ')} on ${os.cpus().length} cores`);
const results: SizeResult[] = [];
for (const size of SIZES) results.push(await measureSize(size));
const markdown = render(results, load);
console.log(`\n${markdown}\n`);
if (PARTIAL) log('a partial run: BENCHMARKS.md is left as it is');
else writeBenchSection('publish', markdown);
await browser?.close();
