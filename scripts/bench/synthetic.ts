/**
 * Synthetic stories for the build-time benchmark: copies of the seed story under new slugs, headlines
 * and times, generated into a temporary project (scripts/lib/temp-project.ts). Never written to content/.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { storyIndexSource, type TempProject } from '../lib/temp-project';

const SEED_MODULE = 'putin-heads-to-pyongyang';
const SEED_POSTED = Date.parse('2024-06-18T08:25:00+09:00');

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A story module: the seed's text and photo, its own slug, headline and an hour's spacing in time. */
export function syntheticStorySource(index: number): string {
  const posted = SEED_POSTED - index * 3_600_000;
  return [
    "import { defineStory } from '../schema';",
    `import seed from './${SEED_MODULE}';`,
    '',
    'export default defineStory({',
    '  ...seed,',
    `  slug: 'synthetic-story-${index}',`,
    `  headline: 'Synthetic story ${index}: ' + seed.headline,`,
    `  postedAt: '${isoSeconds(posted)}',`,
    `  updatedAt: '${isoSeconds(posted + 1_800_000)}',`,
    '});',
    '',
  ].join('\n');
}

/** Replaces the project's stories with `count` synthetic ones (the seed module stays, unlisted, as their source). */
export function writeSyntheticStories(project: TempProject, count: number): void {
  const storiesDir = path.join(project.dir, 'content/stories');
  for (const file of readdirSync(storiesDir)) if (file.startsWith('synthetic-story-')) rmSync(path.join(storiesDir, file));
  const names: string[] = [];
  for (let i = 1; i <= count; i++) {
    names.push(`synthetic-story-${i}`);
    project.write(`content/stories/synthetic-story-${i}.ts`, syntheticStorySource(i));
  }
  project.write('content/stories/index.ts', storyIndexSource(names));
}
