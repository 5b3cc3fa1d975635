/**
 * Which on-demand paths exist in a content view: proxy.ts answers every other one with an uncached 404 before
 * a page renders (a 404 rendered on demand would be cached like a page, and hide a story or month published
 * later under that address). The view is the run-time snapshot's (lib/content/serving/served-content.ts).
 */
import { kstYearMonth } from '@/lib/time';
import { visibleAt } from '../model/embargoes';
import { isMissingListingPage, listingPageCounts, parseMonth, parseYear, type ListedIds } from './listings';
import { sharedWeakMap } from '@/lib/process-singleton.mjs';
import type { SnapshotListing, SnapshotStory } from '../storage/snapshot';

export interface PathView {
  /** The visible stories (ids, not records). */
  stories: ReadonlyArray<ListedIds & { slug: string; live?: object; updatePages?: readonly string[] }>;
  sections: ReadonlyArray<{ id: string }>;
  authors: ReadonlyArray<{ id: string }>;
  tags: ReadonlyArray<{ id: string }>;
}

interface KnownPaths {
  slugs: Set<string>;
  /** Live stories' slugs, and how many older pages of updates each has. */
  liveStories: Map<string, number>;
  pageCounts: Record<string, number>;
  /** "2024" and "2024-06" for every year and month with a story. */
  months: Set<string>;
  ids: { sections: Set<string>; authors: Set<string>; tags: Set<string> };
}

/** The visible stories' paths, and the embed frames of those that have embeds (for the story pages' CSP). */
export type StoryPathView = PathView & { frames: Map<string, string[]> };

const pathViews = sharedWeakMap<SnapshotStory[], StoryPathView>('path-views');

/** The paths a snapshot has at `now` (a scheduled story counts once its publishAt has passed). */
export function pathViewAt(listing: SnapshotListing, now: Date): StoryPathView {
  const stories = visibleAt(listing, now);
  let view = pathViews.get(stories);
  if (!view) {
    const frames = new Map(stories.flatMap((s) => (s.frames?.length ? [[s.slug, s.frames] as const] : [])));
    view = { stories, sections: listing.sections, authors: listing.authors, tags: listing.tags, frames };
    pathViews.set(stories, view);
  }
  return view;
}

const memo = sharedWeakMap<PathView, KnownPaths>('known-paths');

function known(view: PathView): KnownPaths {
  let paths = memo.get(view);
  if (!paths) {
    const months = new Set<string>();
    for (const story of view.stories) {
      const { year, month } = kstYearMonth(story.postedAt);
      months.add(String(year)).add(`${year}-${String(month).padStart(2, '0')}`);
    }
    paths = {
      slugs: new Set(view.stories.map((s) => s.slug)),
      liveStories: new Map(
        view.stories.flatMap((s) => (s.live ? [[s.slug, s.updatePages?.length ?? 1] as const] : [])),
      ),
      pageCounts: listingPageCounts(view.stories),
      months,
      ids: {
        sections: new Set(view.sections.map((r) => r.id)),
        authors: new Set(view.authors.map((r) => r.id)),
        tags: new Set(view.tags.map((r) => r.id)),
      },
    };
    memo.set(view, paths);
  }
  return paths;
}

/**
 * A path under a story's: live.json, the feed of updates and older pages of updates exist only for live coverage,
 * older pages 1..count.
 */
function isMissingLivePath(rest: string, olderPages: number | undefined): boolean {
  if (rest === '/live.json' || rest === '/feed.xml') return olderPages === undefined;
  const page = /^\/updates(?:\/([^/]*))?\/?$/.exec(rest);
  if (!page) return false;
  const n = /^[1-9][0-9]*$/.test(page[1] ?? '') ? Number(page[1]) : 0;
  return olderPages === undefined || n < 1 || n > olderPages;
}

/** True for a (decoded) path of a story, listing, month or sitemap that the view does not have. */
export function isMissingPath(path: string, view: PathView): boolean {
  const paths = known(view);
  const story = /^\/stories\/([^/]+)/.exec(path);
  if (story)
    return (
      !paths.slugs.has(story[1]!) || isMissingLivePath(path.slice(story[0].length), paths.liveStories.get(story[1]!))
    );
  // The live page's rendering (app/live) is reached only by next.config.js's rewrite of a story's address.
  if (path.startsWith('/live/')) return true;
  if (isMissingListingPage(path, paths.pageCounts)) return true;
  const listing = /^\/(sections|authors|tags)\/([^/]+)(?:\/(?:feed\.xml|page\/[^/]+))?\/?$/.exec(path);
  if (listing) return !paths.ids[listing[1] as 'sections' | 'authors' | 'tags'].has(listing[2]!);
  const archive = /^\/archive\/([^/]+)(?:\/([^/]+))?(?:\/page\/[^/]+)?\/?$/.exec(path);
  if (archive) {
    const year = parseYear(archive[1]!);
    if (year === undefined) return true;
    if (archive[2] === undefined) return !paths.months.has(String(year));
    const month = parseMonth(archive[2]);
    return month === undefined || !paths.months.has(`${year}-${archive[2]}`);
  }
  const sitemap = /^\/sitemaps\/([^/]+)$/.exec(path);
  if (sitemap) {
    if (sitemap[1] === 'pages.xml') return false;
    // Month sitemaps: yyyy-mm, cut into yyyy-mm-2, -3… past 50,000 stories (lib/seo/sitemaps.ts checks the part).
    const month = /^([0-9]{4})-([0-9]{2})(?:-[1-9][0-9]*)?\.xml$/.exec(sitemap[1]!);
    return !month || !paths.months.has(`${month[1]}-${month[2]}`);
  }
  return false;
}
