/**
 * A live story with N updates, for tests of everything a live story appears in (test/live-seo.test.ts,
 * test/live-listings.test.ts, e2e/live-everywhere.spec.ts): as files written into a temp project copy
 * (test/support/temp-project.ts) the way an editor writes them, or as the resolved Story pages get.
 */
import seed from '@/content/stories/2024/06/putin-heads-to-pyongyang';
import type { Story, StoryUpdate } from '@/lib/content';
import { storyFilePath } from '@/lib/content/model/validate';

export interface LiveStoryOptions {
  slug: string;
  headline: string;
  /** How many updates, the first one minute after the coverage starts, each `minutesApart` after the last. */
  updates: number;
  startedAt: string;
  minutesApart?: number;
  /** Ends the coverage this many minutes after the last update. */
  endedMinutesAfter?: number;
}

/** One update as written: every even-numbered one has a title; its text carries a word of its own. */
export interface WrittenUpdate {
  id: string;
  postedAt: string;
  title?: string;
  text: string;
}

const minutesAfter = (instant: string, minutes: number) =>
  new Date(Date.parse(instant) + minutes * 60_000).toISOString();

/** A word no other text has, so search finds exactly this update. */
export const updateWord = (slug: string, n: number) => `${slug.replace(/[^a-z]/g, '')}zq${n}`;

/** The updates, oldest first. */
export function writtenUpdates(options: LiveStoryOptions): WrittenUpdate[] {
  return Array.from({ length: options.updates }, (_, i) => {
    const n = i + 1;
    return {
      id: `update-${String(n).padStart(4, '0')}`,
      postedAt: minutesAfter(options.startedAt, 1 + i * (options.minutesApart ?? 5)),
      ...(n % 2 === 0 ? { title: `Update number ${n} has a title` } : {}),
      text: `Reporters at the scene confirm development ${n}: ${updateWord(options.slug, n)} observed near the border.`,
    };
  });
}

function coverage(options: LiveStoryOptions, updates: WrittenUpdate[]) {
  const last = updates.at(-1)?.postedAt ?? options.startedAt;
  return {
    startedAt: options.startedAt,
    ...(options.endedMinutesAfter === undefined ? {} : { endedAt: minutesAfter(last, options.endedMinutesAfter) }),
  };
}

const source = (define: string, data: object) =>
  `import { ${define} } from '@/content/schema';\n\nexport default ${define}(${JSON.stringify(data, null, 2)});\n`;

/** The live story's file and its updates' files as content:check loads them (module path and default export). */
export function liveStorySources(options: LiveStoryOptions) {
  const updates = writtenUpdates(options);
  const file = storyFilePath(options.slug, options.startedAt);
  const story = {
    file,
    data: {
      ...seed,
      slug: options.slug,
      headline: options.headline,
      postedAt: options.startedAt,
      updatedAt: options.startedAt,
      live: coverage(options, updates),
    },
  };
  const updateFiles = updates.map((update) => ({
    file: `${file.replace(/\.ts$/, '')}/${update.id}.ts`,
    data: {
      id: update.id,
      postedAt: update.postedAt,
      ...(update.title ? { title: update.title } : {}),
      body: [{ type: 'paragraph', text: update.text }],
    },
  }));
  return { story, updateFiles, updates };
}

/** Writes the live story (the seed's fields, its own slug and headline) and its update files, as an editor would. */
export function writeLiveStory(project: { write(file: string, text: string): void }, options: LiveStoryOptions) {
  const { story, updateFiles, updates } = liveStorySources(options);
  project.write(story.file, source('defineStory', story.data));
  for (const update of updateFiles) project.write(update.file, source('defineUpdate', update.data));
  return { file: story.file, updates };
}

/** The live story as pages get it, from a resolved story (the seed's): its updates newest first. */
export function liveStory(base: Story, options: LiveStoryOptions): Story {
  const written = writtenUpdates(options);
  const updates: StoryUpdate[] = written
    .map(({ text, ...update }) => ({
      ...update,
      body: [{ type: 'paragraph' as const, text: [{ type: 'text' as const, text }] }],
    }))
    .reverse();
  const newest = updates[0]?.postedAt ?? options.startedAt;
  return {
    ...base,
    slug: options.slug,
    path: `/stories/${options.slug}`,
    headline: options.headline,
    postedAt: options.startedAt,
    // As content:check sets it: the newest update's change.
    updatedAt: newest,
    live: coverage(options, written),
    updates,
    ...(updates[0]
      ? {
          latestUpdate: {
            id: updates[0].id,
            postedAt: updates[0].postedAt,
            ...(updates[0].title ? { title: updates[0].title } : {}),
          },
        }
      : {}),
  };
}
