import assert from 'node:assert/strict';
import { test } from 'node:test';
import { breakingNewsMarkup } from '@/components/site/breaking-news-markup';
import type { Fronts } from '@/content/schema';
import { activeBanner, arrange, nextPlacementEnd } from '@/lib/content/model/placements';
import { contentChanges, type ChangeView } from '@/lib/publish/changes';
import { nextTimedChange } from '@/lib/publish/embargo-timer';
import { placementChanges, placementView } from '@/lib/publish/placement-changes';
import type { SnapshotListing } from '@/lib/content/storage/snapshot';

const at = (iso: string) => new Date(iso);
const NOON = '2026-12-02T12:00:00+09:00';
const ONE = '2026-12-02T13:00:00+09:00';
const TWO = '2026-12-02T14:00:00+09:00';
const visible = new Map(['a', 'b', 'c'].map((slug) => [slug, { slug }]));
const find = (slug: string) => visible.get(slug);

test('arrange: the lead, then the top stories in order; ended, invisible and repeated placements drop out', () => {
  const arrangement = {
    lead: { story: 'a', until: ONE },
    top: [{ story: 'draft-story' }, { story: 'b', size: 'large' as const }, { story: 'a' }, { story: 'c', until: ONE }],
  };
  const before = arrange(arrangement, find, at(NOON)).map((p) => `${p.story.slug}:${p.size}`);
  assert.deepEqual(before, ['a:standard', 'b:large', 'c:standard']);
  // After ONE the lead and c end; a's later placement in top still holds.
  const after = arrange(arrangement, find, at(TWO)).map((p) => p.story.slug);
  assert.deepEqual(after, ['b', 'a']);
  assert.deepEqual(arrange(undefined, find, at(NOON)), []);
});

test('activeBanner: shows until its end, and waits while its story is not visible', () => {
  const banner = { text: 'Breaking', story: 'a', until: ONE };
  assert.equal(
    activeBanner(banner, (s) => visible.has(s), at(NOON)),
    banner,
  );
  assert.equal(
    activeBanner(banner, (s) => visible.has(s), at(TWO)),
    undefined,
  );
  assert.equal(
    activeBanner({ ...banner, story: 'later' }, (s) => visible.has(s), at(NOON)),
    undefined,
  );
  assert.equal(
    activeBanner(null, () => true, at(NOON)),
    undefined,
  );
});

test('placement ends: the next found, fronts and banner alike, in time order', () => {
  const fronts: Fronts = {
    home: { lead: { story: 'a', until: TWO } },
    sections: { s: { top: [{ story: 'b', until: ONE }] } },
  };
  const placed = { fronts, breakingNews: { text: 'x', story: 'a', until: NOON } };
  assert.equal(nextPlacementEnd(placed, at('2026-12-02T11:00:00+09:00'))?.toISOString(), at(NOON).toISOString());
  assert.equal(nextPlacementEnd(placed, at(ONE))?.toISOString(), at(TWO).toISOString());
  assert.equal(nextPlacementEnd(placed, at(NOON))?.toISOString(), at(ONE).toISOString());
  assert.equal(nextPlacementEnd(placed, at(TWO)), undefined);
});

test('nextTimedChange: the sooner of the next embargo and the next placement end', () => {
  const listing = {
    stories: [{ slug: 'x', publishAt: TWO }],
    fronts: { home: { lead: { story: 'a', until: ONE } } },
    breakingNews: null,
  } as unknown as SnapshotListing;
  assert.equal(nextTimedChange(listing, at(NOON))?.toISOString(), at(ONE).toISOString());
  assert.equal(nextTimedChange(listing, at(ONE))?.toISOString(), at(TWO).toISOString());
  assert.equal(nextTimedChange(listing, at(TWO)), undefined);
});

test('placementChanges: only the fronts that differ, and the banner fragment when the banner does', () => {
  const slugs = new Set(['a', 'b', 'c']);
  const fronts: Fronts = { home: { lead: { story: 'a' } }, sections: { s: { lead: { story: 'b' } } } };
  const before = placementView({ fronts, breakingNews: null }, slugs, at(NOON));
  const same = placementView({ fronts: structuredClone(fronts), breakingNews: null }, slugs, at(NOON));
  assert.deepEqual(placementChanges(before, same), []);
  const rearranged = placementView(
    { fronts: { ...fronts, home: { lead: { story: 'c' } } }, breakingNews: null },
    slugs,
    at(NOON),
  );
  assert.deepEqual(placementChanges(before, rearranged), ['/']);
  const banner = placementView({ fronts, breakingNews: { text: 'Now', story: 'a', until: ONE } }, slugs, at(NOON));
  assert.deepEqual(placementChanges(before, banner), ['/fragments/breaking-news']);
  // The banner's end is a change with nobody publishing; so is a placed story going out of view.
  const ended = placementView({ fronts, breakingNews: { text: 'Now', story: 'a', until: ONE } }, slugs, at(TWO));
  assert.deepEqual(placementChanges(banner, ended), ['/fragments/breaking-news']);
  const withoutB = placementView({ fronts, breakingNews: null }, new Set(['a', 'c']), at(NOON));
  assert.deepEqual(placementChanges(before, withoutB), ['/sections/s']);
});

test('contentChanges: a banner publish changes the fragment alone, never a story page or listing', () => {
  const view = (banner: string): ChangeView => ({
    stories: [{ slug: 'a', postedAt: NOON, section: 's', authors: ['p'], tags: ['t'], hash: 'h' }],
    authors: [{ id: 'p' }],
    sections: [{ id: 's' }],
    tags: [{ id: 't' }],
    images: {},
    placements: { fronts: { '/': 'a:standard' }, banner },
  });
  const changes = contentChanges(view(''), view('["Now","/stories/a"]'));
  assert.equal(changes.everything, false);
  assert.deepEqual(changes.paths, ['/fragments/breaking-news']);
});

test('breakingNewsMarkup: a labelled landmark whose text and link are escaped', () => {
  const html = breakingNewsMarkup({ text: 'Fish & chips <3 "quoted"', path: '/stories/a' });
  assert.equal(
    html,
    '<aside class="breaking-news" aria-labelledby="breaking-news-label"><p class="breaking-news__text"><strong class="breaking-news__label" id="breaking-news-label">Breaking</strong> <a href="/stories/a">Fish &amp; chips &lt;3 &quot;quoted&quot;</a></p></aside>',
  );
});
