/**
 * Listings that stay small however large the archive grows: pagination, the date archive (by month, in
 * KST) and related stories. Each index is built once per list of stories (once per process) and then
 * only looked up, never recomputed per page.
 */
import { site } from '@/lib/site';
import { kstYearMonth } from '@/lib/time';
import { sharedWeakMap } from '@/lib/process-singleton.mjs';
import type { Story } from '../model/types';

type Listed = Pick<Story, 'slug' | 'postedAt'>;

// ---------- pagination ----------

/**
 * A page number from a URL's …/page/<raw> segment: digits without a leading zero, else undefined (a 404).
 * No segment (the listing's own URL) is page 1.
 */
export function parsePageNumber(raw: string | undefined): number | undefined {
  if (raw === undefined) return 1;
  return /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : undefined;
}

export interface ListingPage<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pageCount: number;
  total: number;
}

/** The number of pages a list of `count` items fills. */
export const pageCountOf = (count: number, size: number = site.listings.pageSize) =>
  Math.max(1, Math.ceil(count / size));

/** One page of a list; undefined past the last page. An empty list still has its page 1. */
export function paginate<T>(
  items: readonly T[],
  page: number,
  size: number = site.listings.pageSize,
): ListingPage<T> | undefined {
  const pageCount = pageCountOf(items.length, size);
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return undefined;
  return { items: items.slice((page - 1) * size, page * size), page, pageCount, total: items.length };
}

/** Page 1 lives at the listing's own URL; page n at …/page/n. */
export const listingPagePath = (basePath: string, page: number) => (page <= 1 ? basePath : `${basePath}/page/${page}`);

/**
 * The page numbers a pagination bar shows: the first, the last, and the current page with `around`
 * neighbours on each side; 'gap' where numbers are left out (an ellipsis). A gap of a single number shows
 * that number instead, so the bar never hides just one page behind an ellipsis.
 */
export function pageNumbers(current: number, pageCount: number, around = 1): Array<number | 'gap'> {
  const shown = new Set<number>([1, pageCount]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= pageCount) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: Array<number | 'gap'> = [];
  let previous = 0;
  for (const n of sorted) {
    if (n - previous === 2) out.push(n - 1);
    else if (n - previous > 2) out.push('gap');
    out.push(n);
    previous = n;
  }
  return out;
}

// ---------- the date archive ----------

export interface ArchiveMonth<T> {
  year: number;
  month: number;
  /** Newest first, like the list they come from. */
  stories: T[];
}

export interface ArchiveYear<T> {
  year: number;
  count: number;
  /** Newest month first; only months with stories. */
  months: ArchiveMonth<T>[];
}

const archiveCache = sharedWeakMap<readonly Listed[], ArchiveYear<Listed>[]>('archive');

/** Stories grouped by year and month of posting in KST, newest first. `stories` must be newest first. */
export function archiveYears<T extends Listed>(stories: readonly T[]): ArchiveYear<T>[] {
  let years = archiveCache.get(stories) as ArchiveYear<T>[] | undefined;
  if (!years) {
    const byKey = new Map<string, ArchiveMonth<T>>();
    for (const story of stories) {
      const { year, month } = kstYearMonth(story.postedAt);
      const key = `${year}-${month}`;
      let group = byKey.get(key);
      if (!group) byKey.set(key, (group = { year, month, stories: [] }));
      group.stories.push(story);
    }
    const yearMap = new Map<number, ArchiveYear<T>>();
    for (const group of [...byKey.values()].sort((a, b) => b.year - a.year || b.month - a.month)) {
      let year = yearMap.get(group.year);
      if (!year) yearMap.set(group.year, (year = { year: group.year, count: 0, months: [] }));
      year.months.push(group);
      year.count += group.stories.length;
    }
    years = [...yearMap.values()];
    archiveCache.set(stories, years);
  }
  return years;
}

/** A year's months, or undefined when it has no stories. */
export const archiveYear = <T extends Listed>(stories: readonly T[], year: number) =>
  archiveYears(stories).find((y) => y.year === year);

/** A month's stories, or undefined when it has none. */
export const archiveMonth = <T extends Listed>(stories: readonly T[], year: number, month: number) =>
  archiveYear(stories, year)?.months.find((m) => m.month === month);

export const ARCHIVE_PATH = '/archive';
export const archiveYearPath = (year: number) => `${ARCHIVE_PATH}/${year}`;
export const archiveMonthPath = (year: number, month: number) =>
  `${ARCHIVE_PATH}/${year}/${String(month).padStart(2, '0')}`;

/** A year from a URL segment (four digits), else undefined. */
export const parseYear = (raw: string) => (/^[0-9]{4}$/.test(raw) ? Number(raw) : undefined);
/** A month from a URL segment: exactly two digits, 01–12, else undefined. */
export const parseMonth = (raw: string) => (/^(0[1-9]|1[0-2])$/.test(raw) ? Number(raw) : undefined);

// ---------- related stories ----------

type Relatable = Listed & { section: { id: string }; tags: Array<{ id: string }> };

interface RelatedIndex {
  /** Positions in the list (0: newest) of the stories with each tag, and in each section, newest first. */
  byTag: Map<string, number[]>;
  bySection: Map<string, number[]>;
  /** One score per story, all zero between calls: reused, so scoring allocates nothing per story. */
  scores: Float64Array;
}

const relatedCache = sharedWeakMap<readonly Relatable[], RelatedIndex>('related');

/** Inverted index, built once per list of stories: tag → stories and section → stories, each newest first. */
function relatedIndex(stories: readonly Relatable[]): RelatedIndex {
  let index = relatedCache.get(stories);
  if (!index) {
    const byTag = new Map<string, number[]>();
    const bySection = new Map<string, number[]>();
    const add = (map: Map<string, number[]>, key: string, at: number) => {
      const list = map.get(key);
      if (list) list.push(at);
      else map.set(key, [at]);
    };
    stories.forEach((story, i) => {
      add(bySection, story.section.id, i);
      for (const tag of story.tags) add(byTag, tag.id, i);
    });
    index = { byTag, bySection, scores: new Float64Array(stories.length) };
    relatedCache.set(stories, index);
  }
  return index;
}

/** How many candidates each tag or section contributes at most: bounds the work per story on a huge archive. */
const CANDIDATES_PER_KEY = 500;

/**
 * Up to `max` other stories for the foot of `story`: those sharing the most tags first (sharing the
 * section counts as one more), then the most recent; never the story itself. Looks only at the stories
 * that share a tag or the section (from the inverted index), not at every story. When fewer than `min`
 * share anything, the latest stories fill up to `min`. `stories` must be newest first.
 */
export function relatedStories<T extends Relatable>(stories: readonly T[], story: T, { max = 5, min = 3 } = {}): T[] {
  const { byTag, bySection, scores } = relatedIndex(stories);
  const scored: number[] = [];
  const score = (list: number[] | undefined, weight: number) => {
    const end = Math.min(list?.length ?? 0, CANDIDATES_PER_KEY);
    for (let i = 0; i < end; i++) {
      const at = list![i]!;
      if (stories[at]!.slug === story.slug) continue;
      if (scores[at] === 0) scored.push(at);
      scores[at]! += weight;
    }
  };
  // A shared tag is a closer relation than the shared section: weigh it double.
  for (const tag of story.tags) score(byTag.get(tag.id), 2);
  score(bySection.get(story.section.id), 1);
  // The best `max` by score, then recency (the lower position): picked in one pass, not by sorting them all
  // (a publish scores thousands of stories' lists).
  const ahead = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  const best: number[] = [];
  for (const at of scored) {
    if (best.length === max && !ahead(at, best[max - 1]!)) continue;
    let place = best.length;
    while (place > 0 && ahead(at, best[place - 1]!)) place--;
    best.splice(place, 0, at);
    if (best.length > max) best.pop();
  }
  for (const at of scored) scores[at] = 0;
  const chosen = best.map((at) => stories[at]!);
  for (const other of stories) {
    if (chosen.length >= Math.min(min, max)) break;
    if (other.slug !== story.slug && !chosen.includes(other)) chosen.push(other);
  }
  return chosen;
}

// ---------- which numbered pages exist (for proxy.ts) ----------

/** A story as the content index lists it: ids, not records. */
export interface ListedIds {
  section: string;
  authors: readonly string[];
  tags: readonly string[];
  postedAt: string;
}

/**
 * For every listing with more than one page, its URL (page 1) and how many pages it has. proxy.ts answers
 * 404 for any other …/page/<n> before a page renders: a 404 rendered on demand would be cached like a page.
 */
export function listingPageCounts(
  stories: readonly ListedIds[],
  size: number = site.listings.pageSize,
): Record<string, number> {
  const counts = new Map<string, number>();
  const add = (path: string) => counts.set(path, (counts.get(path) ?? 0) + 1);
  for (const story of stories) {
    add(`/sections/${story.section}`);
    for (const a of new Set(story.authors)) add(`/authors/${a}`);
    for (const t of new Set(story.tags)) add(`/tags/${t}`);
    const { year, month } = kstYearMonth(story.postedAt);
    add(archiveMonthPath(year, month));
  }
  const out: Record<string, number> = {};
  for (const [path, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    if (count > size) out[path] = pageCountOf(count, size);
  }
  return out;
}

const NUMBERED_PAGE = /^(\/(?:sections|authors|tags)\/[^/]+|\/archive\/[^/]+\/[^/]+)\/page\/([^/]+)\/?$/;

/** True for a numbered listing page (…/page/<n>) that does not exist; false for every other path. */
export function isMissingListingPage(path: string, counts: Readonly<Record<string, number>>): boolean {
  const match = NUMBERED_PAGE.exec(path);
  if (!match) return false;
  const page = parsePageNumber(match[2]!);
  // Page 1 is redirected to the bare URL before the proxy runs (next.config.js).
  return page === undefined || page > (Object.hasOwn(counts, match[1]!) ? counts[match[1]!]! : 1);
}
