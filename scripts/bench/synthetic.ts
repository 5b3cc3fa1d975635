/**
 * Synthetic stories for the build-time benchmark: copies of the seed story under new slugs, headlines
 * and times, generated into a temporary project (scripts/lib/temp-project.ts). Never written to content/.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import seed from '@/content/stories/putin-heads-to-pyongyang';
import { storyIndexSource, type TempProject } from '../lib/temp-project';

const SEED_MODULE = 'putin-heads-to-pyongyang';

const SEED_POSTED = Date.parse(seed.postedAt);

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A self-contained story module: the seed's text and photo, its own slug, headline and an hour's spacing in time. */
export function syntheticStorySource(index: number): string {
  const posted = SEED_POSTED - index * 3_600_000;
  const story = {
    ...seed,
    slug: `synthetic-story-${index}`,
    headline: `Synthetic story ${index} heads to Pyongyang`,
    postedAt: isoSeconds(posted),
    updatedAt: isoSeconds(posted + 1_800_000),
  };
  return `import { defineStory } from '../schema';\n\nexport default defineStory(${JSON.stringify(story, null, 2)});\n`;
}

/**
 * Leaves the project with `count` stories: the seed (kept, since scripts/ import it) and `count - 1`
 * synthetic ones, each file listed in the index as the content check requires.
 */
export function writeSyntheticStories(project: TempProject, count: number): void {
  const storiesDir = path.join(project.dir, 'content/stories');
  for (const file of readdirSync(storiesDir)) if (file.startsWith('synthetic-story-')) rmSync(path.join(storiesDir, file));
  const names = [SEED_MODULE];
  for (let i = 2; i <= count; i++) {
    names.push(`synthetic-story-${i}`);
    project.write(`content/stories/synthetic-story-${i}.ts`, syntheticStorySource(i));
  }
  project.write('content/stories/index.ts', storyIndexSource(names));
}
