/**
 * Floods at the edge (docs/operations/edge-rules.md): parameters no route reads are dropped from the key, so
 * random ones hit the cached page; misses per client address are limited with vsthrottle, and a client past
 * the limit still gets cached pages. Real Varnish in front of two origins of the webServer's release.
 */
import { expect, test } from '@playwright/test';
import { Edge, Origin, request } from '../test/support/edge-harness';

test.describe.configure({ mode: 'serial' });

const GZIP = { 'Accept-Encoding': 'gzip' };
/** Small enough to reach in a test, with the window long enough that it cannot reset mid-test. */
const MISS_LIMIT = 20;

let origins: Origin[] = [];
let edge: Edge;
let story: string;
let photo: string;

const hits = (pathname: string) => origins.reduce((sum, o) => sum + o.count(pathname), 0);
const random = () => Math.random().toString(36).slice(2);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  origins = [await Origin.start(), await Origin.start()];
  edge = await Edge.start(origins, { EDGE_MISS_LIMIT: `${MISS_LIMIT}/60s` });
  const front = await request(origins[0]!.url, '/');
  story = front.body.match(/href="(\/stories\/[^"/?#]+)"/)![1]!;
  const storyPage = await request(origins[0]!.url, story);
  photo = storyPage.body.match(/<img[^>]*src="(\/_next\/image\?[^"]+)"/)![1]!.replaceAll('&amp;', '&');
});

test.afterAll(async () => {
  await edge?.stop();
  await Promise.all(origins.map((o) => o.stop()));
});

test('random query parameters hit the cached page: a flood reaches the origin once per page', async () => {
  test.setTimeout(60_000);
  const section = (await request(origins[0]!.url, story)).body.match(/href="(\/sections\/[^"/?#]+)"/)![1]!;
  const searchPage = '/search?q=putin';
  // Each from its own loopback address, as a flood from many clients would be: the miss limit is not what stops it.
  const flood = [
    ...Array.from({ length: 60 }, (_, i) => [`${story}?cb=${random()}`, i] as const),
    ...Array.from({ length: 60 }, (_, i) => [`/?page=${random()}&x=${random()}`, i] as const),
    ...Array.from({ length: 60 }, (_, i) => [`${section}?${random()}`, i] as const),
    ...Array.from({ length: 40 }, (_, i) => [`${searchPage}&cb=${random()}`, i] as const),
    ...Array.from({ length: 40 }, (_, i) => [`${photo}&cb=${random()}`, i] as const),
  ];
  const before = {
    story: hits(story),
    front: hits('/'),
    section: hits(section),
    search: hits('/search'),
    image: hits('/_next/image'),
  };
  for (let start = 0; start < flood.length; start += 40) {
    const answers = await Promise.all(
      flood.slice(start, start + 40).map(([p, i]) =>
        request(edge.url, p, {
          headers: { ...GZIP, Accept: 'image/webp' },
          localAddress: `127.0.1.${(i % 200) + 1}`,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  }
  // A handful at most: the first request of each (concurrent first requests collapse onto one fetch).
  expect(hits(story) - before.story, story).toBeLessThanOrEqual(2);
  expect(hits('/') - before.front, '/').toBeLessThanOrEqual(2);
  expect(hits(section) - before.section, section).toBeLessThanOrEqual(2);
  expect(hits('/search') - before.search, '/search').toBeLessThanOrEqual(2);
  expect(hits('/_next/image') - before.image, '/_next/image').toBeLessThanOrEqual(2);
  // The origin saw the page without the parameters; the ones a route reads stayed.
  const seen = origins.flatMap((o) => o.seen);
  expect(seen.filter((l) => l.includes('cb=') || l.includes('page='))).toEqual([]);
  expect(seen).toContain(`GET ${searchPage}`);
  expect(
    seen.some((l) => l.startsWith('GET /_next/image?') && l.includes('url=') && l.includes('w=') && l.includes('q=')),
  ).toBe(true);
  // And the origins' readiness path is the probe's alone.
  expect((await request(edge.url, '/_origin/ready')).status).toBe(404);
});

test('one client past the miss limit gets 429 while others are served, and it still gets cached pages', async () => {
  test.setTimeout(60_000);
  const flooder = '127.0.0.3';
  const reader = '127.0.0.4';
  await request(edge.url, story, { headers: GZIP });
  expect((await request(edge.url, story, { headers: GZIP, localAddress: flooder })).headers['x-cache']).toBe('HIT');

  // Distinct addresses the origin must answer (404s are never stored): each one a miss.
  const statuses: number[] = [];
  for (let i = 0; i < MISS_LIMIT + 15; i++) {
    statuses.push(
      (await request(edge.url, `/stories/no-such-story-${random()}`, { headers: GZIP, localAddress: flooder })).status,
    );
  }
  expect(statuses.slice(0, MISS_LIMIT)).toEqual(Array(MISS_LIMIT).fill(404));
  expect(statuses.slice(MISS_LIMIT)).toEqual(Array(15).fill(429));
  const limited = await request(edge.url, `/stories/no-such-story-${random()}`, { localAddress: flooder });
  expect(limited.status).toBe(429);
  expect(limited.headers['retry-after'], 'the rest of the window at most').toBe('60');
  expect(
    origins.flatMap((o) => o.seen).filter((l) => l.includes('/stories/no-such-story-')).length,
    'what reached the origins',
  ).toBe(MISS_LIMIT);

  // The flooder still reads cached pages; another reader's misses are served.
  const cached = await request(edge.url, story, { headers: GZIP, localAddress: flooder });
  expect([cached.status, cached.headers['x-cache']]).toEqual([200, 'HIT']);
  for (const p of [`/stories/no-such-story-${random()}`, '/feed.xml', story]) {
    expect((await request(edge.url, p, { headers: GZIP, localAddress: reader })).status, p).not.toBe(429);
  }
});
