/**
 * The site follows the store by itself (decision 0045), with two origins on Redis behind real Varnish: a publish
 * killed after its switch, an origin cut off during one; an origin whose clock runs ahead lifts an embargo by
 * Redis' clock (decision 0046); the edge restarted cold, Redis restarted empty or full lose nothing. Origins run
 * the release the webServer built; stories are published from a copy of the project.
 */
import { expect, test } from '@playwright/test';
import { createClient } from 'redis';
import { LATEST_RELEASE, Origin, request } from '../test/support/edge-harness';
import { Readers } from '../test/support/readers';
import { startRedisServer, type RedisServer } from '../test/support/redis-server';
import { PublishSite } from './support/publish-site';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let site: PublishSite;
let redis: RedisServer;
// Quicker than the 5 s default, so the tests wait less; the bound they check is the 60 s.
const WATCH = { STORE_WATCH_INTERVAL_MS: '2000' };

test.beforeAll(async () => {
  test.setTimeout(120_000);
  redis = await startRedisServer();
  site = await PublishSite.copy(LATEST_RELEASE);
  await site.startOrigins(2, { REDIS_URL: redis.url, ...WATCH });
  await site.startEdge();
});

test.afterAll(async () => {
  await site?.stop();
  await redis?.stop();
});

/** Every origin, and readers through the edge, get `headline` at `page` within 60 s. */
async function expectEverywhere(page: string, headline: string) {
  for (const base of [...site.origins.map((o) => o.url), site.edge!.url])
    await expect
      .poll(async () => (await request(base, page)).body.includes(headline), { timeout: 60_000, intervals: [500] })
      .toBe(true);
}

test('a publish killed before its switch changes nothing; killed after it, origins and the edge follow by themselves', async () => {
  const story = { slug: 'convergence-killed-publish', headline: 'A publish cut off half-way still reaches readers' };
  // The front page in the edge's cache first: the killed publish purges nothing, the origins' own sync must.
  expect((await request(site.edge!.url, '/')).status).toBe(200);
  site.writeStory(story);
  // Killed before the switch: nothing changes, and its lock holds the next publish up no longer than its life.
  const before = await site.publish({ REDIS_URL: redis.url, PUBLISH_FAULT: 'kill-before-switch' });
  expect(before.code, before.out).not.toBe(0);
  expect(before.out).not.toContain('is current in Redis');
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  for (const origin of site.origins) expect((await request(origin.url, `/stories/${story.slug}`)).status).toBe(404);
  const killed = await site.publish({ REDIS_URL: redis.url, PUBLISH_FAULT: 'kill-after-switch' });
  expect(killed.code, killed.out).not.toBe(0);
  expect(killed.out).toContain(`is current in Redis at ${redis.url}`);
  expect(killed.out, 'killed before it told any origin').not.toContain('pages revalidated');
  await expectEverywhere(`/stories/${story.slug}`, story.headline);
  await expectEverywhere('/', story.headline);

  // The killed publish's lock holds nobody up: the next publish runs at once.
  const started = Date.now();
  const next = await site.publish({ REDIS_URL: redis.url });
  expect(next.code, next.out).toBe(0);
  expect(next.out).not.toContain('Another publish is running');
  expect(Date.now() - started, 'no wait for the dead lock to expire').toBeLessThan(60_000);
});

test('an origin cut off during a publish is named, holds nothing up, and catches up once it is back', async () => {
  const story = { slug: 'convergence-origin-away', headline: 'An origin away during a publish catches up' };
  const [present, away] = [site.origins[0]!, site.origins[1]!];
  away.cutOff(true);
  try {
    site.writeStory(story);
    const published = await site.publish({ REDIS_URL: redis.url });
    expect(published.code, 'the publish reports the origin it could not reach').toBe(1);
    expect(published.out).toContain(`${away.url} did not answer`);
    expect(published.out).toContain('follows within seconds of answering again');
    expect((await request(present.url, `/stories/${story.slug}`)).body).toContain(story.headline);
  } finally {
    away.cutOff(false);
  }
  await expectEverywhere(`/stories/${story.slug}`, story.headline);
});

test('the edge restarted cold under readers: no errors once it answers, each page fetched about once', async () => {
  const pages = ['/', '/stories/convergence-killed-publish', '/stories/convergence-origin-away', '/feed.xml'];
  for (const p of pages) expect((await request(site.edge!.url, p)).status).toBe(200);
  await site.edge!.stop();
  await site.startEdge();
  const fetched = () => site.origins.reduce((n, o) => n + pages.reduce((m, p) => m + o.count(p), 0), 0);
  const before = fetched();
  const readers = new Readers(site.edge!.url, pages, { connections: 8, maxSeconds: 10 });
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  await readers.stop();
  expect(readers.failures).toEqual([]);
  expect(readers.answered).toBeGreaterThan(100);
  // Coalesced: a cold page goes to an origin once however many readers ask at once.
  expect(fetched() - before).toBeLessThanOrEqual(pages.length * 2);
});

test('an origin whose clock runs two minutes ahead lifts an embargo by the shared clock, never before its time', async () => {
  const ahead = await Origin.start(site.release, site.originEnv({ REDIS_URL: redis.url, ...WATCH }), [
    'faketime',
    '-f',
    '+120s',
  ]);
  try {
    expect(ahead.output()).toMatch(/this machine's runs 1[12]\d{4} ms ahead/);
    const at = new Date(Date.now() + 30_000);
    const story = {
      slug: 'convergence-one-clock',
      headline: 'One clock lifts every embargo',
      postedAt: at.toISOString(),
      publishAt: at.toISOString(),
    };
    site.writeStory(story);
    const published = await site.publish({ REDIS_URL: redis.url }, [...site.origins, ahead]);
    expect(published.code, published.out).toBe(0);
    // By its own clock the embargo ended a minute and a half ago; by the shared one it has not.
    const page = `/stories/${story.slug}`;
    let firstSeen = 0;
    await expect
      .poll(
        async () => {
          const shown = (await request(ahead.url, page)).status === 200;
          if (shown && !firstSeen) firstSeen = Date.now();
          if (!shown && Date.now() < at.getTime() - 1000)
            expect((await request(ahead.url, '/')).body).not.toContain(story.headline);
          return shown;
        },
        { timeout: 90_000, intervals: [250] },
      )
      .toBe(true);
    expect(firstSeen, 'never before publishAt').toBeGreaterThanOrEqual(at.getTime());
  } finally {
    await ahead.stop();
  }
});

test('Redis restarted empty: origins keep serving, one started meanwhile serves its build and says so; a publish restores', async () => {
  const held = ['/stories/convergence-origin-away', '/stories/convergence-killed-publish'];
  await redis.stop();
  redis = await startRedisServer(Number(new URL(redis.url).port));
  // Long enough for every origin's store watch to meet the empty store.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  for (const base of [...site.origins.map((o) => o.url), site.edge!.url])
    for (const p of [...held, '/']) expect((await request(base, p)).status, `${base}${p}`).toBe(200);
  const fresh = await Origin.start(site.release, site.originEnv({ REDIS_URL: redis.url, ...WATCH }));
  try {
    await expect
      .poll(() => fresh.output(), { timeout: 10_000 })
      .toContain("holds no published content (emptied, or nothing published yet); serving the build's content");
    expect((await request(fresh.url, held[0]!)).status, 'published after the build: not in it').toBe(404);
    const restored = await site.publish({ REDIS_URL: redis.url });
    expect(restored.code, restored.out).toBe(0);
    // Not among PUBLISH_ORIGINS: it follows the store by itself.
    await expect
      .poll(async () => (await request(fresh.url, held[0]!)).status, { timeout: 60_000, intervals: [500] })
      .toBe(200);
  } finally {
    await fresh.stop();
  }
});

test('Redis full: rendered pages are evicted, published content never is; a publish that cannot write changes nothing', async () => {
  const client = createClient({ url: redis.url });
  await client.connect();
  try {
    // volatile-lru evicts only keys with a TTL: every rendered page has one, published content none.
    for (const key of await client.keys('aju:content:*')) expect(await client.ttl(key), key).toBe(-1);
    const pages = (await client.keys('aju:render:*')).filter((key) => key !== 'aju:render:tags');
    expect(pages.length).toBeGreaterThan(0);
    for (const key of pages) expect(await client.ttl(key), key).toBeGreaterThan(0);
    const content = (await client.keys('aju:content:*')).length;
    const current = await client.get('aju:content:current');

    await client.configSet('maxmemory', '1');
    const story = { slug: 'convergence-store-full', headline: 'Published once the store has room' };
    site.writeStory(story);
    const refused = await site.publish({ REDIS_URL: redis.url });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('The store is full (Redis maxmemory)');
    expect(refused.out).toContain('Nothing was published: the site is unchanged.');
    expect(await client.get('aju:content:current')).toBe(current);
    expect((await client.keys('aju:content:*')).length, 'published content kept').toBe(content);
    expect(
      (await client.keys('aju:render:*')).filter((key) => key !== 'aju:render:tags'),
      'pages evicted',
    ).toEqual([]);
    for (const origin of site.origins) expect((await request(origin.url, `/stories/${story.slug}`)).status).toBe(404);

    await client.configSet('maxmemory', '0');
    const published = await site.publish({ REDIS_URL: redis.url });
    expect(published.code, published.out).toBe(0);
    await expectEverywhere(`/stories/${story.slug}`, story.headline);
  } finally {
    await client.configSet('maxmemory', '0').catch(() => undefined);
    await client.close();
  }
});
