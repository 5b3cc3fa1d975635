import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { blockSchema, storySchema } from '@/content/schema';
import seedStory from '@/content/stories/2024/06/putin-heads-to-pyongyang';
import { buildContent, isVisible, loadDefaultSources, productionVisibility } from '@/lib/content';
import { parseRecord } from '@/lib/content/model/validate';
import { readSeed } from '../e2e/support/seed';

const publicDir = path.resolve(import.meta.dirname, '../public');
const visibility = { now: new Date('2026-01-01T00:00:00Z'), includeDrafts: false, includeScheduled: false };

test('the seed story matches the schema', () => {
  const result = storySchema.safeParse(seedStory);
  assert.equal(result.success, true, JSON.stringify(result.error?.issues));
});

test('the seed story reproduces the source word for word', () => {
  const seed = readSeed();
  assert.equal(seedStory.headline, seed.headline);
  assert.equal(seedStory.leadPhoto.caption, seed.caption);
  assert.equal(seedStory.leadPhoto.credit, seed.credit);
  const paragraphs = seedStory.body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
  const [first, ...rest] = seed.paragraphs;
  assert.equal(first, `SEOUL, June 18 (AJU PRESS) - ${paragraphs[0]}`);
  assert.deepEqual(paragraphs.slice(1), rest);
});

test('body blocks are a discriminated union on type', () => {
  assert.equal(blockSchema.safeParse({ type: 'paragraph', text: 'Words.' }).success, true);
  assert.equal(blockSchema.safeParse({ type: 'pullQuote', text: 'Words.', speaker: 'A', role: 'B' }).success, true);
  assert.equal(blockSchema.safeParse({ type: 'pullQuote', text: 'Words.' }).success, false);
  const unknown = parseRecord('content/stories/x.ts', blockSchema, { type: 'video', url: 'x' });
  assert.equal(unknown.data, undefined);
  assert.match(unknown.problems[0]!.message, /"video" is not one of "paragraph", "pullQuote", "photo", .* or "embed"/);
});

test('times must carry an explicit offset', () => {
  const noOffset = storySchema.safeParse({ ...seedStory, postedAt: '2024-06-18T08:25:00' });
  assert.equal(noOffset.success, false);
  assert.deepEqual(noOffset.error!.issues[0]!.path, ['postedAt']);
});

test('the content API resolves references and reads image sizes from the files', async () => {
  const { stories } = await buildContent(await loadDefaultSources(), { publicDir, visibility });
  const story = stories.find((s) => s.slug === 'putin-heads-to-pyongyang');
  assert.ok(story);
  assert.equal(story.path, '/stories/putin-heads-to-pyongyang');
  assert.deepEqual(
    story.authors.map((a) => a.name),
    ['Park Ung'],
  );
  assert.equal(story.section.name, 'North Korea');
  assert.ok(story.tags.some((t) => t.name === 'Kim Jong-un'));
  assert.equal(story.leadPhoto.width, 2400);
  assert.equal(story.leadPhoto.height, 1600);
  assert.equal(story.body.filter((b) => b.type === 'pullQuote').length, 2);
});

test('stories are listed newest first', async () => {
  const older = {
    ...seedStory,
    slug: 'older-story',
    postedAt: '2024-06-17T08:00:00+09:00',
    updatedAt: '2024-06-17T08:00:00+09:00',
  };
  const sources = await loadDefaultSources();
  sources.stories.push({ file: 'content/stories/2024/06/older-story.ts', data: older });
  const content = await buildContent(sources, { publicDir, visibility });
  assert.deepEqual(
    content.stories.map((s) => s.slug),
    ['putin-heads-to-pyongyang', 'older-story'],
  );
});

test('drafts are hidden unless allowed; scheduled stories until their time', () => {
  const now = new Date('2024-06-18T00:00:00Z');
  const published = { now, includeDrafts: false, includeScheduled: false };
  assert.equal(isVisible({ draft: true }, published), false);
  assert.equal(isVisible({ draft: true }, { ...published, includeDrafts: true }), true);
  assert.equal(isVisible({ publishAt: '2024-06-18T10:00:00+09:00' }, published), false);
  assert.equal(isVisible({ publishAt: '2024-06-18T08:00:00+09:00' }, published), true);
});

test('invalid content stops the build with file › field messages', async () => {
  const sources = await loadDefaultSources();
  sources.stories.push({
    file: 'content/stories/2024/06/broken.ts',
    data: { ...seedStory, slug: 'broken', leadPhoto: { ...seedStory.leadPhoto, alt: undefined } },
  });
  await assert.rejects(buildContent(sources, { publicDir, visibility }), (error: Error) => {
    assert.match(error.message, /content\/stories\/2024\/06\/broken\.ts › leadPhoto\.alt: alt text is missing/);
    return true;
  });
});

test("what is published is judged at the build's time, not when the server starts", () => {
  const saved = process.env.SITE_BUILT_AT;
  try {
    process.env.SITE_BUILT_AT = '2024-06-18T00:00:00+09:00';
    assert.equal(productionVisibility().now.toISOString(), '2024-06-17T15:00:00.000Z');
    // A story scheduled after the build stays hidden however late the server runs.
    const production = { ...productionVisibility(), includeDrafts: false, includeScheduled: false };
    assert.equal(isVisible({ publishAt: '2024-06-19T00:00:00+09:00' }, production), false);
    delete process.env.SITE_BUILT_AT;
    assert.ok(Math.abs(productionVisibility().now.getTime() - Date.now()) < 5_000);
  } finally {
    if (saved === undefined) delete process.env.SITE_BUILT_AT;
    else process.env.SITE_BUILT_AT = saved;
  }
});
