/**
 * The Pagefind index of a set of stories, written by scripts/operators/search-index.ts: one record per story,
 * searched by its text without stop words, shown with headline, date, summary and section, filtered by
 * section (docs/development/search.md; why Pagefind: decision 0007; how it is cut: index-settings.ts).
 */
import { rmSync } from 'node:fs';
import * as pagefind from 'pagefind';
import type { Story } from '@/lib/content';
import { blockText } from '@/lib/content/model/body-text';
import { allBlocks } from '@/lib/content/model/live';
import { site } from '@/lib/site';
import { formatKstDate } from '@/lib/time';
import { searchIndexEnvironment } from './index-settings';
import { withoutStopWords } from './stop-words';

/** Records go to Pagefind's process over a pipe in batches, so 10,000 stories do not queue 10,000 promises at once. */
const BATCH = 200;

/** Everything a reader might search a story by, as plain text. */
export function searchText(story: Story): string {
  return [
    story.headline,
    story.summary,
    // A live story's updates too (not withdrawn ones), and their titles: search finds an update's words.
    ...allBlocks(story).map(blockText),
    ...(story.updates ?? []).flatMap((update) => (update.title && !update.withdrawn ? [update.title] : [])),
    ...story.authors.map((a) => a.name),
    ...story.tags.map((t) => t.name),
    story.section.name,
  ].join('\n');
}

/** A story's Pagefind record. */
function searchRecord(story: Story) {
  return {
    url: story.path,
    // Without stop words: they match nearly every story, so their index chunks would be the largest a query loads.
    content: withoutStopWords(searchText(story)),
    language: site.language,
    meta: {
      title: story.headline,
      date: story.postedAt,
      dateLabel: formatKstDate(story.postedAt),
      summary: story.summary,
      section: story.section.name,
    },
    filters: { section: [story.section.name] },
  };
}

/** Writes the index of `stories` into `out` (replacing what is there). */
export async function writeSearchIndex(stories: Story[], out: string): Promise<void> {
  // Pagefind's service reads its settings from the environment when it starts (createIndex starts it).
  Object.assign(process.env, searchIndexEnvironment(process.env));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: site.language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (let i = 0; i < stories.length; i += BATCH) {
    const batch = stories.slice(i, i + BATCH);
    const results = await Promise.all(batch.map((story) => index.addCustomRecord(searchRecord(story))));
    const failed = results.flatMap((r) => r.errors);
    if (failed.length > 0) throw new Error(`Pagefind rejected a record: ${failed.join('; ')}`);
  }
  rmSync(out, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  await pagefind.close();
}
