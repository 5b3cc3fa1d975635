/**
 * What a corrected story needs purged from the edge: every URL the story's text, headline, photo or
 * date appears on. Each rule names the route it depends on (a folder under app/) and is used only when
 * that route exists, so adding a kind of page means adding one rule here. Targets are regular expressions
 * over the edge's stored paths (deploy/varnish/default.vcl bans by them), so a rule covers every page of a
 * paginated listing and every query variant without knowing how many there are.
 */
import { isScheduled, newestFirst, type FullContent, type Story } from '@/lib/content';
import { ARCHIVE_PATH, relatedStories } from '@/lib/content/read/listings';
import { kstYearMonth } from '@/lib/time';

export interface PurgeTarget {
  /** Why: which page of the site this is. */
  label: string;
  /** Anchored regular expression over stored paths with their query (`/sections/x/page/2`, `/_next/image?q=75&url=…`). */
  pattern: string;
}

interface PurgeRule {
  /** The route folder under app/ this rule is for; the rule applies only when it exists. */
  route: string;
  targets(story: Story, content: FullContent): PurgeTarget[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A page and everything under it (its pages `/page/n`, its feed, its card), with or without a query. */
const pageAndBelow = (path: string) => `^${escape(path)}([/?]|$)`;
/** Exactly one path, with or without a query. */
const exactly = (path: string) => `^${escape(path)}(\\?|$)`;

/** Year and two-digit month of posting in Seoul, as the archive and the monthly sitemaps file it. */
function postedMonth(story: Story): { year: number; month: string } {
  const { year, month } = kstYearMonth(story.postedAt);
  return { year, month: String(month).padStart(2, '0') };
}

const storyPhotos = (story: Story) => [
  story.leadPhoto.src,
  ...story.body.flatMap((b) => (b.type === 'photo' ? [b.photo.src] : [])),
];

export const STORY_PURGE_RULES: PurgeRule[] = [
  // The page, its Open Graph card (a hashed name under the story) and its photo crops.
  { route: 'stories/[slug]', targets: (s) => [{ label: 'story page, card and crops', pattern: pageAndBelow(s.path) }] },
  {
    route: '.',
    targets: (s) =>
      storyPhotos(s).flatMap((src) => [
        { label: `photo ${src}`, pattern: exactly(src) },
        // Resizes: the edge sorts the query, so url= may sit anywhere in it.
        { label: `resized ${src}`, pattern: `^/_next/image\\?(.*&)?url=${escape(encodeURIComponent(src))}(&|$)` },
      ]),
  },
  {
    // Other stories that list this one at their foot (its headline and photo appear there).
    route: 'stories/[slug]',
    targets: (s, content) => {
      const published = content.stories.filter((other) => !other.draft && !isScheduled(other));
      // Scored as if published: a story being unpublished still sits at the foot of the pages that listed it.
      const pool = published.includes(s) ? published : [...published, s].sort(newestFirst);
      return published
        .filter((other) => other.slug !== s.slug && relatedStories(pool, other).some((r) => r.slug === s.slug))
        .map((other) => ({ label: `related: ${other.slug}`, pattern: exactly(other.path) }));
    },
  },
  { route: 'page.tsx', targets: () => [{ label: 'front page', pattern: `^/(page/[0-9]+/?)?(\\?|$)` }] },
  {
    route: 'sections/[section]',
    targets: (s) => [
      { label: `section ${s.section.id}, its pages and feed`, pattern: pageAndBelow(`/sections/${s.section.id}`) },
    ],
  },
  {
    route: 'authors/[author]',
    targets: (s) =>
      s.authors.map((a) => ({ label: `author ${a.id} and pages`, pattern: pageAndBelow(`/authors/${a.id}`) })),
  },
  {
    route: 'tags/[tag]',
    targets: (s) => s.tags.map((t) => ({ label: `tag ${t.id} and pages`, pattern: pageAndBelow(`/tags/${t.id}`) })),
  },
  { route: 'feed.xml', targets: () => [{ label: 'site feed', pattern: exactly('/feed.xml') }] },
  { route: 'sitemap.xml', targets: () => [{ label: 'sitemap (or sitemap index)', pattern: exactly('/sitemap.xml') }] },
  { route: 'sitemap.ts', targets: () => [{ label: 'sitemap', pattern: exactly('/sitemap.xml') }] },
  {
    route: 'news-sitemap.xml',
    targets: () => [{ label: 'Google News sitemap', pattern: exactly('/news-sitemap.xml') }],
  },
  {
    route: 'sitemaps/[file]',
    targets: (s) => {
      const { year, month } = postedMonth(s);
      return [
        { label: 'pages sitemap', pattern: exactly('/sitemaps/pages.xml') },
        { label: `story sitemap ${year}-${month}`, pattern: `^/sitemaps/${year}-${month}(-[0-9]+)?\\.xml(\\?|$)` },
      ];
    },
  },
  {
    route: 'archive',
    targets: (s) => {
      const { year, month } = postedMonth(s);
      return [
        {
          label: `archive, ${year} and ${year}/${month} with its pages`,
          pattern: `^${escape(ARCHIVE_PATH)}(/${year}(/${month}(/page/[0-9]+)?)?)?/?(\\?|$)`,
        },
      ];
    },
  },
  {
    route: 'search',
    targets: () => [
      { label: 'search page', pattern: pageAndBelow('/search') },
      { label: 'search index', pattern: '^/pagefind/' },
    ],
  },
];

/**
 * The purge targets for one story, from the content (its section, authors, tags, photos, month) and the
 * routes that exist (`routeExists('archive')` for app/archive). Undefined when no story has that slug.
 */
export function storyPurgeTargets(
  content: FullContent,
  slug: string,
  routeExists: (route: string) => boolean,
): PurgeTarget[] | undefined {
  const story = content.stories.find((s) => s.slug === slug);
  if (!story) return undefined;
  const seen = new Set<string>();
  return STORY_PURGE_RULES.filter((rule) => routeExists(rule.route))
    .flatMap((rule) => rule.targets(story, content))
    .filter((target) => !seen.has(target.pattern) && seen.add(target.pattern));
}
