// A story's own rules beyond its schema: slug and file, times, advised lengths, references to other records.
import path from 'node:path';
import { LENGTH_LIMITS } from '@/content/schema';
import { kstYearMonth, monthName } from '@/lib/time';
import type { KnownIds } from './links';
import { unknownRef, type Report } from './problems';
import { isRecord, isSlug, isTime, textOf, type LooseStory } from './values';

/** Where story files live: content/stories/<year>/<month>/<slug>.ts, year and month of postedAt in Korea. */
export const STORIES_FOLDER = 'content/stories';

/** The path of a story file: content/stories/2024/06/putin-heads-to-pyongyang.ts */
export function storyFilePath(slug: string, postedAt: string, extension = '.ts'): string {
  const { year, month } = kstYearMonth(postedAt);
  return `${STORIES_FOLDER}/${year}/${String(month).padStart(2, '0')}/${slug}${extension}`;
}

/** The slug names the file and no other story; `slugs` holds the file of each slug seen so far. */
export function checkSlug(file: string, story: LooseStory, slugs: Map<string, string>, report: Report): void {
  if (!isSlug(story.slug)) return;
  const expectedSlug = path.basename(file).replace(/\.tsx?$/, '');
  if (story.slug !== expectedSlug) {
    report.error(
      'slug',
      `slug "${story.slug}" does not match the file name — rename the file to ${story.slug}.ts or set slug to "${expectedSlug}"`,
    );
  }
  const other = slugs.get(story.slug);
  if (other)
    report.error('slug', `slug "${story.slug}" is already used by ${other} — choose a different slug (and file name)`);
  else slugs.set(story.slug, file);
}

/** A story file lives in the folder of the month it was posted (in Korea). */
export function checkFolder(file: string, story: LooseStory, report: Report): void {
  if (!isTime(story.postedAt) || !file.startsWith(`${STORIES_FOLDER}/`)) return;
  const expectedSlug = path.basename(file).replace(/\.tsx?$/, '');
  const expected = storyFilePath(expectedSlug, story.postedAt, path.extname(file));
  if (file === expected) return;
  const { year, month } = kstYearMonth(story.postedAt);
  report.error(
    '',
    `is in ${path.dirname(file)}/, but a story lives in the folder of the year and month it was posted (postedAt is ${monthName(month)} ${year} in Korea) — move the file to ${expected}`,
  );
}

/** Posted no earlier than it goes live, updated and corrected no earlier than posted. */
export function checkTimes(story: LooseStory, report: Report): void {
  const { postedAt, publishAt, updatedAt } = story;
  if (isTime(publishAt) && isTime(postedAt) && Date.parse(postedAt) < Date.parse(publishAt)) {
    report.error(
      'postedAt',
      `postedAt (${postedAt}) is before publishAt (${publishAt}), so readers would see a story "posted" before it appeared — set postedAt to "${publishAt}" (the time it goes live), updatedAt no earlier, and move the file to that month's folder if it changes`,
    );
  }
  if (isTime(updatedAt) && isTime(postedAt) && Date.parse(updatedAt) < Date.parse(postedAt)) {
    report.error(
      'updatedAt',
      `updatedAt (${updatedAt}) is before postedAt (${postedAt}) — a story cannot be updated before it is posted; set updatedAt to postedAt or later`,
    );
  }
  // A correction shows "Updated" at its date (decision 0049): never before the story was posted.
  const corrections: unknown[] = Array.isArray(story.corrections) ? story.corrections : [];
  corrections.forEach((correction, i) => {
    const date = isRecord(correction) ? correction.date : undefined;
    if (isTime(date) && isTime(postedAt) && Date.parse(date) < Date.parse(postedAt))
      report.error(
        `corrections[${i}].date`,
        `the correction's date (${date}) is before postedAt (${postedAt}) — a story cannot be corrected before it is posted; write when the correction was made`,
      );
  });
}

/** Warnings for text longer than search results and link cards show (the schema refuses the absurd). */
export function checkLengths(story: LooseStory, report: Report): void {
  for (const field of Object.keys(LENGTH_LIMITS) as (keyof typeof LENGTH_LIMITS)[]) {
    const value = textOf(story[field]);
    const limit = LENGTH_LIMITS[field];
    if (value.length > limit.advised && value.length <= limit.max) {
      report.warning(
        field,
        `${field} is ${value.length} characters long; ${limit.where} — aim for ${limit.advised} or fewer`,
      );
    }
  }
  const searchTitle = LENGTH_LIMITS.seoTitle.advised;
  const headline = textOf(story.headline);
  if (!textOf(story.seoTitle) && headline.length > searchTitle && headline.length <= LENGTH_LIMITS.headline.advised) {
    report.warning(
      'headline',
      `headline is ${headline.length} characters long, too long for search results (about ${searchTitle} are shown) — add a shorter seoTitle; the page keeps the full headline`,
    );
  }
}

/** The section, authors and tags a story names exist. */
export function checkReferences(story: LooseStory, ids: KnownIds, report: Report): void {
  if (isSlug(story.section) && !ids.sections.includes(story.section)) {
    report.error('section', unknownRef('section', story.section, ids.sections, 'content/sections.ts'));
  }
  const refList = (field: 'authors' | 'tags', kind: string, known: string[], registry: string) => {
    const list = story[field];
    if (!Array.isArray(list)) return;
    list.forEach((id, i) => {
      if (isSlug(id) && !known.includes(id)) report.error(`${field}[${i}]`, unknownRef(kind, id, known, registry));
    });
  };
  refList('authors', 'author', ids.authors, 'content/authors.ts');
  refList('tags', 'tag', ids.tags, 'content/tags.ts');
}
