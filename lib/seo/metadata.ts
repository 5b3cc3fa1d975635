/**
 * Page metadata for Next's metadata API, one builder per kind of page. Every URL is absolute on the
 * canonical origin. Next merges metadata shallowly (a page's `alternates` or `openGraph` replaces the
 * layout's whole object), so each builder sets the shared parts too: feeds, site name, locale.
 */
import type { Metadata } from 'next';
import {
  authorPath,
  liveFeedPath,
  modifiedAt,
  sectionPath,
  tagPath,
  type Author,
  type Section,
  type Story,
  type Tag,
} from '@/lib/content';
import { listingPagePath } from '@/lib/content/read/listings';
import { absoluteUrl, site } from '@/lib/site';

export const SITE_FEED_PATH = '/feed.xml';
export const sectionFeedPath = (id: string) => `${sectionPath(id)}/feed.xml`;

/**
 * What every indexable page tells crawlers (set once in the root layout): index and follow as before, and
 * allow large image previews, full snippets and video previews, as large news sites do. Google Discover
 * and News show a story's photo large only with max-image-preview:large. Pages that must stay out of
 * the index (not-found, search, dev previews) set their own `robots`, which replaces this one.
 */
export const SITE_ROBOTS = {
  index: true,
  follow: true,
  'max-image-preview': 'large',
  'max-snippet': -1,
  'max-video-preview': -1,
} satisfies Metadata['robots'];

type Feed = { url: string; title: string };

/** The feeds a page advertises with <link rel="alternate" type="application/rss+xml">. */
function feeds(extra: Feed[] = []): NonNullable<Metadata['alternates']>['types'] {
  return {
    'application/rss+xml': [{ url: absoluteUrl(SITE_FEED_PATH), title: `${site.name}: latest stories` }, ...extra],
  };
}

interface PageMetadataInput {
  /** Site path of the page, e.g. /sections/north-korea */
  path: string;
  /** The page's own title; the layout's template adds the site name. Absent for the front page. */
  title?: string;
  description: string;
  extraFeeds?: Feed[];
  /** Page 2 onwards of a paginated listing: its own URL (…/page/n) is its canonical, its title says which page. */
  page?: number;
}

/** Metadata for a page that is not a story: front, section, author, tag and archive pages. */
export function pageMetadata({
  path: listingPath,
  title: listingTitle,
  description,
  extraFeeds,
  page = 1,
}: PageMetadataInput): Metadata {
  const path = listingPagePath(listingPath, page);
  const title = listingTitle && page > 1 ? `${listingTitle} (page ${page})` : listingTitle;
  const url = absoluteUrl(path);
  const fullTitle = title ? `${title} | ${site.name}` : site.name;
  return {
    ...(title ? { title } : { title: { absolute: site.name } }),
    description,
    alternates: { canonical: url, types: feeds(extraFeeds) },
    openGraph: { type: 'website', url, siteName: site.name, locale: site.locale, title: fullTitle, description },
    twitter: { card: 'summary', title: fullTitle, description },
  };
}

export const frontPageMetadata = (): Metadata => pageMetadata({ path: '/', description: site.description });

export const sectionMetadata = (section: Section, page = 1): Metadata =>
  pageMetadata({
    page,
    path: sectionPath(section.id),
    title: section.name,
    description: section.description,
    extraFeeds: [{ url: absoluteUrl(sectionFeedPath(section.id)), title: `${site.name}: ${section.name}` }],
  });

export const authorMetadata = (author: Author, page = 1): Metadata =>
  pageMetadata({ page, path: authorPath(author.id), title: author.name, description: author.bio });

export const tagMetadata = (tag: Tag, page = 1): Metadata =>
  pageMetadata({
    page,
    path: tagPath(tag.id),
    title: tag.name,
    description: `${site.name} stories about ${tag.name}.`,
  });

/**
 * A story's metadata. Editors' overrides win over the defaults: seoTitle (search title), socialTitle and
 * socialDescription (link previews), canonicalUrl (a syndicated story points search engines at the original).
 * The card image and its alt come from the route's opengraph-image file; Next adds them to og and twitter.
 */
export function storyMetadata(story: Story): Metadata {
  const canonical = story.canonicalUrl ?? absoluteUrl(story.path);
  const socialTitle = story.socialTitle ?? story.headline;
  const socialDescription = story.socialDescription ?? story.summary;
  return {
    title: story.seoTitle ?? story.headline,
    description: story.summary,
    authors: story.authors.map((a) => ({ name: a.name, url: absoluteUrl(authorPath(a.id)) })),
    keywords: story.tags.map((t) => t.name),
    alternates: {
      canonical,
      types: feeds([
        { url: absoluteUrl(sectionFeedPath(story.section.id)), title: `${site.name}: ${story.section.name}` },
        // Live coverage: the feed of its updates, newest first (app/stories/[slug]/feed.xml).
        ...(story.live
          ? [{ url: absoluteUrl(liveFeedPath(story.slug)), title: `${story.headline}: live updates` }]
          : []),
      ]),
    },
    openGraph: {
      type: 'article',
      url: canonical,
      siteName: site.name,
      locale: site.locale,
      title: socialTitle,
      description: socialDescription,
      publishedTime: story.postedAt,
      // A live story's newest update (or its correction or withdrawal): modifiedAt follows it.
      modifiedTime: modifiedAt(story),
      authors: story.authors.map((a) => absoluteUrl(authorPath(a.id))),
      section: story.section.name,
      tags: story.tags.map((t) => t.name),
    },
    twitter: { card: 'summary_large_image', title: socialTitle, description: socialDescription },
  };
}
