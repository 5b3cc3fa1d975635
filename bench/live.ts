/**
 * `npm run bench:live`: live coverage at a synthetic archive (`-- --stories N`, 10,000 by default) behind the
 * edge with two origins on Redis (decision 0053): seconds from `content:publish` of one update until the live page
 * through the edge and an open Chromium tab have it, beside a plain story's correction in the same run; origin
 * requests per minute while 100 and 2,000 simulated tabs poll through the edge; the live page's HTML with ~30
 * and with 1,000 updates; JavaScript on a live page and on a plain story against bench/floor's page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium';
import { freePort } from '../test/support/free-port';
import { createSyntheticArchive } from '../test/support/synthetic-archive';
import { writeBenchSection } from './benchmarks-file';
import { copyFloor, FLOOR_PAGES } from './floor-photo';
import { liveStoriesOf, pollingLoad, publishUpdate, type LiveStoryFiles } from './live-rounds';
import { liveReport, type LiveFigures } from './live-report';
import { measurePage, median, PHONE, timeBuild } from './measure';
import {
  npmRunBuild,
  publishOrThrow,
  startRig,
  stopRig,
  storyData,
  storySource,
  until,
  via,
  type Rig,
} from './publish-rig';
import { startFloor } from './servers';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '3' },
    tabs: { type: 'string', default: '100,2000' },
    seconds: { type: 'string', default: '60' },
  },
});
const STORIES = Number(values.stories);
const ROUNDS = Number(values.rounds);
const TAB_COUNTS = values.tabs.split(',').map(Number);
const WINDOW_SECONDS = Number(values.seconds);
const LOAD_AT_START = os.loadavg();
export const log = (message: string) =>
  console.log(`[bench:live ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** A plain archive story's correction through the edge: the baseline an update is set beside. */
async function correctionSeconds(rig: Rig, file: string, slug: string, round: number): Promise<number | undefined> {
  const data = storyData(readFileSync(path.join(rig.project.dir, file), 'utf8'));
  const marker = `(bench:live correction ${round})`;
  rig.project.write(file, storySource({ ...data, headline: `${String(data.headline).slice(0, 60)} ${marker}` }));
  const t0 = performance.now();
  const running = rig.publisher!.run();
  const seconds = await until(t0, async () => (await via(rig, `/stories/${slug}`)).body.includes(marker));
  await running;
  rig.project.write(file, storySource(data));
  return seconds;
}

/** Each page's HTML as the origin sends it and gzipped through the edge, and each page's JavaScript in Chromium. */
async function pageWeights(rig: Rig, live: LiveStoryFiles, plainSlug: string, floorUrl: string) {
  const gzipped = async (p: string) => {
    const answer = await via(rig, p);
    if (answer.status !== 200) throw new Error(`${p} answered ${answer.status}`);
    // The body as gzip at its default level (what the edge stores) and as sent unzipped.
    return { path: p, gzip: gzipSync(answer.body).length, raw: Buffer.byteLength(answer.body) };
  };
  const html = {
    plain: await gzipped(`/stories/${plainSlug}`),
    short: await gzipped(`/stories/${live.short.slug}`),
    long: await gzipped(`/stories/${live.long.slug}`),
  };
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const js = async (url: string) => {
      await measurePage(browser, url, PHONE);
      return (await measurePage(browser, url, PHONE)).bodies.js;
    };
    return {
      html,
      js: {
        live: await js(`${rig.edge!.url}/stories/${live.open.slug}`),
        plain: await js(`${rig.edge!.url}/stories/${plainSlug}`),
        floor: await js(floorUrl + FLOOR_PAGES.plain),
      },
    };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<LiveFigures> {
  const floorCopy = mkdtempSync(path.join(os.tmpdir(), 'aju-bench-floor-'));
  log(`load average ${LOAD_AT_START.map((l) => l.toFixed(2)).join(' / ')} on ${os.cpus().length} cores`);
  log('building the floor');
  await copyFloor(floorCopy);
  timeBuild(floorCopy, { NEXT_DIST_DIR: '.next' });
  const floor = await startFloor(floorCopy, floorCopy, '.next', await freePort());
  log(`${STORIES} synthetic stories: generating and building`);
  const { project, manifest } = await createSyntheticArchive({ stories: STORIES });
  const storeDir = mkdtempSync(path.join(os.tmpdir(), 'aju-bench-store-'));
  const rig: Rig = { project, originCount: 2, storeDir, origins: [], written: [] };
  try {
    const buildSeconds = npmRunBuild(project.dir);
    log(`  built in ${buildSeconds.toFixed(0)} s; two origins on Redis behind the edge`);
    await startRig(rig);
    await publishOrThrow(rig);
    const live = liveStoriesOf(manifest);
    const liveSlugs = new Set([live.open, live.short, live.long].map((story) => story.slug));
    const plain = manifest.stories.find((story) => !liveSlugs.has(story.slug) && !story.publishAt && !story.draft)!;
    const updates = [];
    const corrections = [];
    for (let round = 1; round <= ROUNDS; round++) {
      corrections.push(await correctionSeconds(rig, plain.file, plain.slug, round));
      updates.push(await publishUpdate(rig, live.open, round));
      log(`  round ${round}: correction ${corrections.at(-1)?.toFixed(2)} s, update ${JSON.stringify(updates.at(-1))}`);
    }
    const polling = [];
    for (const tabs of TAB_COUNTS) {
      log(`  ${tabs} tabs polling for ${WINDOW_SECONDS} s, one update published half-way`);
      polling.push(await pollingLoad(rig, live.open, tabs, WINDOW_SECONDS));
      log(`    ${JSON.stringify(polling.at(-1))}`);
    }
    const weights = await pageWeights(rig, live, plain.slug, floor.url);
    const known = (values: (number | undefined)[]) => values.filter((v): v is number => v !== undefined);
    return {
      stories: STORIES,
      load: LOAD_AT_START,
      rounds: ROUNDS,
      correction: median(known(corrections)),
      page: median(known(updates.map((u) => u.page))),
      tab: median(known(updates.map((u) => u.tab))),
      purged: median(known(updates.map((u) => u.purged))),
      missed: updates.filter((u) => u.page === undefined || u.tab === undefined).length,
      polling,
      updateCounts: { short: live.short.updates, long: live.long.updates },
      ...weights,
    };
  } finally {
    await stopRig(rig);
    project.remove();
    await floor.stop();
    rmSync(floorCopy, { recursive: true, force: true });
  }
}

const figures = await main();
const markdown = liveReport(figures);
console.log(`\n${markdown}\n`);
writeBenchSection('live', markdown);
process.exit(0);
