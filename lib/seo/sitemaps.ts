/**
 * sitemap.xml entries and the Google News sitemap. Stories whose canonicalUrl points elsewhere
 * (syndicated copies) are left out of both: a sitemap lists only our canonical pages.
 */
import type { MetadataRoute } from 'next';
import { authorPath, lastUpdated, sectionPath, tagPath, type Content, type Story } from '@/lib/content';
import { absoluteUrl, site } from '@/lib/site';

export const NEWS_SITEMAP_PATH = '/news-sitemap.xml';

const ownCanonical = (story: Story) => !story.canonicalUrl;

/** Every page of the site, with the time its content last changed. */
export function sitemapEntries(content: Pick<Content, 'stories' | 'sections' | 'authors' | 'tags'>): MetadataRoute.Sitemap {
  const stories = content.stories.filter(ownCanonical);
  const listing = (path: string, listed: Story[]) => ({ url: absoluteUrl(path), lastModified: lastUpdated(listed) });
  return [
    listing('/', stories),
    ...stories.map((s) => ({ url: absoluteUrl(s.path), lastModified: new Date(s.updatedAt) })),
    ...content.sections.map((x) => listing(sectionPath(x.id), stories.filter((s) => s.section.id === x.id))),
    ...content.authors.map((x) => listing(authorPath(x.id), stories.filter((s) => s.authors.some((a) => a.id === x.id)))),
    ...content.tags.map((x) => listing(tagPath(x.id), stories.filter((s) => s.tags.some((t) => t.id === x.id)))),
  ];
}

/** Google News takes articles published in the last two days, at most 1,000 of them. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_MAX_URLS = 1000;

/** The stories a Google News sitemap lists at `now`: posted within the last two days, newest first. */
export function newsSitemapStories(stories: Story[], now: Date): Story[] {
  const t = now.getTime();
  return stories
    .filter(ownCanonical)
    .filter((s) => {
      const posted = Date.parse(s.postedAt);
      return posted <= t && t - posted <= NEWS_WINDOW_MS;
    })
    .sort((a, b) => Date.parse(b.postedAt) - Date.parse(a.postedAt))
    .slice(0, NEWS_MAX_URLS);
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The Google News sitemap at `now` (injected, so the two-day rule can be tested). */
export function newsSitemapXml(stories: Story[], now: Date): string {
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
