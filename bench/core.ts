/**
 * `npm run bench:core`: the site's pages, photos, paints, Lighthouse, OG cards, builds and throughput against
 * the floor (bench/floor) and a static file server of the same run; writes BENCHMARKS.md's core section
 * (`-- --quick`: no synthetic builds, printed only). Why: docs/decisions/0012-benchmarks-against-same-run-baselines.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium';
import seed from '../content/stories/2024/06/putin-heads-to-pyongyang';
import { addEveryBlockStory, EVERY_BLOCK_SLUG } from '../test/support/synthetic-archive';
import { createTempProject, PROJECT_ROOT } from '../test/support/temp-project';
import {
  LIGHTHOUSE_PHONE,
  lighthousePair,
  LOAD_WARMUP_SECONDS,
  measureLoad,
  measurePage,
  PHONE,
  timeBuild,
  timeSyntheticBuild,
  WIDE,
} from './measure';
import { measureOgRendering } from './og';
import { writeBenchSection } from './benchmarks-file';
import { renderReport, type Figures } from './report';
import { freePort } from '../test/support/free-port';
import { startFloor, startSite, startStaticFileServer, type RunningServer } from './servers';
import { copyFloor, FLOOR_DIR } from './floor-photo';

// The site's own dist folder stays untouched (tsconfig.json already lists .next-bench's types, so
// Next does not rewrite it); the floor has its own folder, so its default name is free.
const DIST = '.next-bench';
const FLOOR_DIST = '.next';
// Chosen free at start (the site is built with its URL, so its port must be known before the build).
const PORTS = { site: await freePort(), floor: await freePort(), static: await freePort() };
const SITE_URL = `http://127.0.0.1:${PORTS.site}`;
/** `npm run bench:core -- --quick`: everything but the synthetic builds, printed only (for trying a change). */
const QUICK = process.argv.includes('--quick');
const LIGHTHOUSE_ROUNDS = 5;
const STORY_COUNTS = [1, 100, 1000];
/** autocannon's connections and measured seconds, for the site and the static file server alike. */
const LOAD = { connections: 50, seconds: 10 };
/** Load average when the run started: the machine's other work moves every timing. */
const LOAD_AT_START = os.loadavg()[0]!;
const PAGE_TYPES = ['front', 'story', 'every-block story', 'section', 'author'] as const;
const SEED_PATH = `/stories/${seed.slug}`;

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const version = (pkg: string) =>
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version as string;

async function findPages(): Promise<Record<(typeof PAGE_TYPES)[number], string | undefined>> {
  const html = async (p: string) => {
    const response = await fetch(new URL(p, SITE_URL));
    return response.ok ? response.text() : '';
  };
  const first = (text: string, pattern: RegExp) => text.match(pattern)?.[1];
  // The seed story, as before the every-block story was added (it is newer, so first on the front page).
  const story = (await html('/')).includes(`href="${SEED_PATH}"`) ? SEED_PATH : undefined;
  const storyHtml = story ? await html(story) : '';
  const pages: Record<(typeof PAGE_TYPES)[number], string | undefined> = {
    front: '/',
    story,
    'every-block story': `/stories/${EVERY_BLOCK_SLUG}`,
    section: first(storyHtml, /href="(\/sections\/[^"/?#]+)"/),
    author: first(storyHtml, /href="(\/authors\/[^"/?#]+)"/),
  };
  // A type the site links to but has not built yet answers 404: leave it out rather than measure an error page.
  for (const type of PAGE_TYPES) {
    const url = pages[type];
    if (url && (await fetch(new URL(url, SITE_URL))).status !== 200) pages[type] = undefined;
  }
  return pages;
}

/**
 * Builds the floor and the site, each in a temporary copy; returns the floor's build time. The floor is built
 * outside the repository: inside it, Turbopack also compiles the site's proxy.ts (it looks for one at the
 * workspace root), which the floor must not have and cannot resolve.
 */
async function buildFloorAndSite(floorCopy: string, siteDir: string): Promise<number> {
  await copyFloor(floorCopy);
  const floorBuild = timeBuild(floorCopy, { NEXT_DIST_DIR: FLOOR_DIST });
  timeBuild(siteDir, { NEXT_DIST_DIR: DIST, SITE_URL });
  execFileSync(process.execPath, [path.join(siteDir, 'scripts/operators/standalone.mjs'), 'prepare'], {
    env: { ...process.env, NEXT_DIST_DIR: DIST },
  });
  return floorBuild;
}

type PageFigures = Pick<Figures, 'floorLoad' | 'loads' | 'storyWide' | 'storyLighthousePhone'>;

/** One cold load of each page type and of the floor on the phone, and of the story on the other devices. */
async function measurePages(pages: Figures['pages'], siteUrl: string, floorUrl: string): Promise<PageFigures> {
  const storyUrl = new URL(pages.story!, siteUrl).toString();
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    // One cold load each: the pages make no prefetches, so the bytes repeat exactly. An untimed first
    // load of each device warms the image optimizer's cache, as a CDN would be (an AVIF resize is slow once).
    for (const device of [PHONE, WIDE, LIGHTHOUSE_PHONE]) await measurePage(browser, storyUrl, device);
    await measurePage(browser, `${floorUrl}/`, PHONE);
    const floorLoad = await measurePage(browser, `${floorUrl}/`, PHONE);
    const loads: Figures['loads'] = {};
    for (const type of PAGE_TYPES) {
      const url = pages[type];
      loads[type] = url ? await measurePage(browser, new URL(url, siteUrl).toString(), PHONE) : undefined;
    }
    const storyWide = await measurePage(browser, storyUrl, WIDE);
    const storyLighthousePhone = await measurePage(browser, storyUrl, LIGHTHOUSE_PHONE);
    return { floorLoad, loads, storyWide, storyLighthousePhone };
  } finally {
    await browser.close();
  }
}

/** The story page under load, and a static file server answering with the same HTML. */
async function measureThroughput(storyUrl: string): Promise<Figures['load']> {
  const htmlDir = mkdtempSync(path.join(os.tmpdir(), 'aju-bench-html-'));
  const htmlFile = path.join(htmlDir, 'story.html');
  writeFileSync(htmlFile, Buffer.from(await (await fetch(storyUrl)).arrayBuffer()));
  const staticServer = await startStaticFileServer(htmlFile, PORTS.static);
  try {
    return {
      site: await measureLoad(storyUrl, LOAD.connections, LOAD.seconds),
      static: await measureLoad(staticServer.url, LOAD.connections, LOAD.seconds),
      ...LOAD,
      warmupSeconds: LOAD_WARMUP_SECONDS,
    };
  } finally {
    await staticServer.stop();
    rmSync(htmlDir, { recursive: true, force: true });
  }
}

/** Build time for each of STORY_COUNTS synthetic stories, in one temporary project. */
function measureBuilds(): Figures['builds']['byCount'] {
  log(`build time for ${STORY_COUNTS.join(', ')} synthetic stories`);
  const byCount: Figures['builds']['byCount'] = [];
  const project = createTempProject('aju-bench-build-');
  try {
    // Untimed: the first build in a fresh copy pays for cold file caches, which would inflate the 1-story figure.
    timeSyntheticBuild(project, 1);
    for (const count of STORY_COUNTS) {
      const seconds = timeSyntheticBuild(project, count);
      log(`  ${count} stories: ${seconds.toFixed(1)} s`);
      byCount.push({ count, seconds });
    }
  } finally {
    project.remove();
  }
  return byCount;
}

function machine(): Figures['machine'] {
  return {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: execFileSync(findChromium(), ['--version'], { encoding: 'utf8' }).trim(),
    next: version('next'),
    react: version('react'),
    lighthouse: version('lighthouse'),
    date: new Date().toISOString(),
    loadAtStart: LOAD_AT_START.toFixed(1),
  };
}

/** Everything measured with the site and the floor running; the servers are stopped before it returns. */
async function measureServed(siteDir: string, floorCopy: string, floorBuild: number): Promise<Partial<Figures>> {
  const servers: RunningServer[] = [];
  try {
    const site = await startSite(siteDir, DIST, PORTS.site);
    servers.push(site);
    const floor = await startFloor(floorCopy, floorCopy, FLOOR_DIST, PORTS.floor);
    servers.push(floor);
    const pages = await findPages();
    if (!pages.story) throw new Error('the front page links to no story');
    log('bytes by kind per page type, photo renditions, largest paint');
    const storyUrl = new URL(pages.story, site.url).toString();
    const figures: Partial<Figures> = { pages, ...(await measurePages(pages, site.url, floor.url)) };
    log(`Lighthouse, story and floor alternating, ${LIGHTHOUSE_ROUNDS} rounds`);
    figures.lighthouse = await lighthousePair(storyUrl, `${floor.url}/`, LIGHTHOUSE_ROUNDS);
    log('throughput: story page vs a static file server with the same HTML');
    figures.load = await measureThroughput(storyUrl);
    log('OG card rendering');
    figures.og = await measureOgRendering();
    figures.builds = { floor: floorBuild, byCount: [] };
    return figures;
  } finally {
    for (const server of servers) await server.stop();
  }
}

async function main() {
  const started = performance.now();
  // A build with another dist folder points next-env.d.ts (generated, untracked) at it: put it back after.
  const nextEnvFile = path.join(PROJECT_ROOT, 'next-env.d.ts');
  const nextEnv = existsSync(nextEnvFile) ? readFileSync(nextEnvFile, 'utf8') : undefined;
  const floorCopy = mkdtempSync(path.join(os.tmpdir(), 'aju-bench-floor-'));
  const siteProject = createTempProject('aju-bench-site-');
  try {
    // A fixture story using every body block: added to the copy only, as content/ holds real stories only.
    addEveryBlockStory(siteProject);
    log('building the floor app and the site');
    const floorBuild = await buildFloorAndSite(floorCopy, siteProject.dir);
    const figures = await measureServed(siteProject.dir, floorCopy, floorBuild);
    if (QUICK) log('--quick: no synthetic builds, BENCHMARKS.md left as it is');
    else figures.builds!.byCount = measureBuilds();
    figures.machine = machine();
    figures.benchSeconds = (performance.now() - started) / 1000;
    const report = renderReport(figures as Figures);
    if (!QUICK) writeBenchSection('core', report);
    console.log(`\n${report}`);
    log(`done in ${figures.benchSeconds.toFixed(0)} s${QUICK ? '' : '; wrote BENCHMARKS.md'}`);
  } finally {
    siteProject.remove();
    if (nextEnv !== undefined) writeFileSync(nextEnvFile, nextEnv);
    rmSync(floorCopy, { recursive: true, force: true });
  }
}

if (!existsSync(FLOOR_DIR)) throw new Error(`no floor app at ${FLOOR_DIR}`);
await main();
