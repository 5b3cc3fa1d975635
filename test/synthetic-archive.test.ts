/**
 * The synthetic archive (npm run synthetic-archive) is reproducible, varied like a real archive, and passes
 * every content rule, so tests and benchmarks built on it exercise listings, related stories and search.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { formatProblem, storyFilePath, validateContent } from '@/lib/content/validate';
import { kstYearMonth } from '@/lib/time';
import { syntheticContent, writeSyntheticContent } from '@/scripts/lib/synthetic-archive';

test('the same options give the same archive; another seed another one', () => {
  assert.deepEqual(syntheticContent({ stories: 200 }), syntheticContent({ stories: 200 }));
  assert.notDeepEqual(syntheticContent({ stories: 200 }).stories[0], syntheticContent({ stories: 200, seed: 7 }).stories[0]);
});

test('stories vary in section, tags, authors, dates over ten years, headlines and body words', () => {
  const { stories, sections, tags, authors } = syntheticContent({ stories: 1000 });
  assert.equal(stories.length, 999, 'the seed story is the thousandth');
  const used = <T,>(pick: (s: (typeof stories)[number]['story']) => T[]) => new Set(stories.flatMap(({ story }) => pick(story)));
  assert.equal(used((s) => [s.section]).size, sections.length);
  assert.ok(used((s) => s.tags).size >= tags.length * 0.9, 'nearly every tag is used');
  assert.ok(used((s) => s.authors).size >= authors.length * 0.9, 'nearly every author writes');
  const years = used((s) => (s.publishAt ? [] : [kstYearMonth(s.postedAt).year]));
  assert.ok(years.size >= 10, `ten years or more: ${[...years].sort().join(', ')}`);
  assert.ok(used((s) => [s.headline]).size > 900, 'headlines differ');
  const words = (section: string) =>
    new Set(
      stories
        .filter(({ story }) => story.section === section)
        .flatMap(({ story }) => story.body.flatMap((b) => (b.type === 'paragraph' ? b.text.toLowerCase().split(/\W+/) : []))),
    );
  const economy = words('economy');
  const sports = words('sports');
  assert.ok([...economy].filter((w) => !sports.has(w)).length > 20, 'body words differ by section');
  // Every file sits in its month's folder; a few drafts and one scheduled story, as in a newsroom.
  for (const { file, story } of stories) assert.equal(file, storyFilePath(story.slug, story.postedAt));
  assert.ok(stories.some(({ story }) => story.draft));
  assert.equal(stories.filter(({ story }) => story.publishAt).length, 1);
  assert.ok(stories.some(({ story }) => story.leadPhoto.focalPoint), 'some photos carry a focal point');
});

test('every generated story passes content:check, and the files are written in seconds', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aju-synthetic-'));
  try {
    const project = {
      dir,
      write(relative: string, contents: string | Buffer) {
        mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
        writeFileSync(path.join(dir, relative), contents);
      },
    };
    const manifest = await writeSyntheticContent(project, { stories: 300 });
    assert.equal(manifest.count, 300);
    assert.ok(readdirSync(path.join(dir, 'content/stories')).every((name) => /^\d{4}$/.test(name)), 'only year folders');
    const { stories, sections, tags, authors } = syntheticContent({ stories: 300 });
    const sources = {
      stories: stories.map(({ file, story }) => ({ file, data: story })),
      sections: { file: 'content/sections.ts', data: sections },
      tags: { file: 'content/tags.ts', data: tags },
      authors: { file: 'content/authors.ts', data: authors },
    };
    const { problems } = await validateContent(sources, { publicDir: path.join(dir, 'public') });
    assert.deepEqual(problems.map(formatProblem), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
