/**
 * A synthetic archive: a copy of the project (test/support/temp-project.ts) whose content is the seed story plus N
 * generated stories varied like a real archive (eight sections, about sixty tags, two dozen authors, ten years), so
 * listings, pagination, related stories and search are exercised for real; the same seed gives the same archive.
 * A few are live coverage with their updates (synthetic-live.ts). Used by `npm run synthetic-archive`, the archive
 * e2e site (e2e/support/archive-site.ts) and the benchmarks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import seedStory from '@/content/stories/2024/06/putin-heads-to-pyongyang';
import type { StoryInput } from '@/content/schema';
import { liveStoryFileOf } from '@/lib/content/model/live';
import { storyFilePath } from '@/lib/content/model/validate';
import { drawPhoto, SYNTHETIC_PHOTO_DIR, SYNTHETIC_PHOTOS } from './synthetic-photos';
import { syntheticContent, type SyntheticOptions } from './synthetic-stories';
import { createTempProject, type TempProject } from './temp-project';

export { addEveryBlockStory, EVERY_BLOCK_SLUG, everyBlockStory } from './every-block-story';
export { SYNTHETIC_PHOTO_DIR, SYNTHETIC_PHOTOS, type PhotoSpec } from './synthetic-photos';
export { prng } from './synthetic-random';
export { kstInstant, syntheticContent, type SyntheticOptions } from './synthetic-stories';
export { STILL_LIVE_UPDATES } from './synthetic-live';

export interface SyntheticStory {
  slug: string;
  headline: string;
  section: string;
  tags: string[];
  authors: string[];
  postedAt: string;
  /** Path from the project root. */
  file: string;
  leadPhoto: { src: string; focalPoint?: { x: number; y: number } };
  draft?: true;
  publishAt?: string;
  /** Live coverage (test/support/synthetic-live.ts): its coverage and how many update files it has. */
  live?: { startedAt: string; endedAt?: string; updates: number };
}

export interface SyntheticManifest {
  /** Stories written, the seed included. */
  count: number;
  seed: number;
  /** Every story, newest first (drafts and the scheduled story are marked). */
  stories: SyntheticStory[];
}

/** The live stories, newest first: the still-live one has no `endedAt`; the longest has the most updates. */
export const liveStories = (manifest: SyntheticManifest) => manifest.stories.filter((s) => s.live);

/** The stories a production build publishes (no drafts, nothing scheduled after `now`), newest first. */
export const publishedStories = (manifest: SyntheticManifest, now = new Date()) =>
  manifest.stories.filter((s) => !s.draft && !(s.publishAt && Date.parse(s.publishAt) > now.getTime()));

export const MANIFEST_FILE = 'synthetic-archive.json';

const moduleSource = (call: string, data: unknown) =>
  `import { ${call} } from '@/content/schema';\n\nexport default ${call}(${JSON.stringify(data, null, 2)});\n`;

/** A story as the manifest lists it (with its count of updates when live). */
function listed(file: string, story: StoryInput, updates = 0): SyntheticStory {
  return {
    slug: story.slug,
    headline: story.headline,
    section: story.section,
    tags: story.tags,
    authors: story.authors,
    postedAt: story.postedAt,
    file,
    leadPhoto: {
      src: story.leadPhoto.src,
      ...(story.leadPhoto.focalPoint ? { focalPoint: story.leadPhoto.focalPoint } : {}),
    },
    ...(story.draft ? { draft: true as const } : {}),
    ...(story.publishAt ? { publishAt: story.publishAt } : {}),
    ...(story.live ? { live: { ...story.live, updates } } : {}),
  };
}

/** Writes every story and update file: folders first, then plain writes (10,000 files in a second or two). */
function writeStories(dir: string, files: { file: string; call: string; data: unknown }[]) {
  const made = new Set<string>();
  for (const { file, call, data } of files) {
    const folder = path.join(dir, path.dirname(file));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(path.join(dir, file), moduleSource(call, data));
  }
}

/** Writes the archive's content into an existing project copy, replacing its authors, sections and tags. */
export async function writeSyntheticContent(
  project: Pick<TempProject, 'dir' | 'write'>,
  options: SyntheticOptions,
): Promise<SyntheticManifest> {
  const { sections, tags, authors, stories, updates } = syntheticContent(options);
  // The seed story's own records stay (it is kept as it is), then the synthetic ones.
  const seedAuthors = (await import('@/content/authors')).default;
  const seedTags = (await import('@/content/tags')).default;
  const mergeById = <T extends { id: string }>(first: T[], second: T[]) => [
    ...new Map([...first, ...second].map((r) => [r.id, r])).values(),
  ];
  project.write('content/sections.ts', moduleSource('defineSections', sections));
  project.write('content/tags.ts', moduleSource('defineTags', mergeById(seedTags, tags)));
  project.write('content/authors.ts', moduleSource('defineAuthors', mergeById(seedAuthors, authors)));

  const photos = await Promise.all(SYNTHETIC_PHOTOS.map(drawPhoto));
  SYNTHETIC_PHOTOS.forEach((spec, i) => project.write(`${SYNTHETIC_PHOTO_DIR}/${spec.file}`, photos[i]!));
  writeStories(project.dir, [
    ...stories.map(({ file, story }) => ({ file, call: 'defineStory', data: story })),
    ...updates.map(({ file, update }) => ({ file, call: 'defineUpdate', data: update })),
  ]);
  const updateCounts = new Map<string, number>();
  for (const { file } of updates) {
    const story = liveStoryFileOf(file);
    updateCounts.set(story, (updateCounts.get(story) ?? 0) + 1);
  }

  const list = [
    listed(storyFilePath(seedStory.slug, seedStory.postedAt), seedStory),
    ...stories.map(({ file, story }) => listed(file, story, updateCounts.get(file))),
  ].sort((a, b) => Date.parse(b.postedAt) - Date.parse(a.postedAt));
  const manifest: SyntheticManifest = { count: list.length, seed: options.seed ?? 20240618, stories: list };
  project.write(MANIFEST_FILE, `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/** A complete copy of the project with a synthetic archive, in `out` (new or empty) or a new temporary folder. */
export async function createSyntheticArchive(
  options: SyntheticOptions & { out?: string },
): Promise<{ project: TempProject; manifest: SyntheticManifest }> {
  const project = createTempProject('aju-archive-', options.out ? path.resolve(options.out) : undefined);
  try {
    return { project, manifest: await writeSyntheticContent(project, options) };
  } catch (error) {
    project.remove();
    throw error;
  }
}
