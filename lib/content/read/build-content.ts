/**
 * Content validated and resolved from its source modules (next dev, scripts, tests): what a production
 * server reads from the snapshot instead (./live-view.ts).
 */
import authorRecords from '@/content/authors';
import breakingNewsRecord from '@/content/breaking-news';
import frontsRecord from '@/content/fronts';
import sectionRecords from '@/content/sections';
import { storyModules } from '@/content/stories/index.generated';
import tagRecords from '@/content/tags';
import takedownRecords from '@/content/takedowns';
import { isUpdateFile } from '../model/live';
import { newestFirst } from '../model/paths';
import type { Content, Story } from '../model/types';
import {
  BREAKING_NEWS_FILE,
  formatProblem,
  FRONTS_FILE,
  validateContent,
  type ContentSources,
} from '../model/validate';
import { isVisible, type VisibilityOptions } from '../model/visibility';
import { addressesOf } from '../model/addresses';
import { linkedThrough, recordsOf, resolveStory, resolveSummary } from './resolve';

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Content has ${problems.length} problem(s):\n${problems.map((p) => `  ✖ ${p}`).join('\n')}\nRun "npm run content:check" for details.`,
    );
    this.name = 'ContentError';
  }
}

/** Every story module (through the generated index), with the authors, sections and tags, as unchecked sources. */
export async function loadDefaultSources(): Promise<ContentSources> {
  const modules = await Promise.all(
    Object.entries(storyModules).map(async ([file, load]) => ({ file, data: (await load()).default })),
  );
  return {
    stories: modules.filter(({ file }) => !isUpdateFile(file)),
    updates: modules.filter(({ file }) => isUpdateFile(file)),
    authors: { file: 'content/authors.ts', data: authorRecords },
    sections: { file: 'content/sections.ts', data: sectionRecords },
    tags: { file: 'content/tags.ts', data: tagRecords },
    fronts: { file: FRONTS_FILE, data: frontsRecord },
    breakingNews: { file: BREAKING_NEWS_FILE, data: breakingNewsRecord },
    // The ledger is left out: next dev previews what is being written, and a publish checks it.
    takedowns: { file: 'content/takedowns.ts', data: takedownRecords },
  };
}

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
  const records = recordsOf(content);
  const visible = content.stories.filter(({ story }) => isVisible(story, options.visibility));
  const summaries = new Map(visible.map(({ file, story }) => [story.slug, resolveSummary(story, file, records)]));
  const linked = linkedThrough(
    summaries,
    addressesOf(
      visible.map(({ story }) => story),
      [],
    ).redirects,
  );
  const stories = visible.map(({ file, story }) => resolveStory(story, file, records, linked)).sort(newestFirst);
  const { authors, sections, tags, fronts, breakingNews } = content;
  return { stories, authors, sections, tags, fronts, breakingNews, ...(invalid.size ? { invalid } : {}) };
}
