/**
 * Next's cache handler (lib/cache/render-cache-handler.mjs): when an entry stored in Redis may answer an
 * origin, entries survive the trip (Buffers, Maps), and two handlers against a real redis-server share what
 * one renders, follow each other's revalidations, keep releases apart, and carry on when Redis is gone.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { nodeFs } from 'next/dist/server/lib/node-fs-methods';
import RenderCacheHandler, {
  closeSharedRedis,
  deserializeEntry,
  entryTags,
  serializeEntry,
  sharedEntryUsable,
} from '@/lib/cache/render-cache-handler.mjs';
import { startRedisServer } from '@/test/support/redis-server';

const V1 = { version: 'v1', createdAt: 1_000, lifted: 0 };
const V1_LIFTED = { ...V1, lifted: 1 };
const V2 = { version: 'v2', createdAt: 2_000, lifted: 0 };
const entry = (lastModified: number, content = V1) => ({ value: {}, lastModified, content });

test('a shared entry answers only an origin on its content state or newer, and only if no tag moved past it', () => {
  const now = 10_000;
  assert.equal(sharedEntryUsable(entry(1_500), [], V1, now), true);
  assert.equal(sharedEntryUsable(entry(1_500), [], undefined, now), false, 'an origin serving nothing yet');
  assert.equal(sharedEntryUsable(entry(2_500, V2), [], V1, now), false, 'newer content than the origin serves');
  assert.equal(sharedEntryUsable(entry(1_500, V1_LIFTED), [], V1, now), false, 'an embargo the origin has not lifted');
  assert.equal(sharedEntryUsable(entry(1_500), [], V2, now), true, 'older content, nothing revalidated since');
  assert.equal(sharedEntryUsable(entry(1_500), [{ expired: 1_600, content: V2 }], V2, now), false, 'changed in V2');
  assert.equal(sharedEntryUsable(entry(1_500), [{ expired: 1_600, content: V1_LIFTED }], V1_LIFTED, now), false);
  // Stored after the revalidation, but rendered from the content before it: an origin not yet synced.
  assert.equal(sharedEntryUsable(entry(2_600), [{ expired: 2_100, content: V2 }], V2, now), false);
  // Revalidated in its own state after it was stored (an origin starting up): still today's page.
  assert.equal(sharedEntryUsable(entry(2_600, V2), [{ expired: 2_900, content: V2 }], V2, now), true);
  // A revalidation with no content state falls back to the clock.
  assert.equal(sharedEntryUsable(entry(1_500), [{ expired: 1_400 }], V1, now), true, 'revalidated before it');
  assert.equal(sharedEntryUsable(entry(1_500), [{ expired: 1_600 }], V1, now), false, 'revalidated after it');
  assert.equal(sharedEntryUsable(entry(1_500), [{ expired: 20_000 }], V1, now), true, 'an expiry still to come');
});

test('entries keep their Buffers and Maps through Redis, and their tags are read from where Next files them', () => {
  const value = {
    kind: 'APP_PAGE',
    html: '<p>기사</p>',
    rscData: Buffer.from([0, 1, 254, 255]),
    segmentData: new Map([['/_tree', Buffer.from('tree')]]),
    headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/stories/a' },
    status: 200,
  };
  const back = deserializeEntry(serializeEntry({ value, lastModified: 5, content: V1 }));
  assert.deepEqual(back.value.rscData, value.rscData);
  assert.ok(back.value.segmentData instanceof Map);
  assert.deepEqual(back.value.segmentData.get('/_tree'), Buffer.from('tree'));
  assert.equal(back.value.html, value.html);
  assert.deepEqual(entryTags(value, { softTags: ['_N_T_/stories/a', '_N_T_/'] }), [
    '_N_T_/layout',
    '_N_T_/stories/a',
    '_N_T_/',
  ]);
});

// --- Against a real redis-server -------------------------------------------------------------------------
const LIVE = Symbol.for('aju-press.live-content');
/** What lib/content/serving/served-content.ts tells the handler this process serves. */
const serve = (content: typeof V1) => {
  (globalThis as Record<symbol, unknown>)[LIVE] = { servedState: () => content };
};
const dirs: string[] = [];
/** A handler as one origin of a release has it: its own dist folder, no memory (so every get is a real read). */
function origin(buildId: string) {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'aju-render-cache-'));
  dirs.push(dist);
  mkdirSync(path.join(dist, 'server'));
  writeFileSync(path.join(dist, 'BUILD_ID'), buildId);
  return () =>
    new RenderCacheHandler({
      fs: nodeFs,
      serverDistDir: path.join(dist, 'server'),
      flushToDisk: false,
      maxMemoryCacheSize: 0,
      revalidatedTags: [],
    });
}
const page = (html: string) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(`rsc ${html}`),
  segmentData: new Map([['/_index', Buffer.from('segment')]]),
  headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/stories/a' },
  status: 200,
});
const KEY = '/route-cache/APP_PAGE/abc/$/stories/a';
const ctx = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false };

after(async () => {
  await closeSharedRedis();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('two origins share a render through Redis, follow each other’s revalidations, and outlive Redis', async () => {
  const server = await startRedisServer();
  process.env.REDIS_URL = server.url;
  try {
    const [a, b, otherRelease] = [origin('release-a'), origin('release-a'), origin('release-b')];
    serve(V1);
    await a().set(KEY, page('first'), { ...ctx, cacheControl: { revalidate: false } });
    const shared = await b().get(KEY, ctx);
    assert.equal(shared?.value.html, 'first', 'origin b reads what origin a rendered');
    assert.deepEqual(shared?.value.rscData, Buffer.from('rsc first'));
    assert.equal(await otherRelease().get(KEY, ctx), null, 'another release never reads it');

    // An embargo lifts: origin a revalidates the page in the new state; origin b, there too, renders it again.
    serve(V1_LIFTED);
    await a().revalidateTag(['_N_T_/stories/a']);
    assert.equal(await b().get(KEY, ctx), null, 'a revalidation on origin a reaches origin b');
    await a().set(KEY, page('lifted'), { ...ctx, cacheControl: { revalidate: false } });
    await b().revalidateTag(['_N_T_/stories/a']);
    assert.equal((await b().get(KEY, ctx))?.value.html, 'lifted', 'a revalidation in the same state keeps it');

    // Origin b, still on V1, renders the page after a publish of V2 that origin a synced to: a V2 origin
    // must not take that render, though it was stored after the revalidation.
    serve(V2);
    await a().revalidateTag(['_N_T_/stories/a']);
    const lookup = b();
    serve(V1_LIFTED);
    await lookup.get(KEY, ctx);
    serve(V2);
    await lookup.set(KEY, page('rendered from v1'), { ...ctx, cacheControl: { revalidate: false } });
    assert.equal(await b().get(KEY, ctx), null, 'nor does origin b take it once on V2');
    assert.equal(await a().get(KEY, ctx), null, 'a render that straddled a sync is filed under its old content');
    await a().set(KEY, page('second'), { ...ctx, cacheControl: { revalidate: false } });
    assert.equal((await b().get(KEY, ctx))?.value.html, 'second');

    await server.stop();
    const started = Date.now();
    assert.equal(await b().get(KEY, ctx), null, 'with Redis gone, a page the origin does not hold is a miss');
    await a().set(KEY, page('third'), { ...ctx, cacheControl: { revalidate: false } });
    await a().revalidateTag(['_N_T_/stories/a']);
    assert.ok(Date.now() - started < 3_000, 'no call waits on a Redis that is gone');
  } finally {
    delete process.env.REDIS_URL;
    await server.stop();
  }
});
