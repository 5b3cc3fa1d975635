/**
 * Addresses never break (docs/decisions/0048-addresses-never-break.md), published for real: a copy of the site,
 * one origin and real Varnish (e2e/support/publish-site.ts). A renamed story's old page, card and crops answer
 * one permanent redirect at the edge, straight to the newest address after a second rename; content:check
 * refuses a deletion without a takedown; a takedown answers 410 Gone, and links to it show as plain text.
 * Serial: each test publishes on top of the one before.
 */
import { expect, test } from '@playwright/test';
import { LATEST_RELEASE, request, type Answer } from '../test/support/edge-harness';
import { PublishSite, seed } from './support/publish-site';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let site: PublishSite;
const FIRST = 'addresses-test-first-name';
const SECOND = 'addresses-test-second-name';
const THIRD = 'addresses-test-third-name';
const HEADLINE = 'Renamed story keeps every address it had';
const LINKER = {
  slug: 'addresses-test-linking-story',
  headline: 'A story that links to the renamed one',
  extra: {
    body: [
      ...seed.body,
      { type: 'paragraph', text: `Read [the renamed story](/stories/${FIRST}) for more.` },
      { type: 'storyLink', slug: FIRST },
    ],
  },
};
/** This month's sitemap, in Korea (where the stories written here are filed). */
const monthSitemap = `/sitemaps/${new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 7)}.xml`;
/** The old and new paths of a story's page, card and a crop. */
const own = (slug: string) => [`/stories/${slug}`, `/stories/${slug}/opengraph-image`, `/stories/${slug}/images/1x1`];

const viaEdge = (p: string) => request(site.edge!.url, p, { headers: { 'Accept-Encoding': 'gzip' } });
/** What readers get through the edge, soon (a soft purge serves the old copy once while it refetches). */
const soon = (p: string, check: (answer: Answer) => boolean, timeout = 15_000) =>
  expect.poll(async () => check(await viaEdge(p)), { timeout, intervals: [100, 250, 500] }).toBe(true);
const redirectsTo = (to: string) => (a: Answer) => a.status === 301 && a.headers.location === to;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  site = await PublishSite.copy(LATEST_RELEASE);
  await site.startOrigin();
  await site.startEdge();
});

test.afterAll(async () => {
  await site?.stop();
});

test('a rename: the old page, card and crop answer one 301 to the new ones at the edge, kept there', async () => {
  site.writeStory({ slug: FIRST, headline: HEADLINE });
  site.writeStory(LINKER);
  const first = await site.publish();
  expect(first.code, first.out).toBe(0);
  // Readers have the old addresses cached at the edge.
  for (const p of own(FIRST)) expect((await viaEdge(p)).status, p).toBe(200);
  site.removeStory(FIRST);
  site.writeStory({ slug: SECOND, headline: HEADLINE, extra: { previousSlugs: [FIRST] } });
  const published = await site.publish();
  expect(published.code, published.out).toBe(0);
  // The linking story still names the old address: content:check says so, and the page links to the new one.
  expect(published.out).toContain(`links to /stories/${FIRST}, the old address of /stories/${SECOND}`);
  for (const [from, to] of own(FIRST).map((p, i) => [p, own(SECOND)[i]!] as const)) {
    await soon(from, redirectsTo(to));
    const again = await viaEdge(from);
    expect(redirectsTo(to)(again), from).toBe(true);
    expect(again.headers['x-cache'], `${from} is kept at the edge`).toBe('HIT');
    expect((await viaEdge(to)).status, to).toBe(200);
  }
  // At the origin the query is kept (the edge strips it before: deploy/varnish/default.vcl).
  const atOrigin = await request(site.origins[0]!.url, `/stories/${FIRST}?page=2`);
  expect(atOrigin.status).toBe(301);
  expect(atOrigin.headers.location).toBe(`/stories/${SECOND}?page=2`);
  const page = await viaEdge(`/stories/${SECOND}`);
  expect(page.body).toMatch(new RegExp(`<link rel="canonical" href="[^"]*/stories/${SECOND}"`));
  await soon(`/stories/${LINKER.slug}`, (a) => a.body.includes(`href="/stories/${SECOND}"`));
  expect((await viaEdge(`/stories/${LINKER.slug}`)).body).not.toContain(`href="/stories/${FIRST}"`);
  for (const p of ['/feed.xml', '/news-sitemap.xml', monthSitemap, `/sections/${seed.section}`]) {
    await soon(p, (a) => a.status === 200 && a.body.includes(`/stories/${SECOND}`));
    expect((await viaEdge(p)).body, p).not.toContain(`/stories/${FIRST}`);
  }
});

test('a second rename: both old addresses redirect straight to the newest, no chain', async () => {
  site.removeStory(SECOND);
  site.writeStory({ slug: THIRD, headline: HEADLINE, extra: { previousSlugs: [FIRST, SECOND] } });
  const published = await site.publish();
  expect(published.code, published.out).toBe(0);
  for (const old of [FIRST, SECOND])
    for (const [from, to] of own(old).map((p, i) => [p, own(THIRD)[i]!] as const)) await soon(from, redirectsTo(to));
  await soon(`/stories/${LINKER.slug}`, (a) => a.body.includes(`href="/stories/${THIRD}"`));
});

test('content:check refuses a deletion that would leave a published address answering 404', async () => {
  site.removeStory(THIRD);
  const refused = await site.publish();
  expect(refused.code).toBe(1);
  for (const slug of [FIRST, SECOND, THIRD])
    expect(refused.out).toContain(
      `content/published-addresses.json › ${slug}: /stories/${slug} was published and would now answer 404 — add "${slug}" to the renamed story's previousSlugs, or take it down in content/takedowns.ts`,
    );
  expect(refused.out).toContain('Nothing was published: the site is unchanged.');
  await soon(`/stories/${THIRD}`, (a) => a.status === 200);
});

test('a takedown of a linked story: 410 Gone at every address, the link as plain text, the card gone', async () => {
  site.takeDown(THIRD, FIRST, SECOND);
  const published = await site.publish();
  expect(published.code, published.out).toBe(0);
  // A warning names the linking file; it does not stop the publish.
  expect(published.out).toMatch(
    new RegExp(
      `⚠ warning content/stories/[0-9/]+/${LINKER.slug}\\.ts › body\\[[0-9]+\\]\\.text: links to /stories/${FIRST}, which was taken down — the link shows as plain text`,
    ),
  );
  for (const slug of [FIRST, SECOND, THIRD])
    for (const p of own(slug)) {
      await soon(p, (a) => a.status === 410);
      expect((await viaEdge(p)).body).toContain('This story has been removed');
    }
  await soon(`/stories/${LINKER.slug}`, (a) => a.status === 200 && !a.body.includes(HEADLINE));
  const linker = (await viaEdge(`/stories/${LINKER.slug}`)).body;
  expect(linker).toContain('Read the renamed story for more.');
  for (const slug of [FIRST, SECOND, THIRD]) expect(linker).not.toContain(`/stories/${slug}`);
  for (const p of ['/feed.xml', '/news-sitemap.xml', monthSitemap])
    await soon(p, (a) => a.status === 200 && ![FIRST, SECOND, THIRD].some((s) => a.body.includes(s)));
});
