/**
 * The site behind its own edge (docs/operations/edge.md): real Varnish (`npm run edge`) in front
 * of two origins of the production build, each behind a counting proxy. Serial: the tests share one edge
 * and end by stopping the origins one after the other.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CACHE_CONTROL, CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './support/promised-headers';
import { Edge, Origin, request, type Answer } from '../test/support/edge-harness';
import { BREAKING_NEWS_FRAGMENT_PATH } from '@/lib/content/model/paths';

test.describe.configure({ mode: 'serial' });

const ROOT = path.resolve(import.meta.dirname, '..');
const GZIP = { 'Accept-Encoding': 'gzip, deflate, br' };
const ESI_TAG = `<esi:include src="${BREAKING_NEWS_FRAGMENT_PATH}"/>`;

let origins: Origin[] = [];
let edge: Edge | undefined;
const pages: Record<'story' | 'section' | 'author' | 'tag' | 'otherTag' | 'photo', string> = {} as never;
/** Each page as the origin serves it to a plain request, its include filled: what every reader must get from the edge. */
const originals = new Map<string, Answer>();

const hits = (pathname: string) => origins.reduce((sum, o) => sum + o.count(pathname), 0);
const viaEdge = (p: string, options: Parameters<typeof request>[2] = {}) => request(edge!.url, p, options);
const purge = async (p: string, headers: Record<string, string> = {}) =>
  expect((await viaEdge(p, { method: 'PURGE', headers })).status).toBe(200);

/** A reader's plain request, with gzip (a browser) and without, must get exactly the page the origin serves. */
async function expectThePage(p: string) {
  const answers = [await viaEdge(p, { headers: GZIP }), await viaEdge(p)];
  for (const answer of answers) {
    expect(answer.status, `${p} after the attempt`).toBe(200);
    expect(answer.headers['content-type']).toContain('text/html');
    expect(answer.body === originals.get(p)!.body, `${p}: the reader gets the page itself`).toBe(true);
  }
  return answers[0]!;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  origins = [await Origin.start(), await Origin.start()];
  edge = await Edge.start(origins);
  // Pages found as a reader finds them, straight from an origin.
  const direct = (p: string) => request(origins[0]!.url, p);
  const front = await direct('/');
  pages.story = front.body.match(/href="(\/stories\/[^"/?#]+)"/)![1]!;
  const story = await direct(pages.story);
  pages.section = story.body.match(/href="(\/sections\/[^"/?#]+)"/)![1]!;
  pages.author = story.body.match(/href="(\/authors\/[^"/?#]+)"/)![1]!;
  const tags = [...story.body.matchAll(/href="(\/tags\/[^"/?#]+)"/g)].map((m) => m[1]!);
  pages.tag = tags[0]!;
  pages.otherTag = tags.find((t) => t !== pages.tag)!;
  pages.photo = story.body.match(/<img[^>]*src="(\/_next\/image\?[^"]+)"/)![1]!.replaceAll('&amp;', '&');
  // A reader gets the page with its one edge-side include filled from the origin's fragment (decision 0050).
  const banner = (await direct(BREAKING_NEWS_FRAGMENT_PATH)).body;
  for (const p of ['/', pages.story, pages.section, pages.author, pages.tag, pages.otherTag]) {
    const page = await direct(p);
    expect(page.body).toContain(ESI_TAG);
    originals.set(p, { ...page, body: page.body.replace(ESI_TAG, banner) });
  }
});

test.afterAll(async () => {
  await edge?.stop();
  await Promise.all(origins.map((o) => o.stop()));
});

test('a second request is a hit, once per encoding; HEAD is served from the cached GET; tracking parameters share the page', async () => {
  await purge(pages.story);
  const before = hits(pages.story);
  const first = await viaEdge(pages.story, { headers: GZIP });
  expect(first.headers['x-cache']).toBe('MISS');
  const second = await viaEdge(pages.story, { headers: GZIP });
  expect(second.status).toBe(200);
  expect(second.headers['x-cache']).toBe('HIT');
  expect(second.headers['age']).toMatch(/^\d+$/);
  expect(second.body).toBe(originals.get(pages.story)!.body);
  // Shared links carry tracking parameters; the edge drops them (and _rsc) from the key and from what the origin sees.
  for (const query of [
    '?utm_source=twitter&utm_medium=social',
    '?fbclid=IwAR0abc',
    '?gclid=xyz&utm_campaign=june',
    '?UTM_Source=x&_ga=1.2&mc_cid=3',
  ]) {
    const shared = await viaEdge(pages.story + query, { headers: GZIP });
    expect(shared.headers['x-cache'], query).toBe('HIT');
    expect(shared.body).toBe(second.body);
  }
  expect(hits(pages.story) - before, 'one origin request for all of them').toBe(1);
  // Once per encoding: every spelling of gzip shares the gzip copy; clients without gzip share one plain copy.
  for (const encoding of ['gzip', 'deflate, gzip', 'br;q=1.0, gzip;q=0.8, *;q=0.1']) {
    const answer = await viaEdge(pages.story, { headers: { 'Accept-Encoding': encoding } });
    expect([answer.headers['x-cache'], answer.headers['content-encoding']], encoding).toEqual(['HIT', 'gzip']);
  }
  const plainFirst = await viaEdge(pages.story);
  expect([plainFirst.headers['x-cache'], plainFirst.headers['content-encoding']]).toEqual(['MISS', undefined]);
  for (const encoding of [undefined, 'identity', 'br', 'gzip;q=0, deflate']) {
    const answer = await viaEdge(pages.story, { headers: encoding ? { 'Accept-Encoding': encoding } : {} });
    expect([answer.headers['x-cache'], answer.headers['content-encoding']], encoding).toEqual(['HIT', undefined]);
    expect(answer.body).toBe(second.body);
  }
  expect(hits(pages.story) - before, 'one origin request per encoding').toBe(2);

  // HEAD first on a cold page: the origin is asked with GET, and the GET that follows is a hit with the body.
  await purge(pages.author);
  const head = await viaEdge(pages.author, { method: 'HEAD', headers: GZIP });
  expect(head.status).toBe(200);
  expect(head.body).toBe('');
  expect(
    origins
      .flatMap((o) => o.seen)
      .filter((l) => l.endsWith(` ${pages.author}`))
      .at(-1),
  ).toBe(`GET ${pages.author}`);
  const get = await viaEdge(pages.author, { headers: GZIP });
  expect(get.headers['x-cache']).toBe('HIT');
  expect(get.body).toBe(originals.get(pages.author)!.body);

  // The parameters the site uses stay in the key: two widths of a resized photo are two objects.
  const small = await viaEdge(pages.photo.replace(/w=\d+/, 'w=640'), { headers: { Accept: 'image/webp' } });
  const large = await viaEdge(pages.photo.replace(/w=\d+/, 'w=1080'), { headers: { Accept: 'image/webp' } });
  expect(small.status).toBe(200);
  expect(large.status).toBe(200);
  expect(small.headers['content-length']).not.toBe(large.headers['content-length']);
  const again = await viaEdge(pages.photo.replace(/w=\d+/, 'w=640') + '&utm_source=x', {
    headers: { Accept: 'image/webp,*/*' },
  });
  expect(again.headers['x-cache']).toBe('HIT');
  expect(again.headers['content-length']).toBe(small.headers['content-length']);
  // A browser that takes AVIF gets AVIF through the edge (one stored variant, however its Accept is spelled);
  // one that does not still gets the WebP copy.
  const avif = (accept: string) => viaEdge(pages.photo.replace(/w=\d+/, 'w=640'), { headers: { Accept: accept } });
  const chrome = await avif('image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8');
  expect(chrome.status).toBe(200);
  expect(chrome.headers['content-type']).toBe('image/avif');
  const firefox = await avif('image/avif,image/webp,*/*');
  expect([firefox.headers['x-cache'], firefox.headers['content-type']]).toEqual(['HIT', 'image/avif']);
  expect((await avif('image/webp,*/*')).headers['content-type']).toBe('image/webp');
});

test('no request poisons a page: after each attempt, a plain reader gets the page', async () => {
  test.setTimeout(60_000);
  const story = pages.story;
  const tree = encodeURIComponent(JSON.stringify(['', { children: ['__PAGE__', {}] }, null, null, true]));
  const attempts: Array<{ name: string; path?: string; method?: string; headers: Record<string, string> }> = [
    { name: 'RSC: 1 (Next answers a 307 to ?_rsc)', headers: { RSC: '1' } },
    { name: 'RSC with a router state tree', headers: { RSC: '1', 'Next-Router-State-Tree': tree } },
    { name: 'router prefetch', headers: { RSC: '1', 'Next-Router-Prefetch': '1' } },
    { name: 'segment prefetch', headers: { RSC: '1', 'Next-Router-Segment-Prefetch': '/_tree' } },
    { name: 'prefetch header alone', headers: { 'Next-Router-Prefetch': '1' } },
    { name: '?_rsc= with RSC', path: `${story}?_rsc=abc12`, headers: { RSC: '1' } },
    { name: '?_rsc= alone', path: `${story}?_rsc=abc12`, headers: {} },
    { name: 'Accept: text/x-component', headers: { Accept: 'text/x-component' } },
    { name: 'Accept: application/json', headers: { Accept: 'application/json' } },
    { name: 'Range', headers: { Range: 'bytes=0-99' } },
    { name: 'HEAD first', method: 'HEAD', headers: {} },
    { name: 'Accept-Encoding: br', headers: { 'Accept-Encoding': 'br' } },
    { name: 'Accept-Encoding: a browser’s, with zstd', headers: { 'Accept-Encoding': 'zstd, br, gzip, deflate' } },
    { name: 'Accept-Encoding: *', headers: { 'Accept-Encoding': '*' } },
    { name: 'Accept-Encoding: identity', headers: { 'Accept-Encoding': 'identity' } },
    { name: 'Accept-Encoding: gzip;q=0, deflate', headers: { 'Accept-Encoding': 'gzip;q=0, deflate' } },
    { name: 'Host: another site', headers: { Host: 'evil.example' } },
    { name: 'X-Forwarded-Host', headers: { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http' } },
    {
      name: 'X-Original-URL',
      headers: { 'X-Original-URL': '/this-page-does-not-exist', 'X-Rewrite-URL': '/this-page-does-not-exist' },
    },
    { name: 'absolute-form request line', path: `http://evil.example${story}`, headers: {} },
    { name: 'draft-mode cookie', headers: { Cookie: '__prerender_bypass=1; __next_preview_data=x' } },
    {
      name: 'x-middleware-subrequest',
      headers: { 'X-Middleware-Subrequest': 'middleware:middleware:middleware:middleware:middleware' },
    },
    { name: 'x-now-route-matches', headers: { 'X-Now-Route-Matches': '1', 'x-invoke-status': '404' } },
  ];
  const originalEtag = originals.get(story)!.headers['etag']!;
  // Twice: with the origins as they are (they mark nothing but the page shareable), then with origins that
  // mark every answer public, as Next did before next.config.js said otherwise: the edge holds on its own.
  const rounds = [undefined, CACHE_CONTROL.page];
  try {
    for (const [round, attempt] of rounds.flatMap((marking) => attempts.map((a) => [marking, a] as const))) {
      for (const origin of origins) origin.markEverything(round);
      await purge(story);
      await test.step(`${attempt.name}${round ? ' (origins mark everything public)' : ''}`, async () => {
        const answer = await viaEdge(attempt.path ?? story, { method: attempt.method, headers: attempt.headers });
        const reader = await expectThePage(story);
        expect(reader.headers['etag']?.replace(/^W\//, '')).toBe(originalEtag);
        // The edge's choice: a flight request gets the page too (no client navigation here; a Next client
        // that gets HTML for a flight request loads the page in full).
        expect(answer.status, attempt.name).toBeLessThan(300);
        if (attempt.method !== 'HEAD' && !attempt.headers.Range)
          expect(answer.headers['content-type'], attempt.name).toContain('text/html');
        // And compressed only for a client that takes gzip.
        const takesGzip = /\bgzip\b(?!\s*;\s*q\s*=\s*0(\.0*)?\s*(,|$))/i.test(attempt.headers['Accept-Encoding'] ?? '');
        expect(answer.headers['content-encoding'], attempt.name).toBe(takesGzip ? 'gzip' : undefined);
      });
    }
    // And the front page with the trick from the issue.
    await purge('/');
    await viaEdge('/', { headers: { RSC: '1' } });
    await expectThePage('/');
  } finally {
    for (const origin of origins) origin.markEverything(undefined);
  }
});

test('a burst of 150 simultaneous requests reaches the origins at most twice, cold or just expired', async () => {
  const page = pages.section;
  await purge(page);
  let before = hits(page);
  const burst = () =>
    Promise.all(Array.from({ length: 150 }, () => viaEdge(page, { headers: GZIP, timeoutMs: 20_000 })));
  let answers = await burst();
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  expect(answers.every((a) => a.body === originals.get(page)!.body)).toBe(true);
  expect(hits(page) - before).toBeGreaterThanOrEqual(1);
  expect(hits(page) - before).toBeLessThanOrEqual(2);

  // Just expired (a soft purge marks it stale): readers get the stale copy while one refetch runs.
  await purge(page, { 'X-Purge': 'soft' });
  before = hits(page);
  answers = await burst();
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  await expect.poll(() => hits(page) - before).toBeGreaterThanOrEqual(1);
  expect(hits(page) - before).toBeLessThanOrEqual(2);
});

test('security headers pass through unchanged; the edge adds X-Cache and Age; a 304 by ETag works', async () => {
  for (const p of ['/', pages.story, pages.tag]) {
    const direct = originals.get(p)!;
    const answer = await viaEdge(p, { headers: GZIP });
    for (const key of [...Object.keys(SECURITY_HEADERS), 'content-security-policy'])
      expect(answer.headers[key], `${p} ${key}`).toBe(direct.headers[key]);
    expect(answer.headers['cache-control']).toBe(direct.headers['cache-control']);
    expect(answer.headers['x-cache']).toMatch(/^(HIT|MISS)$/);
    expect(answer.headers['age']).toMatch(/^\d+$/);
    expect(answer.headers['x-powered-by']).toBeUndefined();
    expect(answer.headers['via']).toBeUndefined();

    for (const etag of [answer.headers['etag']!, answer.headers['etag']!.replace(/^W\//, '')]) {
      const revalidated = await viaEdge(p, { headers: { ...GZIP, 'If-None-Match': etag } });
      expect(revalidated.status, `${p} If-None-Match: ${etag}`).toBe(304);
      expect(revalidated.body).toBe('');
    }
    const changed = await viaEdge(p, { headers: { ...GZIP, 'If-None-Match': '"something-else"' } });
    expect(changed.status).toBe(200);
  }
});

test('purge: npm run purge removes a page and a story’s pages; other addresses are refused', async () => {
  const purgeCommand = (...args: string[]) =>
    spawnSync('npm', ['run', '--silent', 'purge', '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, EDGE_URL: edge!.url },
      encoding: 'utf8',
      timeout: 60_000,
    });

  await viaEdge(pages.story);
  expect((await viaEdge(pages.story)).headers['x-cache']).toBe('HIT');
  // Refused from an address outside the ACL (127.0.0.2 is loopback, but not allowed): the page stays.
  for (const method of ['PURGE', 'BAN']) {
    const refused = await viaEdge(pages.story, { method, localAddress: '127.0.0.2', headers: { 'X-Ban-Url': '.' } });
    expect(refused.status, method).toBe(403);
  }
  expect((await viaEdge(pages.story)).headers['x-cache']).toBe('HIT');

  const one = purgeCommand(pages.story);
  expect(one.status, one.stdout + one.stderr).toBe(0);
  expect((await viaEdge(pages.story)).headers['x-cache']).toBe('MISS');

  // A correction: the story, its section, author and tag pages, the front page and the feed all go; the rest stays.
  const related = ['/', pages.story, pages.section, pages.author, pages.tag, '/feed.xml'];
  for (const p of [...related, '/robots.txt']) await viaEdge(p);
  for (const p of [...related, '/robots.txt']) expect((await viaEdge(p)).headers['x-cache'], p).toBe('HIT');
  const slug = pages.story.split('/').pop()!;
  const correction = purgeCommand('--story', slug);
  expect(correction.status, correction.stdout + correction.stderr).toBe(0);
  for (const p of related) expect((await viaEdge(p)).headers['x-cache'], `${p} after --story`).toBe('MISS');
  expect((await viaEdge('/robots.txt')).headers['x-cache']).toBe('HIT');
});

test('one origin down: no reader sees an error; both down: cached pages are served and a new one gets a fast 503', async () => {
  test.setTimeout(60_000);
  const cold = [pages.story, pages.section, pages.author, pages.tag];
  for (const p of cold) await purge(p);
  await origins[0]!.stop();
  // Before and after the probes notice, every request is answered (a failed fetch is retried on the other origin).
  for (let round = 0; round < 3; round++) {
    for (const p of [...cold, '/']) {
      const answer = await viaEdge(p, { headers: GZIP });
      expect(answer.status, `${p} with one origin down`).toBe(200);
      expect(answer.body).toBe(originals.get(p)!.body);
    }
  }

  // The story goes stale (soft purge), one page is never cached, then the last origin stops.
  await purge(pages.story, { 'X-Purge': 'soft' });
  await purge(pages.otherTag);
  await origins[1]!.stop();
  for (const p of [pages.story, '/', pages.section]) {
    const stale = await viaEdge(p, { headers: GZIP });
    expect(stale.status, `${p} with both origins down`).toBe(200);
    expect(stale.headers['x-cache']).toBe('HIT');
    expect(stale.body).toBe(originals.get(p)!.body);
  }
  // Never cached and no origin: a short HTML 503 at once (the request gives up after 5 s, so a hang fails it).
  const down = await viaEdge(pages.otherTag, { headers: GZIP, timeoutMs: 5_000 });
  expect(down.status).toBe(503);
  expect(down.headers['content-type']).toContain('text/html');
  expect(down.headers['cache-control']).toBe('no-store');
  expect(down.body).toContain('<h1>');
  expect(down.body.length).toBeLessThan(2_000);
  for (const [key, value] of Object.entries({
    ...SECURITY_HEADERS,
    'content-security-policy': CONTENT_SECURITY_POLICY,
  }))
    expect(down.headers[key], key).toBe(value);
});
