/**
 * Which pages show a story: the one answer publishing (./changes.ts: what origins revalidate and the edge
 * soft-purges by xkey) and `npm run purge -- --story` (lib/edge/purge-targets.ts) both use
 * (docs/decisions/0021, 0022).
 */
import { liveStatusPath, updatesPagePath } from '@/lib/content/model/live';
import { authorPath, liveFeedPath, sectionPath, storyPath, tagPath } from '@/lib/content/model/paths';
import { archiveMonthPath, archiveYearPath, ARCHIVE_PATH } from '@/lib/content/read/listings';
import { CROP_RATIOS } from '@/lib/seo/photo-crops';
import { kstYearMonth } from '@/lib/time';

/** The search index's one file without a content hash in its name: it names the others (app/pagefind). */
export const SEARCH_INDEX_ENTRY = '/pagefind/pagefind-entry.json';

/** Pages that exist once per site and list stories (and the search index's entry): they show every story. */
export const SITE_WIDE_PATHS = [
  '/',
  '/feed.xml',
  '/news-sitemap.xml',
  '/sitemap.xml',
  '/sitemaps/pages.xml',
  ARCHIVE_PATH,
  '/search',
  SEARCH_INDEX_ENTRY,
];

/** What placing a story needs: its slug, when it was posted, and the ids it is filed under. */
export interface PlacedStory {
  slug: string;
  postedAt: string;
  section: string;
  authors: readonly string[];
  tags: readonly string[];
  /** Set for live coverage: its page is the live page, with live.json and older pages of updates. */
  live?: object;
  /** A live story's hash per older page of updates (lib/content/model/live-status.ts); absent: none yet. */
  updatePages?: readonly string[];
}

export interface StoryPages {
  /** The story's page, Open Graph card, photo crops and live feed. */
  own: string[];
  /** Paginated listings that list it, by their first page's path (their numbered pages show it too). */
  listings: string[];
  /** Single pages that list it: its section's feed, its year in the archive. */
  pages: string[];
  /** Its month's sitemap (a month past the sitemap size limit is split into numbered parts after it). */
  monthSitemap: string;
}

/** The story's own page, Open Graph card, photo crops and (for live coverage) feed of updates. */
export const storyOwnPaths = (slug: string) => [
  storyPath(slug),
  `${storyPath(slug)}/opengraph-image`,
  ...CROP_RATIOS.map((r) => `${storyPath(slug)}/images/${r}`),
  // A live story's feed of updates (any other story's is a 404 that is never kept: nothing to refresh).
  liveFeedPath(slug),
];

/**
 * Where origins render a live story's page (app/live/[slug], which next.config.js's rewrite serves at the story's
 * address): what they revalidate for it. Never an address readers or the edge use (proxy.ts answers it 404).
 */
export const liveRenderPath = (slug: string) => `/live/${slug}`;

/**
 * A live story's own pages besides storyOwnPaths: live.json, the live page's rendering, and these older pages
 * of updates (all of them unless given: a publish passes only those whose updates changed).
 */
export function liveStoryPaths(story: Pick<PlacedStory, 'slug' | 'updatePages'>, olderPages?: readonly number[]) {
  const pages = olderPages ?? (story.updatePages ?? []).map((_, i) => i + 1);
  return [
    liveStatusPath(story.slug),
    liveRenderPath(story.slug),
    ...pages.map((page) => updatesPagePath(story.slug, page)),
  ];
}

/**
 * Every page that shows the story, besides SITE_WIDE_PATHS and the stories that list it as related; for a live
 * story, only `olderPages` of its older pages of updates when given.
 */
export function pagesShowingStory(story: PlacedStory, olderPages?: readonly number[]): StoryPages {
  const { year, month } = kstYearMonth(story.postedAt);
  return {
    own: [...storyOwnPaths(story.slug), ...(story.live ? liveStoryPaths(story, olderPages) : [])],
    listings: [
      sectionPath(story.section),
      ...story.authors.map(authorPath),
      ...story.tags.map(tagPath),
      archiveMonthPath(year, month),
    ],
    pages: [`${sectionPath(story.section)}/feed.xml`, archiveYearPath(year)],
    monthSitemap: `/sitemaps/${year}-${String(month).padStart(2, '0')}.xml`,
  };
}
