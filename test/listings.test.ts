import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  archiveMonth,
  archiveMonthPath,
  archiveYears,
  isMissingListingPage,
  listingPageCounts,
  listingPagePath,
  pageNumbers,
  paginate,
  parseMonth,
  parsePageNumber,
  parseYear,
  relatedStories,
} from '@/lib/content/read/listings';

interface Fake {
  slug: string;
  postedAt: string;
  section: { id: string };
  tags: Array<{ id: string }>;
}

const story = (slug: string, postedAt: string, section = 'politics', tags: string[] = []): Fake => ({
  slug,
  postedAt,
  section: { id: section },
  tags: tags.map((id) => ({ id })),
});

test('paginate: pages of the given size, every item once, nothing past the last page', () => {
  const items = Array.from({ length: 45 }, (_, i) => i);
  const pages = [1, 2, 3].map((n) => paginate(items, n, 20)!);
  assert.deepEqual(
    pages.map((p) => p.items.length),
    [20, 20, 5],
  );
  assert.deepEqual(
    pages.flatMap((p) => p.items),
    items,
    'every item exactly once, in order',
  );
  assert.ok(pages.every((p) => p.pageCount === 3 && p.total === 45));
  assert.equal(paginate(items, 4, 20), undefined);
  assert.equal(paginate(items, 0, 20), undefined);
  assert.equal(paginate(items, 1.5, 20), undefined);
  assert.deepEqual(
    paginate([], 1, 20),
    { items: [], page: 1, pageCount: 1, total: 0 },
    'an empty listing still has page 1',
  );
  assert.equal(paginate(Array.from({ length: 40 }), 3, 20), undefined, 'exactly full pages: no empty extra page');
});

test('page numbers from URLs: digits only, no leading zero', () => {
  assert.equal(parsePageNumber('2'), 2);
  assert.equal(parsePageNumber('120'), 120);
  for (const bad of ['0', '02', '-1', '1.5', 'two', '', '2x', '1e3'])
    assert.equal(parsePageNumber(bad), undefined, bad);
  assert.equal(parsePageNumber(undefined), 1, 'the listing’s own URL is page 1');
  assert.equal(parseYear('2024'), 2024);
  assert.equal(parseYear('24'), undefined);
  assert.equal(parseMonth('06'), 6);
  for (const bad of ['6', '00', '13', 'june']) assert.equal(parseMonth(bad), undefined, bad);
});

test('listing page paths: page 1 is the bare URL', () => {
  assert.equal(listingPagePath('/sections/north-korea', 1), '/sections/north-korea');
  assert.equal(listingPagePath('/sections/north-korea', 2), '/sections/north-korea/page/2');
  assert.equal(archiveMonthPath(2024, 6), '/archive/2024/06');
});

test('pagination bar: first, last, neighbours of the current page, ellipses for the rest', () => {
  assert.deepEqual(pageNumbers(1, 1), [1]);
  assert.deepEqual(pageNumbers(2, 5), [1, 2, 3, 4, 5], 'a gap of one shows the number');
  assert.deepEqual(pageNumbers(1, 500), [1, 2, 'gap', 500]);
  assert.deepEqual(pageNumbers(250, 500), [1, 'gap', 249, 250, 251, 'gap', 500]);
  assert.deepEqual(pageNumbers(500, 500), [1, 'gap', 499, 500]);
  assert.deepEqual(pageNumbers(4, 500), [1, 2, 3, 4, 5, 'gap', 500]);
  assert.ok(pageNumbers(250, 500).length <= 7, 'hundreds of pages, a bar of a few links');
});

test('date archive: months in Korea Standard Time, newest first, with counts', () => {
  const stories = [
    story('new-year', '2024-12-31T15:30:00Z'), // 00:30 KST on January 1, 2025
    story('june-b', '2024-06-18T08:25:00+09:00'),
    story('june-a', '2024-06-01T00:10:00+09:00'), // May 31 in UTC, June in Seoul
    story('old', '2019-03-05T09:00:00+09:00'),
  ];
  const years = archiveYears(stories);
  assert.deepEqual(
    years.map((y) => [y.year, y.count, y.months.map((m) => [m.month, m.stories.map((s) => s.slug)])]),
    [
      [2025, 1, [[1, ['new-year']]]],
      [2024, 2, [[6, ['june-b', 'june-a']]]],
      [2019, 1, [[3, ['old']]]],
    ],
  );
  assert.equal(archiveYears(stories), years, 'built once per list');
  assert.deepEqual(
    archiveMonth(stories, 2024, 6)?.stories.map((s) => s.slug),
    ['june-b', 'june-a'],
  );
  assert.equal(archiveMonth(stories, 2024, 7), undefined, 'an empty month');
  assert.equal(archiveMonth(stories, 2023, 6), undefined, 'an empty year');
});

test('related stories: shared tags first, then section, recent first, never itself', () => {
  const stories = [
    story('newest-other-section', '2024-06-20T09:00:00+09:00', 'economy'),
    story('same-section-only', '2024-06-19T09:00:00+09:00', 'north-korea'),
    story('one-tag', '2024-06-18T09:00:00+09:00', 'economy', ['russia']),
    story('the-story', '2024-06-17T09:00:00+09:00', 'north-korea', ['russia', 'kim-jong-un']),
    story('two-tags-old', '2020-01-01T09:00:00+09:00', 'economy', ['russia', 'kim-jong-un']),
    story('tag-and-section', '2024-06-10T09:00:00+09:00', 'north-korea', ['kim-jong-un']),
  ];
  const target = stories[3]!;
  const related = relatedStories(stories, target).map((s) => s.slug);
  assert.deepEqual(related, ['two-tags-old', 'tag-and-section', 'one-tag', 'same-section-only']);
  assert.ok(!related.includes('the-story'));

  const loner = story('loner', '2024-06-21T09:00:00+09:00', 'culture', ['k-pop']);
  const withLoner = [loner, ...stories];
  assert.deepEqual(
    relatedStories(withLoner, loner).map((s) => s.slug),
    ['newest-other-section', 'same-section-only', 'one-tag'],
    'nothing shared: the latest stories fill up to three',
  );
  assert.equal(relatedStories(stories, target, { max: 2 }).length, 2);
});

/** An archive of `count` stories, newest first, one an hour, each with two of `tagCount` tags. */
const archive = (count: number, tagCount: number, sectionCount: number) =>
  Array.from({ length: count }, (_, i) =>
    story(`s-${i}`, new Date(Date.UTC(2024, 0, 1) - i * 3_600_000).toISOString(), `section-${i % sectionCount}`, [
      `tag-${i % tagCount}`,
      `tag-${(i * 7) % tagCount}`,
    ]),
  );

/** How related two stories are, as relatedStories documents it: two per shared tag, one for the section. */
const relation = (a: Fake, b: Fake) =>
  a.tags.filter((t) => b.tags.some((u) => u.id === t.id)).length * 2 + Number(a.section.id === b.section.id);

test('related stories on a large archive: the highest scoring of all, newest first among equals', () => {
  // 250 stories a section, about 333 a tag: under the per-key limit, so every candidate counts.
  const stories = archive(10_000, 60, 40);
  stories.forEach((s, i) => {
    const related = relatedStories(stories, s);
    assert.ok(related.length >= 3 && related.length <= 5);
    assert.ok(!related.includes(s));
    const scores = related.map((r) => relation(s, r));
    const positions = related.map((r) => stories.indexOf(r));
    for (let k = 1; k < related.length; k++) {
      const order = scores[k - 1]! - scores[k]! || positions[k]! - positions[k - 1]!;
      assert.ok(order > 0, `${s.slug}: ${related[k]!.slug} ranks below ${related[k - 1]!.slug}`);
    }
    // Every 97th story against every other one: no story left out ranks above the last chosen.
    if (i % 97 !== 0) return;
    const best = stories
      .map((other, at) => ({ other, at, score: relation(s, other) }))
      .filter(({ other, score }) => other !== s && score > 0)
      .sort((a, b) => b.score - a.score || a.at - b.at)
      .slice(0, 5)
      .map(({ other }) => other.slug);
    assert.deepEqual(
      related.map((r) => r.slug),
      best,
    );
  });
});

test('related stories look at a bounded number of stories per call, however large the archive', () => {
  // Stories read from the list by 300 calls (after the first, which builds the index): counted, not timed.
  const storiesReadPerCall = (count: number) => {
    let reads = 0;
    const stories = new Proxy(archive(count, 12, 5), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    relatedStories(stories, stories[0]!);
    reads = 0;
    for (let i = 0; i < 300; i++) relatedStories(stories, stories[i]!);
    return reads / 300;
  };
  const small = storiesReadPerCall(5_000);
  const large = storiesReadPerCall(20_000);
  assert.ok(small > 0 && small < 5_000 / 2, `${small} stories read per call of 5,000`);
  assert.ok(large <= small, `four times the archive, no more work per call: ${small} then ${large}`);
});

test('numbered pages that exist, for the proxy: listings past one page, and anything else is missing', () => {
  const stories = Array.from({ length: 45 }, (_, i) => ({
    section: i < 41 ? 'politics' : 'culture',
    authors: ['kim', 'kim'],
    tags: i % 2 ? ['seoul'] : [],
    postedAt: i < 30 ? '2024-06-18T08:25:00+09:00' : '2024-05-31T15:30:00Z', // the latter: June 1 in KST
  }));
  const counts = listingPageCounts(stories, 20);
  assert.deepEqual(counts, { '/archive/2024/06': 3, '/authors/kim': 3, '/sections/politics': 3, '/tags/seoul': 2 });
  const missing = (path: string) => isMissingListingPage(path, counts);
  assert.equal(missing('/sections/politics/page/3'), false);
  assert.equal(missing('/sections/politics/page/4'), true, 'past the last page');
  assert.equal(missing('/sections/culture/page/2'), true, 'a one-page listing has no page 2');
  assert.equal(missing('/sections/nowhere/page/2'), true);
  assert.equal(missing('/tags/seoul/page/2'), false);
  assert.equal(missing('/archive/2024/06/page/3'), false);
  assert.equal(missing('/archive/2024/6/page/2'), true, 'no such month listing');
  for (const bad of ['0', '02', 'x', '1.5']) assert.equal(missing(`/authors/kim/page/${bad}`), true, bad);
  assert.equal(missing('/sections/politics'), false);
  assert.equal(missing('/stories/x'), false);
});
