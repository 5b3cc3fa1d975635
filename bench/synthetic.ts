/**
 * Synthetic stories for the build-time benchmark: copies of the seed story under new slugs, headlines
 * and times, generated into a temporary project (test/support/temp-project.ts). Never written to content/.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import seed from '@/content/stories/2024/06/putin-heads-to-pyongyang';
import { storyFilePath } from '@/lib/content/model/validate';
import { storyFiles } from '../lib/content-check/load-sources';
import type { TempProject } from '../test/support/temp-project';

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
  return `import { defineStory } from '@/content/schema';\n\nexport default defineStory(${JSON.stringify(story, null, 2)});\n`;
}

/**
 * Leaves the project with `count` stories: the seed (kept, since scripts/ import it) and `count - 1`
 * synthetic ones, each in its year/month folder (the content check finds them there).
 */
export function writeSyntheticStories(project: TempProject, count: number): void {
  for (const file of storyFiles(project.dir))
    if (path.basename(file).startsWith('synthetic-story-')) rmSync(path.join(project.dir, file));
  for (let i = 2; i <= count; i++) {
    const posted = isoSeconds(SEED_POSTED - i * 3_600_000);
    project.write(storyFilePath(`synthetic-story-${i}`, posted), syntheticStorySource(i));
  }
}
