/**
 * Structured data (schema.org JSON-LD), typed with schema-dts so property names and shapes are checked.
 * Every URL is absolute on the canonical origin.
 */
import type {
  BlogPosting,
  BreadcrumbList,
  LiveBlogPosting,
  NewsArticle,
  NewsMediaOrganization,
  WebSite,
  WithContext,
} from 'schema-dts';
import { authorPath, modifiedAt, sectionPath, updatePath, type Story, type StoryUpdate } from '@/lib/content';
import { updateHeadline, updateText } from '@/lib/content/model/body-text';
import { shownUpdates } from '@/lib/content/model/live';
import { absoluteUrl, site } from '@/lib/site';
import { CROP_RATIOS, photoCropPath } from './photo-crops';

/** The publisher's logo, in public/: square, as Google asks of an organization logo. */
export const LOGO = { path: '/logo.png', width: 512, height: 512 } as const;

const ORGANIZATION_ID = `${site.origin}/#organization`;
const WEBSITE_ID = `${site.origin}/#website`;

function publisher(): NewsMediaOrganization {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': ORGANIZATION_ID,
    name: site.name,
    url: absoluteUrl('/'),
    logo: { '@type': 'ImageObject', url: absoluteUrl(LOGO.path), width: `${LOGO.width}`, height: `${LOGO.height}` },
  };
}

/** The front page's: who publishes the site. */
export const organizationJsonLd = (): WithContext<NewsMediaOrganization> => ({
  '@context': 'https://schema.org',
  ...(publisher() as Exclude<NewsMediaOrganization, string>),
});

/** The front page's: the site itself. */
export const webSiteJsonLd = (): WithContext<WebSite> => ({
  '@context': 'https://schema.org',
  '@type': 'WebSite',
  '@id': WEBSITE_ID,
  name: site.name,
  description: site.description,
  url: absoluteUrl('/'),
  inLanguage: site.language,
  publisher: { '@id': ORGANIZATION_ID },
});

/** A live update as a BlogPosting: its headline, times, words and its own address (its older page's anchor). */
function updatePosting(story: Story, update: StoryUpdate): BlogPosting {
  return {
    '@type': 'BlogPosting',
    headline: updateHeadline(update),
    datePublished: update.postedAt,
    dateModified: update.correction?.date ?? update.postedAt,
    articleBody: updateText(update),
    url: absoluteUrl(updatePath(story.slug, story.updates ?? [], update.id)),
  };
}

/**
 * A live story's coverage (what search engines read for a "LIVE" label): its times, and the updates its page
 * shows as liveBlogUpdate.
 */
function liveCoverage(story: Story & { live: NonNullable<Story['live']> }) {
  return {
    '@type': 'LiveBlogPosting' as const,
    coverageStartTime: story.live.startedAt,
    ...(story.live.endedAt ? { coverageEndTime: story.live.endedAt } : {}),
    liveBlogUpdate: shownUpdates(story.updates ?? []).map((update) => updatePosting(story, update)),
  };
}

/** The story page's structured data: a NewsArticle, or for live coverage a LiveBlogPosting with its updates. */
export function newsArticleJsonLd(story: Story): WithContext<NewsArticle> | WithContext<LiveBlogPosting> {
  const article = newsArticle(story);
  return story.live ? { ...article, ...liveCoverage({ ...story, live: story.live }) } : article;
}

function newsArticle(story: Story): WithContext<NewsArticle> {
  const url = story.canonicalUrl ?? absoluteUrl(story.path);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    description: story.summary,
    // No articleBody: the words are in the page's HTML and its RSC payload already, and search engines read them
    // there (Google's Article data has no such field); a third copy was 2.5 KB of the seed story (decision 0052).
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    image: CROP_RATIOS.map((ratio) => absoluteUrl(photoCropPath(story.path, ratio))),
    datePublished: story.postedAt,
    // The meaningful update (decision 0049), as the page's "Updated" says (live: the newest update's change).
    dateModified: modifiedAt(story),
    author: story.authors.map((a) => ({
      '@type': 'Person',
      name: a.name,
      jobTitle: a.role,
      url: absoluteUrl(authorPath(a.id)),
    })),
    publisher: publisher(),
    articleSection: story.section.name,
    keywords: story.tags.map((t) => t.name),
    inLanguage: site.language,
    isAccessibleForFree: true,
    ...(story.corrections?.length
      ? {
          correction: story.corrections.map((c) => ({
            '@type': 'CorrectionComment' as const,
            text: c.text,
            datePublished: c.date,
          })),
        }
      : {}),
  };
}

/** Trail from the front page to `path`; the last crumb is the page itself. */
export function breadcrumbJsonLd(trail: Array<{ name: string; path: string }>): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [{ name: site.name, path: '/' }, ...trail].map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  };
}

export const storyBreadcrumb = (story: Story) =>
  breadcrumbJsonLd([
    { name: story.section.name, path: sectionPath(story.section.id) },
    { name: story.headline, path: story.path },
  ]);

/**
 * JSON for a <script type="application/ld+json">. `<` becomes \u003c, which JSON parsers read back as `<`,
 * so no content (a headline with "</script>", "<!--") can end the script or start markup.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
