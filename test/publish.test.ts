/**
 * The parts of publishing that need no server: what a publish changes (lib/publish/changes.ts), which paths
 * exist (lib/content/read/known-paths.ts), the snapshot's version (lib/content/storage/snapshot.ts), and both stores
 * (lib/content/storage/store.ts on disk, lib/content/storage/redis-store.ts against a real redis-server).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { StoryRecord } from '@/content/schema';
import { contentChanges, type ChangeView } from '@/lib/publish/changes';
import { SITE_WIDE_PATHS } from '@/lib/publish/story-pages';
import { storeWatchInterval } from '@/lib/publish/store-watch';
import { namingFullDisk } from '@/lib/full-disk.mjs';
import { isMissingPath } from '@/lib/content/read/known-paths';
import { embargoesLifted, nextEmbargo, visibleAt } from '@/lib/content/model/embargoes';
import { RedisStore } from '@/lib/content/storage/redis-store';
import { buildSnapshot, type SnapshotListing, type SnapshotStory } from '@/lib/content/storage/snapshot';
import { DiskStore, PublishLockedError, searchIndexId, type ContentStore } from '@/lib/content/storage/store';
import type { ValidContent } from '@/lib/content/model/validate';
import { startRedisServer } from '@/test/support/redis-server';

const listed = (
  slug: string,
  postedAt: string,
  section = 'politics',
  tags: string[] = [],
  hash = `h-${slug}`,
): SnapshotStory =>
  ({
    slug,
    postedAt,
    section,
    tags,
    authors: ['park-ung'],
    hash,
    file: `content/stories/x/${slug}.ts`,
  }) as unknown as SnapshotStory;

const view = (stories: SnapshotStory[]): ChangeView => ({
  stories,
  authors: [{ id: 'park-ung' }],
  sections: [{ id: 'politics' }, { id: 'economy' }],
  tags: [{ id: 'trade' }],
  images: {},
});

// 30 politics stories (two pages of 20), 10 economy ones; newest first.
const base = [
  ...Array.from({ length: 30 }, (_, i) =>
    listed(`p${i}`, new Date(Date.UTC(2024, 5, 28 - i / 2)).toISOString(), 'politics', i % 3 === 0 ? ['trade'] : []),
  ),
  ...Array.from({ length: 10 }, (_, i) =>
    listed(`e${i}`, new Date(Date.UTC(2024, 4, 20 - i)).toISOString(), 'economy'),
  ),
].sort((a, b) => Date.parse(b.postedAt) - Date.parse(a.postedAt));

test('contentChanges: the same content twice changes nothing', () => {
  const changes = contentChanges(view(base), view([...base]));
  assert.deepEqual(changes, { added: [], updated: [], removed: [], everything: false, paths: [] });
});

test('contentChanges: a new story revalidates its page, card, crops, every page of its lists, its month and related pages', () => {
  const story = listed('new-one', '2024-06-29T00:00:00Z', 'politics', ['trade']);
  const changes = contentChanges(view(base), view([story, ...base]));
  assert.deepEqual(changes.added, ['new-one']);
  const paths = new Set(changes.paths);
  for (const p of [
    ...SITE_WIDE_PATHS,
    '/stories/new-one',
    '/stories/new-one/opengraph-image',
    '/stories/new-one/images/16x9',
    '/sections/politics',
    '/sections/politics/page/2',
    '/sections/politics/feed.xml',
    '/authors/park-ung',
    '/authors/park-ung/page/2',
    '/tags/trade',
    '/archive/2024',
    '/archive/2024/06',
    '/archive/2024/06/page/2',
    '/sitemaps/2024-06.xml',
  ]) {
    assert.ok(paths.has(p), `${p} is revalidated`);
  }
  // Stories of its section now list it as related; the other section's do not change.
  assert.ok(paths.has('/stories/p0'));
  assert.ok(!paths.has('/stories/e0'), 'an unrelated story is left cached');
  assert.ok(!paths.has('/sections/economy'));
});

test('contentChanges: an update and a takedown name their story; a change to the records is everything', () => {
  const updated = base.map((s) => (s.slug === 'e3' ? { ...s, hash: 'changed' } : s));
  const correction = contentChanges(view(base), view(updated));
  assert.deepEqual(correction.updated, ['e3']);
  assert.ok(correction.paths.includes('/stories/e3') && correction.paths.includes('/sections/economy'));
  assert.ok(!correction.paths.includes('/sections/politics/page/2'));

  const takedown = contentChanges(view(base), view(base.filter((s) => s.slug !== 'p5')));
  assert.deepEqual(takedown.removed, ['p5']);
  assert.ok(takedown.paths.includes('/stories/p5') && takedown.paths.includes('/sections/politics/page/2'));

  const renamed = { ...view(base), sections: [{ id: 'politics' }, { id: 'economy' }, { id: 'culture' }] };
  assert.equal(contentChanges(view(base), renamed).everything, true);
  assert.equal(contentChanges(undefined, view(base)).everything, true);
});

test('contentChanges: a new photo comes with its story; a photo file replaced under its name is everything', () => {
  const photo = (sha: string) => ({ width: 2400, height: 1600, bytes: 1000, sha256: sha.repeat(64) });
  const before = { ...view(base), images: { '/images/a.jpg': photo('a') } };
  const story = listed('new-one', '2024-06-29T00:00:00Z', 'politics');
  const withNewPhoto = {
    ...view([story, ...base]),
    images: { '/images/a.jpg': photo('a'), '/images/b.jpg': photo('b') },
  };
  const added = contentChanges(before, withNewPhoto);
  assert.equal(added.everything, false);
  assert.deepEqual(added.added, ['new-one']);
  const replaced = { ...view(base), images: { '/images/a.jpg': photo('c') } };
  assert.equal(contentChanges(before, replaced).everything, true);
});

test('isMissingPath: stories, listings, numbered pages, archive months and month sitemaps of the view only', () => {
  const pathView = {
    stories: base,
    sections: [{ id: 'politics' }, { id: 'economy' }],
    authors: [{ id: 'park-ung' }],
    tags: [{ id: 'trade' }],
  };
  for (const p of [
    '/stories/p1',
    '/stories/p1/opengraph-image',
    '/sections/politics',
    '/sections/politics/page/2',
    '/sections/economy/feed.xml',
    '/tags/trade',
    '/archive/2024',
    '/archive/2024/06',
    '/archive/2024/06/page/2',
    '/sitemaps/2024-05.xml',
    '/sitemaps/pages.xml',
    '/',
    '/feed.xml',
  ]) {
    assert.equal(isMissingPath(p, pathView), false, `${p} exists`);
  }
  for (const p of [
    '/stories/nope',
    '/sections/nope',
    '/sections/politics/page/3',
    '/sections/economy/page/2',
    '/authors/nobody',
    '/tags/nope/page/2',
    '/archive/2023',
    '/archive/2024/07',
    '/archive/2024/6',
    '/archive/2024/05/page/2',
    '/sitemaps/2024-07.xml',
    '/sitemaps/whatever',
  ]) {
    assert.equal(isMissingPath(p, pathView), true, `${p} is missing`);
  }
});

const record = (slug: string, headline: string) =>
  ({ slug, headline, draft: false, body: [{ type: 'paragraph', text: headline }] }) as unknown as StoryRecord;
const content = (stories: Array<[string, string]>, draft?: string): ValidContent => ({
  stories: [
    ...stories.map(([slug, headline]) => ({
      file: `content/stories/2024/06/${slug}.ts`,
      story: { ...record(slug, headline), postedAt: '2024-06-18T08:25:00+09:00' } as StoryRecord,
    })),
    ...(draft
      ? [
          {
            file: `content/stories/2024/06/${draft}.ts`,
            story: { ...record(draft, 'draft'), draft: true, postedAt: '2024-06-18T08:25:00+09:00' } as StoryRecord,
          },
        ]
      : []),
  ],
  authors: [],
  sections: [],
  fronts: {},
  breakingNews: null,
  tags: [],
  takedowns: [],
  images: new Map([['/images/a.jpg', { width: 2400, height: 1600, bytes: 1000, sha256: 'a'.repeat(64) }]]),
});

test('buildSnapshot: no drafts; the version follows the content, not the time it was made', () => {
  const one = buildSnapshot(content([['a', 'A']], 'hidden'), new Date('2024-01-01T00:00:00Z'));
  const again = buildSnapshot(content([['a', 'A']]), new Date('2025-01-01T00:00:00Z'));
  const changed = buildSnapshot(content([['a', 'A corrected']]));
  assert.deepEqual(
    one.listing.stories.map((s) => s.slug),
    ['a'],
  );
  assert.equal(one.records.size, 1);
  assert.equal(one.listing.version, again.listing.version);
  assert.notEqual(one.listing.version, changed.listing.version);
  assert.ok(!('body' in one.listing.stories[0]!), 'the listing carries no body');
});

async function storeContract(store: ContentStore) {
  const first = buildSnapshot(
    content([
      ['a', 'A'],
      ['b', 'B'],
    ]),
  );
  assert.equal(await store.current(), undefined);
  // Photos by content: written once; the file is read only when the store lacks it.
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]);
  const sha256 = 'b'.repeat(64);
  let reads = 0;
  const upload = { sha256, read: async () => (reads++, jpeg) };
  assert.equal(await store.writePhotos([upload]), 1);
  assert.equal(await store.writePhotos([upload]), 0);
  assert.equal(reads, 1);
  assert.deepEqual(await store.photo(sha256), jpeg);
  assert.equal(await store.photo('c'.repeat(64)), undefined);
  assert.equal(await store.photo('not-a-hash'), undefined);
  assert.equal(await store.write(first), 2);
  await store.setCurrent({ version: first.listing.version, createdAt: first.listing.createdAt });
  assert.equal((await store.current())!.version, first.listing.version);
  assert.deepEqual(
    (await store.listing(first.listing.version))!.stories.map((s) => s.slug),
    ['a', 'b'],
  );
  const hash = first.listing.stories[0]!.hash;
  assert.equal((await store.record(hash))!.headline, 'A');
  // A second version writes only the records it lacks.
  assert.equal(
    await store.write(
      buildSnapshot(
        content([
          ['a', 'A'],
          ['b', 'B corrected'],
        ]),
      ),
    ),
    1,
  );
  // Ids that are not ids are never looked up.
  assert.equal(await store.listing('../current'), undefined);
  assert.equal(await store.record('../x'), undefined);
  // A search index per version (and embargo state), read back file by file; names that leave the folder are refused.
  const id = searchIndexId(first.listing.version, 0);
  await store.writeSearch(
    id,
    new Map([
      ['pagefind-entry.json', Buffer.from('{"v":1}')],
      ['index/en_1.pf_index', Buffer.from([0, 1, 2])],
    ]),
  );
  assert.equal((await store.searchFile(id, 'pagefind-entry.json'))!.toString(), '{"v":1}');
  assert.deepEqual([...(await store.searchFile(id, 'index/en_1.pf_index'))!], [0, 1, 2]);
  assert.equal(await store.searchFile(searchIndexId(first.listing.version, 1), 'pagefind-entry.json'), undefined);
  for (const name of ['../current.json', 'index/../x', '/current.json'])
    assert.equal(await store.searchFile(id, name), undefined, name);
  // One publish at a time: the second waits, then fails with a message; released, it is free again.
  const release = await store.lock('first', 0);
  await assert.rejects(
    store.lock('second', 300),
    (error: Error) => error instanceof PublishLockedError && /Another publish is running \(first/.test(error.message),
  );
  await release();
  await (
    await store.lock('third', 0)
  )();
  // A publish of this machine that was killed holds no one up; one still running does.
  const gone = spawnSync(process.execPath, ['-e', '']).pid;
  await store.lock(`${os.hostname()} pid ${gone}`, 0);
  const releaseFourth = await store.lock('fourth', 0);
  await assert.rejects(store.lock('fifth', 0), PublishLockedError);
  await releaseFourth();
  const releaseLive = await store.lock(`${os.hostname()} pid ${process.pid}`, 0);
  await assert.rejects(store.lock('sixth', 0), PublishLockedError);
  await releaseLive();
}

test('DiskStore: versions, an atomic pointer, records written once, one lock', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aju-store-'));
  try {
    await storeContract(new DiskStore(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('RedisStore against a real redis-server; with Redis gone every call fails fast with a message', async () => {
  const server = await startRedisServer();
  const store = new RedisStore(server.url);
  try {
    await storeContract(store);
    // Redis' clock, which embargoes lift by (lib/content/serving/content-clock.ts): the same machine, the same time.
    assert.ok(Math.abs((await store.time()) - Date.now()) < 1000);
    await server.stop();
    const started = Date.now();
    await assert.rejects(store.write(buildSnapshot(content([['c', 'C']]))));
    await assert.rejects(store.current());
    assert.ok(Date.now() - started < 6_000, 'fails within seconds, not a hang');
  } finally {
    await store.close();
    await server.stop();
  }
});

test('embargoesLifted and nextEmbargo: scheduled stories counted at their publishAt, the next one found', () => {
  const at = (iso: string) => ({ ...listed(`s${iso}`, iso), publishAt: iso }) as SnapshotStory;
  const listing = {
    version: 'v',
    createdAt: '2024-06-01T00:00:00Z',
    stories: [
      at('2024-06-03T00:00:00Z'),
      listed('plain', '2024-06-01T00:00:00Z'),
      at('2024-06-02T00:00:00Z'),
      at('2024-06-02T00:00:00Z'),
    ],
  } as unknown as SnapshotListing;
  const cases: Array<[string, number, string | undefined]> = [
    ['2024-06-01T12:00:00Z', 0, '2024-06-02T00:00:00.000Z'],
    ['2024-06-02T00:00:00Z', 2, '2024-06-03T00:00:00.000Z'],
    ['2024-06-02T12:00:00Z', 2, '2024-06-03T00:00:00.000Z'],
    ['2024-06-03T00:00:00Z', 3, undefined],
  ];
  for (const [now, lifted, next] of cases) {
    assert.equal(embargoesLifted(listing, new Date(now)), lifted, now);
    assert.equal(nextEmbargo(listing, new Date(now))?.toISOString(), next, now);
    assert.equal(visibleAt(listing, new Date(now)).length, 1 + lifted, now);
  }
});

test('the store watch reads its interval (5 s by default, 0 turns it off) and refuses a bad one', () => {
  assert.equal(storeWatchInterval({}), 5_000);
  assert.equal(storeWatchInterval({ STORE_WATCH_INTERVAL_MS: '0' }), 0);
  assert.equal(storeWatchInterval({ STORE_WATCH_INTERVAL_MS: '2000' }), 2_000);
  assert.throws(() => storeWatchInterval({ STORE_WATCH_INTERVAL_MS: 'soon' }), /STORE_WATCH_INTERVAL_MS/);
});

test('a full disk is named by its folder; any other error passes as it is', () => {
  const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  assert.equal(
    (namingFullDisk(full, '/srv/store', 'run content:publish again') as Error).message,
    'The disk under /srv/store is full (ENOSPC): free some space there and run content:publish again.',
  );
  const other = new Error('EACCES');
  assert.equal(namingFullDisk(other, '/srv/store', 'x'), other);
});
