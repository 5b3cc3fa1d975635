/**
 * The content API for pages: validated, resolved (references to records, image sizes read from the
 * files) and filtered to what may be published. Loaded once per process.
 */
import path from 'node:path';
import authorRecords from '@/content/authors';
import sectionRecords from '@/content/sections';
import storyModules from '@/content/stories';
import tagRecords from '@/content/tags';
import type { Author, PhotoInput, Section, StoryRecord, Tag } from '@/content/schema';
import { formatProblem, validateContent, type ContentSources, type ImageSize } from './validate';

export type { Author, Section, Tag };

export interface Photo extends ImageSize {
  src: string;
  /** Empty for a decorative image. */
  alt: string;
  caption: string;
  credit: string;
}

export type StoryBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'pullQuote'; text: string; speaker: string; role: string }
  | { type: 'photo'; photo: Photo };

export interface Story extends Omit<StoryRecord, 'authors' | 'section' | 'tags' | 'leadPhoto' | 'body'> {
  /** Site path of the story page, e.g. /stories/putin-heads-to-pyongyang */
  path: string;
  authors: Author[];
  section: Section;
  tags: Tag[];
  leadPhoto: Photo;
  body: StoryBlock[];
}

export interface Content {
  /** Published stories, newest first. */
  stories: Story[];
  authors: Author[];
  sections: Section[];
  tags: Tag[];
}

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Content has ${problems.length} problem(s):\n${problems.map((p) => `  ✖ ${p}`).join('\n')}\nRun "npm run content:check" for details.`);
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

export interface VisibilityOptions {
  now: Date;
  /** Show stories marked draft: true (development only). */
  includeDrafts: boolean;
  /** Show stories whose publishAt is still to come (development only, for previewing them). */
  includeScheduled: boolean;
}

/** Drafts and scheduled stories only where the options allow; otherwise a scheduled story once its time has come. */
export function isVisible(story: Pick<StoryRecord, 'draft' | 'publishAt'>, options: VisibilityOptions): boolean {
  if (story.draft && !options.includeDrafts) return false;
  if (isScheduled(story, options.now) && !options.includeScheduled) return false;
  return true;
}

/** True while a story's publishAt is in the future. */
export const isScheduled = (story: Pick<StoryRecord, 'publishAt'>, now: Date = new Date()): boolean =>
  !!story.publishAt && Date.parse(story.publishAt) > now.getTime();

/**
 * What this process may show. A production build (and `next start`) never includes drafts or stories
 * scheduled after the build; `next dev` shows everything, with banners, so editors can preview.
 */
export const productionVisibility = (): VisibilityOptions => {
  const development = process.env.NODE_ENV !== 'production';
  // "Now" is when the site was built (next.config.js bakes SITE_BUILT_AT in): story pages exist only for the
  // stories visible then, so a route re-rendered later (the news sitemap) must not list a story that went
  // live after the build and has no page yet.
  const builtAt = process.env.SITE_BUILT_AT;
  return { now: builtAt ? new Date(builtAt) : new Date(), includeDrafts: development, includeScheduled: development };
};

export function defaultSources(): ContentSources {
  return {
    // The registry holds plain imports; the CLI checks file names, here the slug names the file.
    stories: storyModules.map((data) => ({ file: `content/stories/${(data as { slug?: string }).slug ?? '?'}.ts`, data })),
    authors: { file: 'content/authors.ts', data: authorRecords },
    sections: { file: 'content/sections.ts', data: sectionRecords },
    tags: { file: 'content/tags.ts', data: tagRecords },
  };
}

export async function buildContent(
  sources: ContentSources,
  options: { publicDir: string; visibility: VisibilityOptions },
): Promise<Content> {
  const { problems, content } = await validateContent(sources, { publicDir: options.publicDir });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ContentError(errors.map(formatProblem));

  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((r) => [r.id, r]));
  const authors = byId(content.authors);
  const sections = byId(content.sections);
  const tags = byId(content.tags);
  const photo = (p: PhotoInput): Photo => {
    const size = content.images.get(p.src)!;
    return { src: p.src, alt: p.decorative ? '' : (p.alt ?? ''), caption: p.caption, credit: p.credit, ...size };
  };

  const stories = content.stories
    .map(({ story }) => story)
    .filter((story) => isVisible(story, options.visibility))
    .map(
      (story): Story => ({
        ...story,
        path: storyPath(story.slug),
        authors: story.authors.map((id) => authors.get(id)!),
        section: sections.get(story.section)!,
        tags: story.tags.map((id) => tags.get(id)!),
        leadPhoto: photo(story.leadPhoto),
        body: story.body.map((block) => (block.type === 'photo' ? { type: 'photo', photo: photo(block.photo) } : block)),
      }),
    )
    .sort((a, b) => Date.parse(b.postedAt) - Date.parse(a.postedAt));

  return { stories, authors: content.authors, sections: content.sections, tags: content.tags };
}

let loaded: Promise<Content> | undefined;

/** The site's content, validated once per process. */
export function getContent(): Promise<Content> {
  loaded ??= buildContent(defaultSources(), {
    publicDir: path.join(process.cwd(), 'public'),
    visibility: productionVisibility(),
  });
  return loaded;
}

export async function getStory(slug: string): Promise<Story | undefined> {
  return (await getContent()).stories.find((s) => s.slug === slug);
}

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
