/**
 * What `npm run purge -- --story` bans at the edge: every page a publish of the story refreshes
 * (lib/publish/changes.ts, lib/publish/story-pages.ts), its photos and their resizes, as regular expressions
 * over the edge's stored paths with their query (deploy/varnish/default.vcl bans by them).
 */
import path from 'node:path';
import { buildContent, isScheduled, newestFirst, type FullContent, type Story } from '@/lib/content';
import { formatProblem } from '@/lib/content/model/validate';
import { loadContentSources } from '@/lib/content-check/load-sources';
import { contentChanges, type ChangedStory } from '@/lib/publish/changes';
import { pagesShowingStory } from '@/lib/publish/story-pages';

export interface PurgeTarget {
  /** Why: which page of the site this is. */
  label: string;
  /** Anchored regular expression over stored paths with their query (`/sections/x/page/2`, `/_next/image?q=75&url=…`). */
  pattern: string;
  /** For a target that bans one page: its path. */
  path?: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A page and everything under it (its numbered pages, its card), with or without a query. */
const pageAndBelow = (p: string) => `^${escape(p)}([/?]|$)`;
/** Exactly one path, with or without a query. */
const exactly = (p: string) => `^${escape(p)}(\\?|$)`;
const onePage = (label: string, p: string): PurgeTarget => ({ label, pattern: exactly(p), path: p });
/** A month's sitemap and its numbered parts (`/sitemaps/2024-06-2.xml`). */
const sitemapParts = (p: string) => `^${escape(p.replace(/\.xml$/, ''))}(-[0-9]+)?\\.xml(\\?|$)`;

const storyPhotos = (story: Story) => [
  story.leadPhoto.src,
  ...story.body.flatMap((b) => (b.type === 'photo' ? [b.photo.src] : [])),
];

const photoTargets = (story: Story): PurgeTarget[] =>
  storyPhotos(story).flatMap((src) => [
    onePage(`photo ${src}`, src),
    // Resizes: the edge sorts the query, so url= may sit anywhere in it.
    { label: `resized ${src}`, pattern: `^/_next/image\\?(.*&)?url=${escape(encodeURIComponent(src))}(&|$)` },
  ]);

/**
 * Every path a publish of the story refreshes (lib/publish/changes.ts): the published content without it, then
 * with it. Scored as if published: a story being unpublished still sits on the pages that listed it.
 */
function refreshedPaths(story: Story, content: FullContent): string[] {
  const placed = (s: Story): ChangedStory => ({
    slug: s.slug,
    postedAt: s.postedAt,
    section: s.section.id,
    authors: s.authors.map((a) => a.id),
    tags: s.tags.map((t) => t.id),
    hash: '',
  });
  const others = content.stories.filter((o) => !o.draft && !isScheduled(o) && o.slug !== story.slug);
  const records = { authors: content.authors, sections: content.sections, tags: content.tags, images: {} };
  const before = { ...records, stories: others.map(placed) };
  const after = { ...records, stories: [...others, story].sort(newestFirst).map(placed) };
  return contentChanges(before, after).paths;
}

/** The purge targets for one story of the content; undefined when no story has that slug. */
export function storyPurgeTargets(content: FullContent, slug: string): PurgeTarget[] | undefined {
  const story = content.stories.find((s) => s.slug === slug);
  if (!story) return undefined;
  const pages = pagesShowingStory({
    ...story,
    section: story.section.id,
    authors: story.authors.map((a) => a.id),
    tags: story.tags.map((t) => t.id),
  });
  // Broad patterns first: a listing's every numbered page (as many as ever were), a month sitemap's parts.
  const targets = [
    { label: 'story page, card and crops', pattern: pageAndBelow(story.path) },
    ...pages.listings.map((p) => ({ label: `${p} and its numbered pages`, pattern: pageAndBelow(p) })),
    { label: `${pages.monthSitemap} and its parts`, pattern: sitemapParts(pages.monthSitemap) },
    { label: 'search index', pattern: '^/pagefind/' },
    ...refreshedPaths(story, content).map((p) => onePage(p, p)),
    ...photoTargets(story),
  ];
  // One ban per pattern, and none for a page a broader pattern already covers (a section's feed, the search entry).
  const covered = ({ path, pattern }: PurgeTarget) =>
    path !== undefined && targets.some((other) => other.pattern !== pattern && new RegExp(other.pattern).test(path));
  return targets.filter((t, i) => targets.findIndex((o) => o.pattern === t.pattern) === i && !covered(t));
}

/** The purge targets of these stories, from the content as it is now (drafts too: unpublishing needs a purge). */
export async function purgeTargetsForStories(slugs: string[], root: string): Promise<PurgeTarget[]> {
  const { sources, problems } = await loadContentSources(root);
  if (problems.length) throw new Error(`The content cannot be read:\n${problems.map(formatProblem).join('\n')}`);
  const content = await buildContent(sources, {
    publicDir: path.join(root, 'public'),
    visibility: { now: new Date(), includeDrafts: true, includeScheduled: true },
  });
  return slugs.flatMap((slug) => {
    const targets = storyPurgeTargets(content, slug);
    if (targets) return targets;
    const known = content.stories.map((s) => s.slug);
    throw new Error(
      `No story with the slug "${slug}" in content/stories (slugs: ${known.slice(0, 5).join(', ')}${known.length > 5 ? ', …' : ''})`,
    );
  });
}
