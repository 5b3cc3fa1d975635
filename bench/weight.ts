/**
 * `npm run bench:weight`: what a phone downloads (docs/decisions/0052). Raw and gzipped documents of every page
 * type at the seed content and at a synthetic archive (`-- --stories N`, 10,000 by default), the bytes each
 * listing card adds, the story's bytes other than photos against the floor's, and the story's largest paint on
 * a throttled phone against bench/floor's plain page and its photo page, median of alternating rounds. Writes
 * BENCHMARKS.md's weight section (`-- --quick`: the seed content only, printed only).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium';
import { freePort } from '../test/support/free-port';
import { createSyntheticArchive } from '../test/support/synthetic-archive';
import { createTempProject, type TempProject } from '../test/support/temp-project';
import { writeBenchSection } from './benchmarks-file';
import { copyFloor, FLOOR_PAGES } from './floor-photo';
import { lighthousePair, measurePage, PHONE, timeBuild } from './measure';
import { startFloor, startSite, type RunningServer } from './servers';
import { throttledRounds } from './throttled';
import { WEIGHT_PAGE_TYPES, weightReport, type DocumentSize, type WeightFigures } from './weight-report';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '5' },
    quick: { type: 'boolean', default: false },
  },
});
const STORIES = Number(values.stories);
const ROUNDS = Number(values.rounds);
const DIST = '.next-bench';
const LOAD_AT_START = os.loadavg()[0]!;
const log = (message: string) => console.log(`[bench:weight ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** One URL of each page type, found as a reader finds them: from the front page, its first story, the archive. */
async function findPages(url: string): Promise<Record<(typeof WEIGHT_PAGE_TYPES)[number], string>> {
  const html = async (p: string) => (await fetch(new URL(p, url))).text();
  const first = (text: string, pattern: RegExp, what: string) => {
    const found = text.match(pattern)?.[1];
    if (!found) throw new Error(`no ${what} link found`);
    return found;
  };
  const front = await html('/');
  const story = first(front, /href="(\/stories\/[^"/?#]+)"/, 'story');
  const storyHtml = await html(story);
  return {
    story,
    front: '/',
    section: first(storyHtml, /href="(\/sections\/[^"/?#]+)"/, 'section'),
    tag: first(storyHtml, /href="(\/tags\/[^"/?#]+)"/, 'tag'),
    author: first(storyHtml, /href="(\/authors\/[^"/?#]+)"/, 'author'),
    archive: first(await html('/archive'), /href="(\/archive\/\d{4}\/\d{2})"/, 'archive month'),
    search: '/search',
  };
}

/** Each page type's document as the server sends it uncompressed, gzipped here, and its story cards. */
async function documentSizes(url: string): Promise<DocumentSize[]> {
  const pages = await findPages(url);
  const sizes: DocumentSize[] = [];
  for (const type of WEIGHT_PAGE_TYPES) {
    const response = await fetch(new URL(pages[type], url), { headers: { 'Accept-Encoding': 'identity' } });
    if (response.status !== 200) throw new Error(`${pages[type]} answered ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    // Story cards: the items of a StoryList (components/site/StoryList.tsx), whose <li> has no class but a large one's.
    const lists = body.toString('utf8').match(/<ol class="story-list">[\s\S]*?<\/ol>/g) ?? [];
    const cards = lists.reduce((sum, list) => sum + (list.match(/<li[ >]/g)?.length ?? 0), 0);
    sizes.push({ type, path: pages[type], raw: body.length, gzip: gzipSync(body).length, cards });
  }
  return sizes;
}

/** Builds a project's site as a release and serves it; the caller stops it. */
async function serveSite(project: TempProject): Promise<RunningServer> {
  const port = await freePort();
  const env = { NEXT_DIST_DIR: DIST, SITE_URL: `http://127.0.0.1:${port}`, AJU_CONTENT_CHECKED: '' };
  timeBuild(project.dir, env);
  execFileSync(process.execPath, [path.join(project.dir, 'scripts/operators/standalone.mjs'), 'prepare'], {
    env: { ...process.env, ...env },
  });
  return startSite(project.dir, DIST, port);
}

/** The seed site against the floors: document sizes, bytes other than photos, throttled paints. */
async function measureSeed(floorUrl: string): Promise<Omit<WeightFigures, 'archive' | 'machine'>> {
  const project = createTempProject('aju-bench-weight-');
  const site = await serveSite(project);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const documents = await documentSizes(site.url);
    const urls = {
      story: new URL(documents[0]!.path, site.url).toString(),
      'photo floor': floorUrl + FLOOR_PAGES.photo,
      floor: floorUrl + FLOOR_PAGES.plain,
    };
    // Untimed first loads: the image optimizer resizes once, then serves from its cache (as a CDN would).
    for (const url of Object.values(urls)) await measurePage(browser, url, PHONE);
    const bodies = {
      story: (await measurePage(browser, urls.story, PHONE)).bodies,
      floor: (await measurePage(browser, urls.floor, PHONE)).bodies,
    };
    log(`throttled phone, ${ROUNDS} alternating rounds`);
    const paints = await throttledRounds(
      browser,
      {
        ...urls,
        // Where the time goes: the same loads with the scripts refused, so the photo has the link to itself.
        'story, scripts refused': { url: urls.story, withoutScripts: true },
        'photo floor, scripts refused': { url: urls['photo floor'], withoutScripts: true },
      },
      ROUNDS,
    );
    log(`Lighthouse, story and photo floor alternating, ${ROUNDS} rounds`);
    const { story, floor } = await lighthousePair(urls.story, urls['photo floor'], ROUNDS);
    return { documents, bodies, paints, lighthouse: { story, 'photo floor': floor }, rounds: ROUNDS };
  } finally {
    await browser.close();
    await site.stop();
    project.remove();
  }
}

async function measureArchive(stories: number): Promise<DocumentSize[]> {
  log(`${stories} synthetic stories: generating, building, serving`);
  const { project } = await createSyntheticArchive({ stories });
  try {
    const site = await serveSite(project);
    try {
      return await documentSizes(site.url);
    } finally {
      await site.stop();
    }
  } finally {
    project.remove();
  }
}

async function main() {
  const started = performance.now();
  const floorCopy = mkdtempSync(path.join(os.tmpdir(), 'aju-bench-floor-'));
  try {
    log('building the floor');
    await copyFloor(floorCopy);
    timeBuild(floorCopy, { NEXT_DIST_DIR: '.next' });
    const floor = await startFloor(floorCopy, floorCopy, '.next', await freePort());
    let seed;
    try {
      log('building the site at the seed content');
      seed = await measureSeed(floor.url);
    } finally {
      await floor.stop();
    }
    const archive = values.quick ? undefined : { stories: STORIES, documents: await measureArchive(STORIES) };
    const cpus = os.cpus();
    const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load ${LOAD_AT_START.toFixed(1)} at start, ${os.loadavg()[0]!.toFixed(1)} at end`;
    const report = weightReport({ ...seed, archive, machine });
    if (!values.quick) writeBenchSection('weight', report);
    console.log(`\n${report}`);
    log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s${values.quick ? '' : '; wrote BENCHMARKS.md'}`);
  } finally {
    rmSync(floorCopy, { recursive: true, force: true });
  }
}

await main();
