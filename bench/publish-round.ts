/** One round of bench:publish: origins and the edge on a built archive, each kind of publish timed through the edge. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium';
import { request } from '../test/support/edge-harness';
import { publishedStories, type SyntheticManifest } from '../test/support/synthetic-archive';
import type { TempProject } from '../test/support/temp-project';
import { placements } from './publish-placements';
import {
  publishOrThrow,
  ROUND_FILES,
  startRig,
  stopRig,
  storyData,
  storySource,
  until,
  via,
  writeStory,
  type Rig,
  type StoryData,
} from './publish-rig';
import { s, SEARCH_POLL_MS, type Round } from './publish-report';

/** The search index's one unhashed file: it changes through the edge when a publish's index is live. */
const SEARCH_ENTRY = '/pagefind/pagefind-entry.json';

export const log = (message: string) =>
  console.log(`[bench:publish ${new Date().toISOString().slice(11, 19)}] ${message}`);

let browser: Browser | undefined;
const launchBrowser = async () =>
  (browser ??= await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS }));
export const closeBrowser = () => browser?.close();

/** Whether a search through the edge, in Chromium (the site's own search page), lists this story. */
async function searchFinds(edge: string, words: string, slug: string): Promise<boolean> {
  const page = await (await launchBrowser()).newPage();
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

/** A new story: until its page, the front and section pages, the feeds and search have it. */
async function newStory(rig: Rig, template: StoryData, section: string) {
  const slug = `bench-publish-new-${rig.originCount}`;
  const headline = `Bench publishes story ${rig.originCount} in seconds`;
  const postedAt = new Date(Date.now() - 30_000).toISOString();
  const file = writeStory(rig, slug, postedAt, { ...template, headline, publishAt: undefined, draft: undefined });
  const has = async (p: string) => (await via(rig, p)).body.includes(`/stories/${slug}`);
  const entryBefore = (await via(rig, SEARCH_ENTRY)).body;
  const t0 = performance.now();
  const running = rig.publisher!.run();
  const [page, front, sectionPage, feeds, search] = await Promise.all([
    until(t0, async () => (await via(rig, `/stories/${slug}`)).status === 200),
    until(t0, () => has('/')),
    until(t0, () => has(`/sections/${section}`)),
    until(t0, async () => (await has('/feed.xml')) && (await has('/news-sitemap.xml'))),
    // A search in Chromium costs far more than a request, and readers' browsers do not run on the servers: it is
    // tried once the index's entry file has changed through the edge, so it does not slow what it measures.
    until(
      t0,
      async () =>
        (await via(rig, SEARCH_ENTRY)).body !== entryBefore && (await searchFinds(rig.edge!.url, headline, slug)),
      SEARCH_POLL_MS,
    ),
  ]);
  const run = await running;
  if (run.code !== 0) throw new Error(`content:publish failed:\n${run.out}`);
  log(`    new story: ${/Steps: .*/.exec(run.out)?.[0] ?? run.out}`);
  log(
    `    edge purged at ${s(run.purged)}; readers got the page at ${s(page)}, front ${s(front)}, section ${s(sectionPage)}, feeds ${s(feeds)}`,
  );
  const figures = { publishSeconds: run.seconds, purgedSeconds: run.purged, page, front, section: sectionPage, feeds };
  return { slug, file, figures: { ...figures, search } };
}

/** A correction of an archive story: until its page and its card change. */
async function correction(rig: Rig, archivedFile: string, archivedSlug: string, archivedData: StoryData) {
  const corrected = `${String(archivedData.headline).slice(0, 60)} (corrected ${rig.originCount})`;
  const cardBefore = (await via(rig, `/stories/${archivedSlug}/opengraph-image`)).body;
  rig.project.write(archivedFile, storySource({ ...archivedData, headline: corrected }));
  const t0 = performance.now();
  const correcting = rig.publisher!.run();
  correcting.then((r) => log(`    correction: ${/Steps: .*/.exec(r.out)?.[0] ?? r.out}`));
  const [correctionPage, correctionCard] = await Promise.all([
    until(t0, async () => (await via(rig, `/stories/${archivedSlug}`)).body.includes(`(corrected ${rig.originCount})`)),
    until(t0, async () => {
      const card = await via(rig, `/stories/${archivedSlug}/opengraph-image`);
      return card.status === 200 && card.body !== cardBefore;
    }),
  ]);
  await correcting;
  return { correctionPage, correctionCard };
}

/** A takedown of the new story, as an editor makes one (its file deleted, its slug in content/takedowns.ts). */
async function takedown(rig: Rig, file: string, slug: string) {
  rmSync(path.join(rig.project.dir, file));
  rig.written.splice(rig.written.indexOf(file), 1);
  const entry = { slug, date: new Date().toISOString(), reason: 'bench:publish takes its new story down' };
  rig.project.write(
    'content/takedowns.ts',
    `import { defineTakedowns } from './schema';\nexport default defineTakedowns(${JSON.stringify([entry])});\n`,
  );
  const t0 = performance.now();
  const takingDown = rig.publisher!.run();
  const seconds = await until(t0, async () => (await via(rig, `/stories/${slug}`)).status === 410);
  await takingDown;
  return seconds;
}

/** An embargo 15 s ahead: from its publishAt until readers get its page through the edge. */
async function embargo(rig: Rig, template: StoryData) {
  const at = new Date(Date.now() + 15_000).toISOString();
  const slug = `bench-publish-embargo-${rig.originCount}`;
  writeStory(rig, slug, at, { ...template, headline: `Embargoed bench story ${rig.originCount}`, publishAt: at });
  await publishOrThrow(rig);
  while (Date.now() < Date.parse(at)) await new Promise((r) => setTimeout(r, 100));
  return until(performance.now(), async () => (await via(rig, `/stories/${slug}`)).status === 200);
}

/** Publishes a new story, a correction, a takedown and an embargo to `originCount` origins behind the edge. */
export async function round(
  project: TempProject,
  manifest: SyntheticManifest,
  originCount: number,
  builtAt: number,
): Promise<Round> {
  const storeDir = mkdtempSync(path.join(os.tmpdir(), 'aju-bench-store-'));
  const restore = ROUND_FILES.map((file) => readFileSync(path.join(project.dir, file), 'utf8'));
  const rig: Rig = { project, originCount, storeDir, origins: [], written: [], restore };
  try {
    await startRig(rig);
    const published = publishedStories(manifest, new Date(builtAt));
    const newest = published[0]!;
    const archived = published.at(-1)!;
    const template = storyData(readFileSync(path.join(project.dir, newest.file), 'utf8'));
    const section = String(template.section);
    // Readers have the pages in the edge's cache, and keep loading them while the publishes run.
    const pages = ['/', `/sections/${section}`, '/feed.xml', `/stories/${archived.slug}`, `/stories/${newest.slug}`];
    for (const p of pages) await via(rig, p);
    // The store starts at the build's content, so the first publish below measures one change.
    await publishOrThrow(rig);
    const load = readers(rig.edge!.url, pages);
    // The browser that searches is started before the clock does.
    await launchBrowser();
    const added = await newStory(rig, template, section);
    const archivedData = storyData(readFileSync(path.join(project.dir, archived.file), 'utf8'));
    const corrected = await correction(rig, archived.file, archived.slug, archivedData);
    const takedownSeconds = await takedown(rig, added.file, added.slug);
    const placed = await placements(
      { project, origins: rig.origins, via: (p) => via(rig, p), publish: () => publishOrThrow(rig), until },
      archived.slug,
      newest.slug,
    );
    log(`    fronts and banner: ${JSON.stringify(placed)}`);
    await load.end();
    const embargoSeconds = await embargo(rig, template);
    // Put the archive back as it was built for the next round.
    project.write(archived.file, storySource(archivedData));
    return {
      origins: originCount,
      store: rig.redis ? 'Redis' : 'disk',
      ...added.figures,
      ...corrected,
      takedown: takedownSeconds,
      embargo: embargoSeconds,
      placements: placed,
      readerRequests: load.counts.requests,
      readerErrors: load.counts.errors,
    };
  } finally {
    await stopRig(rig);
  }
}
