/**
 * The content API for pages: validated, resolved (references to records, image sizes read from the
 * files) and filtered to what may be published.
 *
 * A production server never loads every story's text, nor any story module: listings come from the content
 * snapshot it serves (lib/content/serving/served-content.ts: the build's or the last published one, validated before it was
 * written), and a story's record is read only when its page, card or crops are rendered. Under next dev and in scripts, every story module
 * is loaded and validated on each request instead, so an edit shows at once.
 */
import path from 'node:path';
import { cache } from 'react';
import authorRecords from '@/content/authors';
import sectionRecords from '@/content/sections';
import { storyModules } from '@/content/stories/index.generated';
import tagRecords from '@/content/tags';
import {
  type Author,
  type FocalPoint,
  type PhotoInput,
  type Section,
  type StoryRecord,
  type Tag,
} from '@/content/schema';
import { site } from '@/lib/site';
import { embargoesLifted, liveListing, liveRecord, visibleAt } from './serving/served-content';
import { sharedWeakMap } from './serving/shared-memo';
import type { SnapshotListing } from './storage/snapshot';
import { isVisible, productionVisibility, type VisibilityOptions } from './model/visibility';
import type { Content, ListedStoryRecord, Photo, Story, StoryBlock, StorySummary } from './model/types';
import { formatProblem, validateContent, type ContentSources, type ImageFile } from './model/validate';

export type { Author, FocalPoint, Section, Tag };
export type { Content, LinkedStory, ListedStoryRecord, Photo, Story, StoryBlock, StorySummary } from './model/types';

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Content has ${problems.length} problem(s):\n${problems.map((p) => `  ✖ ${p}`).join('\n')}\nRun "npm run content:check" for details.`,
    );
    this.name = 'ContentError';
  }
}

export const storyPath = (slug: string) => `/stories/${slug}`;

/** The latest updatedAt among the stories: when a list of them last changed. */
export const lastUpdated = (stories: Pick<Story, 'updatedAt'>[]): Date | undefined =>
  stories.length ? new Date(Math.max(...stories.map((s) => Date.parse(s.updatedAt)))) : undefined;
export const sectionPath = (id: string) => `/sections/${id}`;
export const authorPath = (id: string) => `/authors/${id}`;
export const tagPath = (id: string) => `/tags/${id}`;

export { isScheduled, isVisible, productionVisibility, type VisibilityOptions } from './model/visibility';

const production = () => process.env.NODE_ENV === 'production';

/** Every story module (through the generated index), with the authors, sections and tags, as unchecked sources. */
export async function loadDefaultSources(): Promise<ContentSources> {
  const stories = await Promise.all(
    Object.entries(storyModules).map(async ([file, load]) => ({ file, data: (await load()).default })),
  );
  return {
    stories,
    authors: { file: 'content/authors.ts', data: authorRecords },
    sections: { file: 'content/sections.ts', data: sectionRecords },
    tags: { file: 'content/tags.ts', data: tagRecords },
  };
}

interface Records {
  authors: Map<string, Author>;
  sections: Map<string, Section>;
  tags: Map<string, Tag>;
  images: ReadonlyMap<string, ImageFile> | Record<string, ImageFile>;
}

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((r) => [r.id, r]));

function resolvePhoto(p: PhotoInput, images: Records['images']): Photo {
  const size = images instanceof Map ? images.get(p.src) : (images as Record<string, ImageFile>)[p.src];
  return {
    src: p.src,
    alt: p.decorative ? '' : (p.alt ?? ''),
    caption: p.caption,
    credit: p.credit,
    ...size!,
    ...(p.focalPoint ? { focalPoint: p.focalPoint } : {}),
  };
}

function resolveSummary(story: Omit<ListedStoryRecord, 'file'>, file: string, records: Records): StorySummary {
  return {
    ...story,
    file,
    path: storyPath(story.slug),
    authors: story.authors.map((id) => records.authors.get(id)!),
    section: records.sections.get(story.section)!,
    tags: story.tags.map((id) => records.tags.get(id)!),
    leadPhoto: resolvePhoto(story.leadPhoto, records.images),
  };
}

/**
 * Body blocks as pages render them: photos with their size, story links with their target (a link to a
 * story not published here, e.g. still scheduled, is left out: content:check refuses one that does not exist).
 */
function resolveBody(
  body: StoryRecord['body'],
  records: Records,
  linked: (slug: string) => StorySummary | undefined,
): StoryBlock[] {
  return body.flatMap((block): StoryBlock[] => {
    if (block.type === 'photo') return [{ type: 'photo', photo: resolvePhoto(block.photo, records.images) }];
    if (block.type !== 'storyLink') return [block];
    const target = linked(block.slug);
    if (!target) return [];
    const { headline, path, postedAt, leadPhoto } = target;
    return [{ type: 'storyLink', slug: block.slug, story: { headline, path, postedAt, leadPhoto } }];
  });
}

function resolveStory(
  story: StoryRecord,
  file: string,
  records: Records,
  linked: (slug: string) => StorySummary | undefined,
): Story {
  return { ...resolveSummary(story, file, records), body: resolveBody(story.body, records, linked) };
}

/** Sort order of every story list: newest posted first. */
export const newestFirst = (a: { postedAt: string }, b: { postedAt: string }) =>
  Date.parse(b.postedAt) - Date.parse(a.postedAt);

/** Content whose stories are whole (scripts, tests and next dev: the search index, purge targets). */
export type FullContent = Omit<Content, 'stories'> & { stories: Story[] };

/**
 * Validates the sources; the visible stories in full, newest first, with the records. Any error throws, unless
 * `leaveOutInvalidStories` (next dev): then a story with errors is left out, its problems kept in `invalid`,
 * so a story still being written does not take every other page down. Errors elsewhere still throw.
 */
export async function buildContent(
  sources: ContentSources,
  options: { publicDir: string; visibility: VisibilityOptions; leaveOutInvalidStories?: boolean },
): Promise<FullContent & { invalid?: Map<string, string[]> }> {
  const { problems, content } = await validateContent(sources, { publicDir: options.publicDir });
  const errors = problems.filter((p) => p.severity === 'error');
  const storyFiles = new Set(sources.stories.map((s) => s.file));
  const invalid = new Map<string, string[]>();
  if (options.leaveOutInvalidStories && errors.every((p) => storyFiles.has(p.file))) {
    for (const p of errors) invalid.set(p.file, [...(invalid.get(p.file) ?? []), formatProblem(p)]);
    content.stories = content.stories.filter(({ file }) => !invalid.has(file));
  } else if (errors.length > 0) throw new ContentError(errors.map(formatProblem));
  const records: Records = {
    authors: byId(content.authors),
    sections: byId(content.sections),
    tags: byId(content.tags),
    images: content.images,
  };
  const visible = content.stories.filter(({ story }) => isVisible(story, options.visibility));
  const summaries = new Map(visible.map(({ file, story }) => [story.slug, resolveSummary(story, file, records)]));
  const stories = visible
    .map(({ file, story }) => resolveStory(story, file, records, (slug) => summaries.get(slug)))
    .sort(newestFirst);
  return {
    stories,
    authors: content.authors,
    sections: content.sections,
    tags: content.tags,
    ...(invalid.size ? { invalid } : {}),
  };
}

/** Resolved views of a snapshot listing, one per version and embargo state (stable between publishes). */
interface LiveView {
  key: string;
  content: Content;
  records: Records;
  bySlug: Map<string, StorySummary>;
  hashes: Map<string, string>;
}
const liveViews = sharedWeakMap<SnapshotListing, LiveView>('live-views');

/** What the production server shows at `now`: the snapshot's stories visible then, resolved, newest first. */
export function viewOf(listing: SnapshotListing, now: Date): LiveView {
  const key = `${listing.version}:${embargoesLifted(listing, now)}`;
  const cached = liveViews.get(listing);
  if (cached?.key === key) return cached;
  const records: Records = {
    authors: byId(listing.authors),
    sections: byId(listing.sections),
    tags: byId(listing.tags),
    images: listing.images,
  };
  const visible = visibleAt(listing, now);
  const stories = visible.map(({ file, hash: _hash, ...story }) => resolveSummary(story, file, records));
  const content: Content = { stories, authors: listing.authors, sections: listing.sections, tags: listing.tags };
  const view = {
    key,
    content,
    records,
    bySlug: new Map(stories.map((s) => [s.slug, s])),
    hashes: new Map(visible.map((s) => [s.slug, s.hash])),
  };
  liveViews.set(listing, view);
  return view;
}

const liveView = async () => viewOf(await liveListing(), new Date());

/**
 * Every story of a snapshot visible at `now`, in full (each body read with `record`), newest first: what
 * buildContent gives for the tree the snapshot was made from, without loading or validating it again (the
 * build's search index, scripts/operators/search-index.ts --snapshot).
 */
export async function snapshotStories(
  listing: SnapshotListing,
  now: Date,
  record: (hash: string) => Promise<StoryRecord | undefined>,
): Promise<Story[]> {
  const { content, records, bySlug, hashes } = viewOf(listing, now);
  const stories: Story[] = [];
  // In batches: 10,000 files read at once would hold as many descriptors open.
  const BATCH = 500;
  for (let i = 0; i < content.stories.length; i += BATCH) {
    const batch = content.stories.slice(i, i + BATCH);
    const read = await Promise.all(batch.map((summary) => record(hashes.get(summary.slug)!)));
    batch.forEach((summary, j) => {
      const whole = read[j];
      if (!whole) throw new Error(`content: the snapshot has no record for ${summary.slug}`);
      stories.push(resolveStory(whole, summary.file, records, (linked) => bySlug.get(linked)));
    });
  }
  return stories.sort(newestFirst);
}

/** Everything, validated, once per request under next dev (React's cache); once per call in scripts. */
const loadEverything = cache(async () =>
  buildContent(await loadDefaultSources(), {
    publicDir: path.join(process.cwd(), 'public'),
    visibility: productionVisibility(),
    leaveOutInvalidStories: true,
  }),
);

/**
 * Under next dev: the problems (file › field: what — fix) of the story with this slug when content:check
 * refuses it, so its page can show them; undefined for a valid story, an unknown slug, and always in production.
 */
export async function storyProblems(slug: string): Promise<string[] | undefined> {
  if (production()) return undefined;
  const { invalid } = await loadEverything();
  const file = [...(invalid?.keys() ?? [])].find((f) => path.basename(f).replace(/\.tsx?$/, '') === slug);
  return file ? invalid!.get(file) : undefined;
}

/** The site's published content (stories without their bodies), newest first. */
export async function getContent(): Promise<Content> {
  if (production()) return (await liveView()).content;
  return loadEverything();
}

/** The newest stories, which the build prerenders (site.prerenderStories); any other renders on first request. */
export async function prerenderedStories(): Promise<StorySummary[]> {
  return (await getContent()).stories.slice(0, site.prerenderStories);
}

/** One story in full, or undefined when no published story has this slug. */
export const getStory = cache(async (slug: string): Promise<Story | undefined> => {
  if (!production()) return (await loadEverything()).stories.find((s) => s.slug === slug);
  const { bySlug, records, hashes } = await liveView();
  const summary = bySlug.get(slug);
  if (!summary) return undefined;
  return resolveStory(await liveRecord(hashes.get(slug)!), summary.file, records, (linked) => bySlug.get(linked));
});

export async function getSection(id: string) {
  const content = await getContent();
  const section = content.sections.find((s) => s.id === id);
  return section && { section, stories: content.stories.filter((s) => s.section.id === id) };
}

export async function getAuthor(id: string) {
  const content = await getContent();
  const author = content.authors.find((a) => a.id === id);
  return author && { author, stories: content.stories.filter((s) => s.authors.some((a) => a.id === id)) };
}

export async function getTag(id: string) {
  const content = await getContent();
  const tag = content.tags.find((t) => t.id === id);
  return tag && { tag, stories: content.stories.filter((s) => s.tags.some((t) => t.id === id)) };
}

/** Sections that have at least one published story, for navigation. */
export async function getActiveSections(): Promise<Section[]> {
  const content = await getContent();
  return content.sections.filter((section) => content.stories.some((s) => s.section.id === section.id));
}
