/**
 * The sitemap index (/sitemap.xml), its child sitemaps (pages, and stories by month) and the Google News sitemap. Stories whose canonicalUrl points elsewhere
 * (syndicated copies) are left out of both: a sitemap lists only our canonical pages.
 */
import { ARCHIVE_PATH, archiveMonthPath, archiveYearPath, archiveYears } from '@/lib/content/read/listings';
import {
  authorPath,
  isLive,
  lastUpdated,
  modifiedAt,
  sectionPath,
  tagPath,
  type Content,
  type StorySummary,
} from '@/lib/content';
import { sharedWeakMap } from '@/lib/process-singleton.mjs';
import { absoluteUrl, site } from '@/lib/site';

export const NEWS_SITEMAP_PATH = '/news-sitemap.xml';

const ownCanonical = (story: StorySummary) => !story.canonicalUrl;

/** At most this many URLs in one sitemap file (the sitemaps.org limit). */
export const SITEMAP_MAX_URLS = 50_000;
export const SITEMAP_INDEX_PATH = '/sitemap.xml';
export const PAGES_SITEMAP = 'pages';
export const sitemapPath = (name: string) => `/sitemaps/${name}.xml`;

export interface SitemapEntry {
  url: string;
  lastModified?: Date;
}

type SitemapContent = Pick<Content, 'stories' | 'sections' | 'authors' | 'tags'>;

const ownStoriesCache = sharedWeakMap<StorySummary[], StorySummary[]>('sitemap-own-stories');
/** The stories a sitemap lists (our canonical ones), newest first; filtered once per list. */
function ownStories(stories: StorySummary[]): StorySummary[] {
  let own = ownStoriesCache.get(stories);
  if (!own) ownStoriesCache.set(stories, (own = stories.filter(ownCanonical)));
  return own;
}

/**
 * The story sitemaps: one per month of posting (KST), named 2024-06; a month past 50,000 stories is cut
 * into 2024-06, 2024-06-2, …. Newest month first.
 */
export function storySitemaps(stories: StorySummary[]): Array<{ name: string; stories: StorySummary[] }> {
  return archiveYears(ownStories(stories)).flatMap((y) =>
    y.months.flatMap((m) => {
      const base = `${y.year}-${String(m.month).padStart(2, '0')}`;
      const parts = [];
      for (let i = 0; i * SITEMAP_MAX_URLS < m.stories.length; i++) {
        parts.push({
          name: i === 0 ? base : `${base}-${i + 1}`,
          stories: m.stories.slice(i * SITEMAP_MAX_URLS, (i + 1) * SITEMAP_MAX_URLS),
        });
      }
      return parts;
    }),
  );
}

/** One story sitemap's entries, or undefined for a name that is not one. */
export function storySitemapEntries(stories: StorySummary[], name: string): SitemapEntry[] | undefined {
  return storySitemaps(stories)
    .find((s) => s.name === name)
    ?.stories.map((s) => ({ url: absoluteUrl(s.path), lastModified: new Date(modifiedAt(s)) }));
}

/** Every page that is not a story: front page, the date archive, and the first page of every section, author and tag. */
export function pagesSitemapEntries(content: SitemapContent): SitemapEntry[] {
  const stories = ownStories(content.stories);
  const listing = (path: string, listed: StorySummary[]) => ({
    url: absoluteUrl(path),
    lastModified: lastUpdated(listed),
  });
  const bySection = new Map<string, StorySummary[]>();
  const byAuthor = new Map<string, StorySummary[]>();
  const byTag = new Map<string, StorySummary[]>();
  const add = (map: Map<string, StorySummary[]>, key: string, story: StorySummary) =>
    (map.get(key) ?? map.set(key, []).get(key)!).push(story);
  for (const story of stories) {
    add(bySection, story.section.id, story);
    for (const a of story.authors) add(byAuthor, a.id, story);
    for (const t of story.tags) add(byTag, t.id, story);
  }
  const years = archiveYears(stories);
  return [
    listing('/', stories),
    listing(ARCHIVE_PATH, stories),
    ...years.flatMap((y) => [
      listing(
        archiveYearPath(y.year),
        y.months.flatMap((m) => m.stories),
      ),
      ...y.months.map((m) => listing(archiveMonthPath(y.year, m.month), m.stories)),
    ]),
    ...content.sections.map((x) => listing(sectionPath(x.id), bySection.get(x.id) ?? [])),
    ...content.authors.map((x) => listing(authorPath(x.id), byAuthor.get(x.id) ?? [])),
    ...content.tags.map((x) => listing(tagPath(x.id), byTag.get(x.id) ?? [])),
  ];
}

/** The sitemap index: the pages sitemap, then one story sitemap per month, each with its newest change. */
export function sitemapIndexEntries(content: SitemapContent): SitemapEntry[] {
  return [
    { url: absoluteUrl(sitemapPath(PAGES_SITEMAP)), lastModified: lastUpdated(ownStories(content.stories)) },
    ...storySitemaps(content.stories).map((s) => ({
      url: absoluteUrl(sitemapPath(s.name)),
      lastModified: lastUpdated(s.stories),
    })),
  ];
}

const lastmod = (date: Date | undefined) => (date ? `<lastmod>${date.toISOString()}</lastmod>` : '');

/** A sitemap document: a <urlset> of <url>s, or a <sitemapindex> of <sitemap>s. */
const sitemapXml = (root: 'urlset' | 'sitemapindex', item: 'url' | 'sitemap') => (entries: SitemapEntry[]) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...entries.map((e) => `<${item}><loc>${escapeXml(e.url)}</loc>${lastmod(e.lastModified)}</${item}>`),
    `</${root}>`,
    '',
  ].join('\n');

export const urlsetXml = sitemapXml('urlset', 'url');
export const sitemapIndexXml = sitemapXml('sitemapindex', 'sitemap');

export const xmlResponse = (xml: string) =>
  new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });

/** Google News takes articles published in the last two days, at most 1,000 of them. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_MAX_URLS = 1000;

/** When a story is news from: its posting; live coverage's, its newest update (modifiedAt follows it). */
const newsSince = (story: StorySummary) => Date.parse(story.live ? modifiedAt(story) : story.postedAt);

/**
 * The stories a Google News sitemap lists at `now`, newest first: those posted within the last two days, and
 * live coverage while it is live and for two days after its newest update.
 */
export function newsSitemapStories(stories: StorySummary[], now: Date): StorySummary[] {
  const t = now.getTime();
  return stories
    .filter(ownCanonical)
    .filter((s) => Date.parse(s.postedAt) <= t && (isLive(s) || t - newsSince(s) <= NEWS_WINDOW_MS))
    .sort((a, b) => newsSince(b) - newsSince(a))
    .slice(0, NEWS_MAX_URLS);
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The Google News sitemap at `now` (injected, so the two-day rule can be tested). */
export function newsSitemapXml(stories: StorySummary[], now: Date): string {
  const urls = newsSitemapStories(stories, now).map(
    (s) => `  <url>
    <loc>${escapeXml(absoluteUrl(s.path))}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(site.name)}</news:name>
        <news:language>${site.language}</news:language>
      </news:publication>
      <news:publication_date>${escapeXml(s.postedAt)}</news:publication_date>
      <news:title>${escapeXml(s.headline)}</news:title>
    </news:news>
  </url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
