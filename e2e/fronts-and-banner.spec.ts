/**
 * Fronts editors arrange and the breaking-news banner (content/fronts.ts, content/breaking-news.ts; decisions
 * 0050, 0051): a copy of the site, two origins, real Varnish, `content:publish` as an editor runs it. Every
 * check is what a reader gets through the edge. Serial: each test publishes on top of the one before.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LATEST_RELEASE, request, type Answer } from '../test/support/edge-harness';
import { PublishSite, seed } from './support/publish-site';

test.describe.configure({ mode: 'serial', timeout: 150_000 });

let site: PublishSite;
const OLDER = { slug: 'fronts-test-older-story', headline: 'Editors keep an older story on top' };
const NEWER = { slug: 'fronts-test-newer-story', headline: 'A newer story arrives below it' };
const LATER = { slug: 'fronts-test-scheduled-story', headline: 'A scheduled story waits for its time' };
const BANNER_TEXT = 'Breaking test: a banner on every page';

const viaEdge = (p: string): Promise<Answer> => request(site.edge!.url, p, { headers: { 'Accept-Encoding': 'gzip' } });
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const leadHeadline = (html: string) => /class="lead-story__headline"><a href="[^"]*">([^<]*)</.exec(html)?.[1];
/** The story paths a section of the page links to, in order (photo and headline link to the same story). */
const linkedIn = (html: string, className: string) => [
  ...new Set(
    new RegExp(`<section class="${className}"[\\s\\S]*?</section>`).exec(html)?.[0].match(/\/stories\/[a-z0-9-]+/g),
  ),
];
const topStories = (html: string) => linkedIn(html, 'top-stories');

const writeFronts = (fronts: object) =>
  site.writeRaw(
    'content/fronts.ts',
    `import { defineFronts } from './schema';\n\nexport default defineFronts(${JSON.stringify(fronts, null, 2)});\n`,
  );
const writeBanner = (banner: object | null) =>
  site.writeRaw(
    'content/breaking-news.ts',
    `import { defineBreakingNews } from './schema';\n\nexport default defineBreakingNews(${JSON.stringify(banner)});\n`,
  );

async function publishOk() {
  const published = await site.publish();
  expect(published.code, published.out).toBe(0);
  return published.out;
}

test.beforeAll(async () => {
  // The first publish checks and stores the copy from scratch.
  test.setTimeout(300_000);
  site = await PublishSite.copy(LATEST_RELEASE);
  await site.startOrigins(2);
  await site.startEdge();
  site.writeStory({ ...OLDER, postedAt: inSeconds(-3600) });
  site.writeStory({ ...NEWER, postedAt: inSeconds(-60) });
  await publishOk();
});

test.afterAll(async () => {
  await site?.stop();
});

test('the front page and a section follow the editors’ arrangement; the newest fill the rest', async () => {
  expect(leadHeadline((await viaEdge('/')).body)).toBe(NEWER.headline);
  writeFronts({
    home: { lead: { story: OLDER.slug }, top: [{ story: NEWER.slug, size: 'large' }, { story: seed.slug }] },
    sections: { [seed.section]: { lead: { story: seed.slug } } },
  });
  const started = Date.now();
  await publishOk();
  await expect.poll(async () => leadHeadline((await viaEdge('/')).body), { timeout: 10_000 }).toBe(OLDER.headline);
  test.info().annotations.push({ type: 'front through the edge', description: `${Date.now() - started} ms` });
  const front = (await viaEdge('/')).body;
  expect(topStories(front)).toEqual([`/stories/${NEWER.slug}`, `/stories/${seed.slug}`]);
  expect(front).toContain('<li class="story-list__item--large">');
  // Each story once: the placed ones are not repeated under "Latest".
  expect(linkedIn(front, 'latest')).not.toContain(`/stories/${OLDER.slug}`);
  expect(linkedIn(front, 'latest')).not.toContain(`/stories/${NEWER.slug}`);
  const section = (await viaEdge(`/sections/${seed.section}`)).body;
  expect(topStories(section)).toEqual([`/stories/${seed.slug}`]);
});

test('a placed story that is scheduled for later drops out by itself; the next one moves up', async () => {
  const at = inSeconds(3600);
  site.writeStory({ ...LATER, postedAt: at, publishAt: at });
  writeFronts({ home: { lead: { story: LATER.slug }, top: [{ story: OLDER.slug }] } });
  await publishOk();
  await expect.poll(async () => leadHeadline((await viaEdge('/')).body), { timeout: 10_000 }).toBe(OLDER.headline);
  expect((await viaEdge('/')).body).not.toContain(LATER.slug);
});

test('a placement ends at its time with nobody acting', async () => {
  writeFronts({ home: { lead: { story: OLDER.slug, until: inSeconds(15) } } });
  await publishOk();
  await expect.poll(async () => leadHeadline((await viaEdge('/')).body), { timeout: 10_000 }).toBe(OLDER.headline);
  // After its `until`, the newest story leads again: the origins' timer syncs and purges the edge.
  await expect
    .poll(async () => leadHeadline((await viaEdge('/')).body), { timeout: 75_000, intervals: [1000] })
    .toBe(NEWER.headline);
});

test('content:check refuses an unknown story and a story placed twice, naming file, field and fix', async () => {
  writeFronts({
    home: { lead: { story: 'fronts-test-no-such-story' }, top: [{ story: NEWER.slug }, { story: NEWER.slug }] },
  });
  const refused = await site.publish();
  expect(refused.code).toBe(1);
  expect(refused.out).toContain(
    'content/fronts.ts › home.lead.story: "fronts-test-no-such-story" is not the slug of any story',
  );
  expect(refused.out).toContain(
    `content/fronts.ts › home.top[1].story: "${NEWER.slug}" is already placed at home.top[0]`,
  );
  writeFronts({ home: { top: [] } });
  await publishOk();
});

test('a banner reaches cached story pages through the edge without re-rendering them, then ends by itself', async ({
  browser,
}) => {
  const story = `/stories/${seed.slug}`;
  for (let i = 0; i < 2; i++) await viaEdge(story);
  expect((await viaEdge(story)).headers['x-cache']).toBe('HIT');
  const storyRendersBefore = site.origins.reduce((n, o) => n + o.count(story), 0);
  const requestsBefore = site.origins.reduce((n, o) => n + o.requests, 0);

  writeBanner({ text: BANNER_TEXT, story: NEWER.slug, until: inSeconds(40) });
  const started = Date.now();
  await publishOk();
  await expect.poll(async () => (await viaEdge(story)).body, { timeout: 30_000 }).toContain(BANNER_TEXT);
  test.info().annotations.push({ type: 'banner through the edge', description: `${Date.now() - started} ms` });
  const page = await viaEdge(story);
  expect(page.headers['x-cache']).toBe('HIT');
  expect(page.body).toContain(`<a href="/stories/${NEWER.slug}">${BANNER_TEXT}</a>`);
  // The story page itself was never fetched again: only the fragment (and the publish's own calls) reached origins.
  expect(site.origins.reduce((n, o) => n + o.count(story), 0)).toBe(storyRendersBefore);
  const fragmentRequests = site.origins.reduce((n, o) => n + o.count('/fragments/breaking-news'), 0);
  expect(fragmentRequests).toBeGreaterThan(0);
  expect(site.origins.reduce((n, o) => n + o.requests, 0) - requestsBefore).toBeLessThan(60);

  // A reader in Chromium, with and without JavaScript: a labelled landmark, no layout shift, axe clean.
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const reader = await context.newPage();
    await reader.goto(`${site.edge!.url}${story}`);
    const banner = reader.getByRole('complementary', { name: 'Breaking' });
    await expect(banner).toBeVisible();
    await expect(banner.getByRole('link', { name: BANNER_TEXT })).toHaveAttribute('href', `/stories/${NEWER.slug}`);
    if (javaScriptEnabled) {
      const shift = await reader.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) total += (entry as unknown as { value: number }).value;
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(total), 500);
          }),
      );
      expect(shift).toBe(0);
      const { violations } = await new AxeBuilder({ page: reader }).include('.breaking-news').analyze();
      expect(violations.map((v) => v.id)).toEqual([]);
    }
    await context.close();
  }

  // At its `until` it goes from every page, with nobody publishing.
  await expect
    .poll(async () => (await viaEdge(story)).body, { timeout: 75_000, intervals: [1000] })
    .not.toContain(BANNER_TEXT);
  // The edge filled the include: no tag is left in the HTML (the flight data keeps it escaped, \u003cesi:).
  expect((await viaEdge(story)).body).not.toContain('<esi:include');
});
