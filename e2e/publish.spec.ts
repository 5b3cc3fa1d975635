/**
 * Publishing without a build (docs/operations/publishing.md): a copy of the site, built once, served by two
 * origins sharing one store, real Varnish in front; `npm run content:publish` run in the copy as an editor
 * runs it. Every check is made from outside, through the edge (and on the origins where the edge is not the
 * point). Serial: each test publishes on top of the one before.
 */
import { expect, test, type Page } from '@playwright/test';
import { LATEST_RELEASE, Origin, request, type Answer } from '../test/support/edge-harness';
import { startRedisServer, type RedisServer } from '../test/support/redis-server';
import { PublishSite, seed } from './support/publish-site';

// Each test runs content:publish (a check, a Pagefind index) several times: minutes on a loaded 2-core machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let site: PublishSite;
/** A photo the build never had: only the publish brings it to the origins. */
const NEW_PHOTO = '/images/stories/publish-test-new-photo.jpg';
let newPhotoBytes = 0;
const NEW = {
  slug: 'publish-test-new-story',
  headline: 'Newsroom publishes a story without a build',
  extra: { leadPhoto: { ...seed.leadPhoto, src: NEW_PHOTO } },
};
const CORRECTED_HEADLINE = 'Newsroom corrects a headline without a build';

const viaEdge = (p: string, headers: Record<string, string> = {}) => request(site.edge!.url, p, { headers });
const direct = (i: number, p: string) => request(site.origins[i]!.url, p);
/** Whether a search through the edge, in Chromium, finds this story (`found`) or answers without it. */
async function searchFinds(page: Page, words: string, slug: string): Promise<boolean> {
  await page.goto(`${site.edge!.url}/search?q=${encodeURIComponent(words)}`);
  const status = page.getByRole('main').getByRole('status');
  await expect(status).toContainText(/match/, { timeout: 15_000 });
  return (await page.getByRole('main').locator(`.search-result a[href="/stories/${slug}"]`).count()) > 0;
}

/** What readers get through the edge, soon (a soft purge serves the old copy once while it refetches). */
const soon = (p: string, check: (answer: Answer) => boolean, timeout = 10_000) =>
  expect
    .poll(async () => check(await viaEdge(p, { 'Accept-Encoding': 'gzip' })), { timeout, intervals: [100, 250, 500] })
    .toBe(true);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  site = await PublishSite.copy(LATEST_RELEASE);
  newPhotoBytes = await site.writePhoto(NEW_PHOTO);
  await site.startOrigins(2);
  await site.startEdge();
});

test.afterAll(async () => {
  await site?.stop();
});

test('a started origin warms its on-demand rendering up, in draft mode', async () => {
  for (const origin of site.origins) {
    await expect.poll(origin.output, { timeout: 30_000 }).toContain('content: warmed up on-demand rendering');
    // The newest story's page and card, rendered without Next's cache.
    expect(origin.output()).toMatch(/\/stories\/[^ ]+ 200 in [0-9.]+ s, \/stories\/[^ ]+\/opengraph-image 200 in/);
  }
});

test('a wrong or missing secret is refused with an empty 401, and changes nothing', async () => {
  for (const authorization of [undefined, 'Bearer wrong-secret-wrong-secret', `Bearer ${site.secret}x`, site.secret]) {
    const answer = await fetch(`${site.origins[0]!.url}/api/publish`, {
      method: 'POST',
      headers: authorization ? { Authorization: authorization } : {},
    });
    expect(answer.status).toBe(401);
    expect(await answer.text()).toBe('');
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
  }
  // Only POST, and no parameters: nothing a request names is rendered or purged.
  expect((await fetch(`${site.origins[0]!.url}/api/publish`)).status).toBe(405);
  const withBody = await fetch(`${site.origins[0]!.url}/api/publish`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${site.secret}` },
    body: '{"paths":["/"]}',
  });
  expect(withBody.status).toBe(400);
  // A publish with the wrong secret stops with a message naming the fix, and nothing changes, store included.
  const before = site.currentVersion();
  site.writeStory(NEW);
  const wrong = await site.publish({ PUBLISH_SECRET: 'another-secret-entirely' });
  site.removeStory(NEW.slug);
  expect(wrong.code).toBe(1);
  expect(wrong.out).toContain('refused the secret (401)');
  expect(wrong.out).toContain('Nothing was published: the site is unchanged.');
  expect(site.currentVersion()).toBe(before);
  expect((await direct(0, `/stories/${NEW.slug}`)).status).toBe(404);
});

test('a new story: its page, the front page, its section, feeds, sitemaps, related stories and search follow', async ({
  page,
}) => {
  // Readers have the pages cached at the edge before the story exists.
  const pages = [
    '/',
    `/sections/${seed.section}`,
    '/feed.xml',
    `/sections/${seed.section}/feed.xml`,
    '/news-sitemap.xml',
    '/sitemap.xml',
    `/stories/${seed.slug}`,
    `/tags/${seed.tags[0]}`,
  ];
  for (const p of pages) expect((await viaEdge(p, { 'Accept-Encoding': 'gzip' })).status).toBe(200);
  expect((await viaEdge(`/stories/${NEW.slug}`)).status).toBe(404);

  site.writeStory(NEW);
  const published = await site.publish();
  expect(published.code, published.out).toBe(0);
  expect(published.out).toContain(`/stories/${NEW.slug}`);
  expect(published.out).toMatch(/added: 1/);
  expect(published.out).toMatch(/Steps: check [0-9.]+ s, snapshot/);

  // Every origin serves it the moment the command is done.
  for (const i of [0, 1]) {
    const story = await direct(i, `/stories/${NEW.slug}`);
    expect(story.status).toBe(200);
    expect(story.body).toContain(NEW.headline);
    expect((await direct(i, '/')).body).toContain(NEW.headline);
  }
  // Through the edge: the page, its card and crops, and every page that lists it.
  await soon(`/stories/${NEW.slug}`, (a) => a.status === 200 && a.body.includes(NEW.headline));
  const card = await viaEdge(`/stories/${NEW.slug}/opengraph-image`);
  expect([card.status, card.headers['content-type']]).toEqual([200, 'image/png']);
  expect((await viaEdge(`/stories/${NEW.slug}/images/16x9`)).status).toBe(200);
  // Its new photo, which the origins' release does not have: the file, and the page's resized renditions.
  const photo = await viaEdge(NEW_PHOTO);
  expect([photo.status, photo.headers['content-type'], photo.headers['cache-control']]).toEqual([
    200,
    'image/jpeg',
    'public, max-age=86400, s-maxage=31536000, stale-while-revalidate=86400',
  ]);
  const storyHtml = (await viaEdge(`/stories/${NEW.slug}`)).body;
  const rendition = storyHtml.match(
    /\/_next\/image\?url=%2Fimages%2Fstories%2Fpublish-test-new-photo\.jpg[^"\s,]*/,
  )?.[0];
  expect(rendition, 'the page shows the new photo').toBeTruthy();
  const resized = await viaEdge(rendition!.replaceAll('&amp;', '&'), { Accept: 'image/avif,image/webp,*/*' });
  expect([resized.status, resized.headers['content-type']]).toEqual([200, 'image/avif']);
  await soon('/feed.xml', (a) => a.body.includes(`length="${newPhotoBytes}" type="image/jpeg" url="`));
  // A photo no story uses is not served, and not cached anywhere.
  const unknown = await viaEdge('/images/stories/no-such-photo.jpg');
  expect(unknown.status).toBe(404);
  expect(unknown.headers['cache-control']).toMatch(/^private, no-cache, no-store/);
  for (const p of ['/', `/sections/${seed.section}`, `/tags/${seed.tags[0]}`, `/stories/${seed.slug}`])
    await soon(p, (a) => a.body.includes(`/stories/${NEW.slug}`));
  for (const p of ['/feed.xml', `/sections/${seed.section}/feed.xml`, '/news-sitemap.xml'])
    await soon(p, (a) => a.body.includes(`/stories/${NEW.slug}`));
  // A new month: its archive page and month sitemap exist now, and the sitemap index lists it.
  const month = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 7);
  await soon('/sitemap.xml', (a) => a.body.includes(`/sitemaps/${month}.xml`));
  await soon(`/sitemaps/${month}.xml`, (a) => a.status === 200 && a.body.includes(`/stories/${NEW.slug}`));
  await soon(`/archive/${month.replace('-', '/')}`, (a) => a.status === 200 && a.body.includes(NEW.headline));

  // Search: the publish wrote this version's index, which the origins serve at /pagefind/.
  await expect
    .poll(() => searchFinds(page, 'Newsroom publishes without build', NEW.slug), { timeout: 20_000 })
    .toBe(true);

  // Publishing the same tree again changes nothing.
  const again = await site.publish();
  expect(again.code, again.out).toBe(0);
  expect(again.out).toMatch(/0 pages revalidated/);
  expect(again.out).toMatch(/added: 0\nupdated: 0\nremoved: 0/);
});

test('a correction: the page, its card and every list show the new headline', async () => {
  const card = async () => {
    const response = await fetch(`${site.edge!.url}/stories/${NEW.slug}/opengraph-image`);
    return Buffer.from((await response.arrayBuffer()) as ArrayBuffer);
  };
  const cardBefore = await card();
  site.writeStory({ ...NEW, headline: CORRECTED_HEADLINE });
  const published = await site.publish();
  expect(published.code, published.out).toBe(0);
  expect(published.out).toMatch(/updated: 1/);
  for (const p of [`/stories/${NEW.slug}`, '/', `/sections/${seed.section}`, '/feed.xml', `/stories/${seed.slug}`]) {
    await soon(p, (a) => a.body.includes(CORRECTED_HEADLINE) && !a.body.includes(NEW.headline));
  }
  await expect.poll(async () => (await card()).equals(cardBefore), { timeout: 10_000 }).toBe(false);
});

test('an invalid tree changes nothing, with the same messages as content:check', async () => {
  const before = site.currentVersion();
  const broken = 'content/stories/2024/06/broken-story.ts';
  site.writeRaw(
    broken,
    "import { defineStory } from '@/content/schema';\n\nexport default defineStory({ slug: 'broken-story', headline: '' } as never);\n",
  );
  const published = await site.publish();
  site.removeRaw(broken);
  expect(published.code).toBe(1);
  expect(published.out).toMatch(/✖ error +content\/stories\/2024\/06\/broken-story\.ts › headline: .+ — /);
  expect(published.out).toContain('Nothing was published: the site is unchanged.');
  expect(site.currentVersion()).toBe(before);
  expect((await direct(0, `/stories/${NEW.slug}`)).body).toContain(CORRECTED_HEADLINE);
});

test('a takedown: the story is gone everywhere, search included, its addresses answering 410 Gone', async ({
  page,
}) => {
  site.takeDown(NEW.slug);
  const published = await site.publish();
  expect(published.code, published.out).toBe(0);
  expect(published.out).toMatch(/removed: 1/);
  for (const i of [0, 1]) expect((await direct(i, `/stories/${NEW.slug}`)).status).toBe(410);
  for (const p of [`/stories/${NEW.slug}`, `/stories/${NEW.slug}/opengraph-image`])
    await soon(p, (a) => a.status === 410);
  for (const p of ['/', `/sections/${seed.section}`, '/feed.xml', '/news-sitemap.xml', `/stories/${seed.slug}`]) {
    await soon(p, (a) => a.status === 200 && !a.body.includes(`/stories/${NEW.slug}`));
  }
  await expect
    .poll(() => searchFinds(page, 'Newsroom corrects headline without build', NEW.slug), { timeout: 20_000 })
    .toBe(false);
  expect(await searchFinds(page, 'Putin Pyongyang', seed.slug)).toBe(true);
});

test('an embargoed story is invisible everywhere until its time, then goes live by itself', async ({ page }) => {
  test.setTimeout(120_000);
  const at = new Date(Date.now() + 35_000);
  const EMBARGOED = {
    slug: 'publish-test-embargoed',
    headline: 'Embargoed story lifts by itself',
    postedAt: at.toISOString(),
    publishAt: at.toISOString(),
  };
  site.writeStory(EMBARGOED);
  const published = await site.publish();
  expect(published.code, published.out).toBe(0);
  const hidden = [
    `/stories/${EMBARGOED.slug}`,
    `/stories/${EMBARGOED.slug}/opengraph-image`,
    `/stories/${EMBARGOED.slug}/images/1x1`,
  ];
  for (const p of hidden) {
    expect((await viaEdge(p)).status).toBe(404);
    expect((await direct(1, p)).status).toBe(404);
  }
  // A flight (RSC) request is refused too.
  expect((await request(site.origins[0]!.url, `/stories/${EMBARGOED.slug}`, { headers: { RSC: '1' } })).status).toBe(
    404,
  );
  for (const p of ['/', '/feed.xml', '/news-sitemap.xml', `/sections/${seed.section}`])
    expect((await viaEdge(p)).body).not.toContain(EMBARGOED.slug);
  expect(await searchFinds(page, 'Embargoed story lifts', EMBARGOED.slug)).toBe(false);
  expect(Date.now()).toBeLessThan(at.getTime());
  // Nobody acts: within 60 s of its time (here: well within) readers get it through the edge.
  await soon(`/stories/${EMBARGOED.slug}`, (a) => a.status === 200 && a.body.includes(EMBARGOED.headline), 50_000);
  await soon('/', (a) => a.body.includes(EMBARGOED.headline), 10_000);
  await soon('/feed.xml', (a) => a.body.includes(EMBARGOED.slug), 10_000);
  await expect.poll(() => searchFinds(page, 'Embargoed story lifts', EMBARGOED.slug), { timeout: 15_000 }).toBe(true);
});

test.describe('with Redis', () => {
  let redis: RedisServer | undefined;
  let redisUrl = '';
  const shared: Origin[] = [];
  const REDIS_STORY = { slug: 'publish-test-redis-story', headline: 'One publish reaches every origin through Redis' };
  const REDIS_CORRECTED = 'One correction reaches every origin through Redis';

  test.beforeAll(async () => {
    test.setTimeout(120_000); // two origins started in turn: past the default 30 s on a loaded machine
    redis = await startRedisServer();
    redisUrl = redis.url;
    for (let i = 0; i < 2; i++)
      shared.push(await Origin.start(site.release, { REDIS_URL: redisUrl, PUBLISH_SECRET: site.secret }));
  });

  test.afterAll(async () => {
    await Promise.all(shared.map((o) => o.stop()));
    await redis?.stop();
  });

  test('one publish reaches both origins, and an origin started later serves it', async () => {
    site.writeStory(REDIS_STORY);
    const published = await site.publish({ REDIS_URL: redisUrl }, shared);
    expect(published.code, published.out).toBe(0);
    expect(published.out).toContain(`current in Redis at ${redisUrl}`);
    // Next's cache is shared too: the page the first origin renders, the second serves from Redis (a HIT on
    // its first request), without rendering it again.
    const story = `/stories/${REDIS_STORY.slug}`;
    const rendered = await request(shared[0]!.url, story);
    expect(rendered.status).toBe(200);
    expect(rendered.headers['x-nextjs-cache']).toBe('MISS');
    const fromRedis = await request(shared[1]!.url, story);
    expect(fromRedis.body).toContain(REDIS_STORY.headline);
    expect(fromRedis.headers['x-nextjs-cache']).toBe('HIT');
    for (const origin of shared) expect((await request(origin.url, '/')).body).toContain(REDIS_STORY.headline);
    const later = await Origin.start(site.release, { REDIS_URL: redisUrl, PUBLISH_SECRET: site.secret });
    shared.push(later);
    // Its prerendered front page is the build's until its own start-up sync, a moment after it listens;
    // until then it serves the build's content and takes nothing newer from Redis.
    await expect
      .poll(async () => (await request(later.url, '/')).body.includes(REDIS_STORY.headline), { timeout: 10_000 })
      .toBe(true);
    // Its start-up sync is over, revalidations included, once it has warmed up (which reads and writes no cache).
    await expect.poll(later.output, { timeout: 30_000 }).toContain('content: warmed up on-demand rendering');
    const atLater = await request(later.url, story);
    expect(atLater.body).toContain(REDIS_STORY.headline);
    expect(atLater.headers['x-nextjs-cache'], 'an origin started later takes the page from Redis').toBe('HIT');

    // A correction: once the publish reports done, no origin serves the old headline, from its memory or Redis.
    site.writeStory({ ...REDIS_STORY, headline: REDIS_CORRECTED });
    const corrected = await site.publish({ REDIS_URL: redisUrl }, shared);
    expect(corrected.code, corrected.out).toBe(0);
    for (const origin of [shared[1]!, later, shared[0]!]) {
      const answer = await request(origin.url, story);
      expect(answer.body).toContain(REDIS_CORRECTED);
      expect(answer.body).not.toContain(REDIS_STORY.headline);
    }
  });

  test('Redis stopped: origins keep serving what they hold, and a publish fails clearly and changes nothing', async () => {
    const held = ['/', `/stories/${REDIS_STORY.slug}`, `/sections/${seed.section}`];
    for (const origin of shared) for (const p of held) expect((await request(origin.url, p)).status).toBe(200);
    await redis!.stop();
    for (const origin of shared) {
      for (const p of held) {
        const answer = await request(origin.url, p);
        expect(answer.status, `${p} with Redis gone`).toBe(200);
      }
      expect((await request(origin.url, '/')).body).toContain(REDIS_CORRECTED);
    }
    site.takeDown(REDIS_STORY.slug);
    const published = await site.publish({ REDIS_URL: redisUrl }, shared);
    expect(published.code).toBe(1);
    expect(published.out).toMatch(
      /Redis at redis:\/\/127\.0\.0\.1:[0-9]+\/? does not answer|ECONNREFUSED|could not read the published content/,
    );
    expect(published.out).toContain('Nothing was published: the site is unchanged.');
    for (const origin of shared) expect((await request(origin.url, `/stories/${REDIS_STORY.slug}`)).status).toBe(200);
  });
});
