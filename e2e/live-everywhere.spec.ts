/**
 * A live story as a crawler, a feed reader and a reader of the front page meet it (issue 23, item 5): a copy of
 * the site with a live story of four updates published by `content:publish` to one origin running the suite's
 * own build (no edge: docs/development/live-coverage-seo.md). Serial, one site for the file.
 */
import { expect, test } from '@playwright/test';
import { LATEST_RELEASE, request } from '../test/support/edge-harness';
import { updateWord, writeLiveStory, type LiveStoryOptions } from '../test/support/live-story';
import { flightData, jsonLdTexts } from './support/document-parts';
import { PublishSite, seed } from './support/publish-site';
import { sheetsOfPage, unstyledClasses } from '@/test/support/page-sheets';

test.describe.configure({ mode: 'serial', timeout: 60_000 });

const LIVE: LiveStoryOptions = {
  slug: 'e2e-live-summit',
  headline: 'Summit talks continue in Panmunjom, live',
  updates: 4,
  // Begun half an hour ago: every update is in the past, the story the front page's newest.
  startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
};

let site: PublishSite;
const get = (p: string) => request(site.origins[0]!.url, p);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  site = await PublishSite.copy(LATEST_RELEASE);
  site.edgeUrl = '';
  writeLiveStory(site.project, LIVE);
  await site.startOrigin();
  const published = await site.publish();
  expect(published.code, published.out).toBe(0);
});

test.afterAll(async () => {
  await site?.stop();
});

test('the page has LiveBlogPosting JSON-LD with the updates, and advertises the feed of updates', async () => {
  const page = await get(`/stories/${LIVE.slug}`);
  expect(page.status).toBe(200);
  const scripts = jsonLdTexts(page.body).map((text) => JSON.parse(text) as Record<string, unknown>);
  // Rendered on demand (published after the build), its JSON-LD is still in the HTML only, not in the flight data.
  const flight = flightData(page.body);
  expect(flight).toContain(LIVE.headline);
  expect(flight).not.toContain('schema.org');
  const posting = scripts.find((s) => s['@type'] === 'LiveBlogPosting') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(posting).toBeTruthy();
  expect(Date.parse(posting.coverageStartTime)).toBe(Date.parse(LIVE.startedAt));
  expect(posting.liveBlogUpdate).toHaveLength(LIVE.updates);
  expect(posting.liveBlogUpdate[0]).toMatchObject({
    '@type': 'BlogPosting',
    headline: 'Update number 4 has a title',
    url: expect.stringMatching(new RegExp(`/stories/${LIVE.slug}/updates/1#update-update-0004$`)),
  });
  expect(posting.liveBlogUpdate[0].articleBody).toContain(updateWord(LIVE.slug, 4));
  const feedLink = new RegExp(
    `<link(?=[^>]*rel="alternate")(?=[^>]*type="application/rss\\+xml")[^>]*href="[^"]*/stories/${LIVE.slug}/feed.xml"`,
  );
  expect(page.body).toMatch(feedLink);
  // Its styles: the story's, every block's (an open tab may add any) and the live rules, each class styled.
  expect(sheetsOfPage(page.body)).toEqual(['site', 'story', 'blocks', 'live']);
  expect(unstyledClasses(page.body)).toEqual([]);
});

test("the live story's feed lists its updates newest first; a plain story has none (404)", async () => {
  const feed = await get(`/stories/${LIVE.slug}/feed.xml`);
  expect([feed.status, feed.headers['content-type']]).toEqual([200, 'application/rss+xml; charset=utf-8']);
  const links = [...feed.body.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
  expect(links.map((l) => l.split('#')[1])).toEqual([4, 3, 2, 1].map((n) => `update-update-000${n}`));
  expect((await get(`/stories/${seed.slug}/feed.xml`)).status).toBe(404);
  expect((await get('/feed.xml')).body).toContain(`/stories/${LIVE.slug}</link>`);
});

test('the front page card says Live with the newest update; the Open Graph card is a PNG', async () => {
  const front = await get('/');
  expect(front.body).toMatch(
    /<p class="live-card"><strong class="live-card__marker">Live<\/strong><span class="live-card__latest">Update number 4 has a title · <time/,
  );
  const card = await get(`/stories/${LIVE.slug}/opengraph-image`);
  expect([card.status, card.headers['content-type']]).toEqual([200, 'image/png']);
});

test("search finds an update's words", async ({ page }) => {
  await page.goto(`${site.origins[0]!.url}/search?q=${encodeURIComponent(updateWord(LIVE.slug, 2))}`);
  await expect(page.getByRole('main').getByRole('status')).toContainText(/match/, { timeout: 15_000 });
  await expect(page.getByRole('main').locator(`.search-result a[href="/stories/${LIVE.slug}"]`)).toHaveCount(1);
});
