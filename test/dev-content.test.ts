/**
 * Under next dev a story content:check refuses is left out, with its problems, instead of failing every page
 * (lib/content/index.ts buildContent's leaveOutInvalidStories); a build still refuses it.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { buildContent, ContentError, productionVisibility } from '@/lib/content';
import { freshSeed, mistakes, mistakeSources, SEED_FILE } from '@/test/support/content-mistakes';
import { PROJECT_ROOT } from '@/test/support/temp-project';

const UNFINISHED = 'content/stories/2024/06/unfinished.ts';
const sources = () => {
  const unfinished = { ...freshSeed(), slug: 'unfinished', summary: 'TODO: one or two sentences.', draft: true };
  return mistakeSources({
    ...mistakes[0]!,
    stories: (seed) => [
      { file: SEED_FILE, data: seed },
      { file: UNFINISHED, data: unfinished },
    ],
  });
};
const options = {
  publicDir: path.join(PROJECT_ROOT, 'public'),
  visibility: { ...productionVisibility(), includeDrafts: true },
};

test('a build refuses content with an unfinished story', async () => {
  await assert.rejects(buildContent(sources(), options), ContentError);
});

test('next dev leaves the unfinished story out, keeps its problems, and shows every other story', async () => {
  const content = await buildContent(sources(), { ...options, leaveOutInvalidStories: true });
  assert.deepEqual(
    content.stories.map((s) => s.slug),
    ['putin-heads-to-pyongyang'],
  );
  assert.deepEqual(content.invalid?.get(UNFINISHED), [
    `${UNFINISHED} › summary: summary still says TODO — replace it with the real summary, e.g. "Putin visits Pyongyang for the first time since 2000."`,
  ]);
});

test('an error outside the stories still stops next dev, as every page depends on it', async () => {
  const broken = sources();
  broken.authors = { file: 'content/authors.ts', data: [{ id: 'park-ung' }] };
  await assert.rejects(buildContent(broken, { ...options, leaveOutInvalidStories: true }), ContentError);
});
