/**
 * The synthetic archive (npm run synthetic-archive) is reproducible, varied like a real archive, and passes
 * every content rule, so tests and benchmarks built on it exercise listings, related stories and search.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { formatProblem, storyFilePath, validateContent } from '@/lib/content/model/validate';
import { kstYearMonth } from '@/lib/time';
import { checkContentTree, checkReport } from '@/lib/content-check/check-tree';
import {
  createSyntheticArchive,
  EVERY_BLOCK_SLUG,
  liveStories,
  publishedStories,
  STILL_LIVE_UPDATES,
  syntheticContent,
  writeSyntheticContent,
} from '@/test/support/synthetic-archive';

test('the same options give the same archive; another seed another one', () => {
  assert.deepEqual(syntheticContent({ stories: 200 }), syntheticContent({ stories: 200 }));
  assert.notDeepEqual(
    syntheticContent({ stories: 200 }).stories[0],
    syntheticContent({ stories: 200, seed: 7 }).stories[0],
  );
});

test('stories vary in section, tags, authors, dates over ten years, headlines and body words', () => {
  const { stories, sections, tags, authors } = syntheticContent({ stories: 1000 });
  assert.equal(stories.length, 999, 'the seed story is the thousandth');
  const used = <T>(pick: (s: (typeof stories)[number]['story']) => T[]) =>
    new Set(stories.flatMap(({ story }) => pick(story)));
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
        .flatMap(({ story }) =>
          story.body.flatMap((b) => (b.type === 'paragraph' ? b.text.toLowerCase().split(/\W+/) : [])),
        ),
    );
  const economy = words('economy');
  const sports = words('sports');
  assert.ok([...economy].filter((w) => !sports.has(w)).length > 20, 'body words differ by section');
  // Every file sits in its month's folder; a few drafts and one scheduled story, as in a newsroom.
  for (const { file, story } of stories) assert.equal(file, storyFilePath(story.slug, story.postedAt));
  assert.ok(stories.some(({ story }) => story.draft));
  assert.equal(stories.filter(({ story }) => story.publishAt).length, 1);
  assert.ok(
    stories.some(({ story }) => story.leadPhoto.focalPoint),
    'some photos carry a focal point',
  );
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
    assert.ok(
      readdirSync(path.join(dir, 'content/stories')).every((name) => /^\d{4}$/.test(name)),
      'only year folders',
    );
    const { stories, sections, tags, authors, updates } = syntheticContent({ stories: 300 });
    const sources = {
      stories: stories.map(({ file, story }) => ({ file, data: story })),
      updates: updates.map(({ file, update }) => ({ file, data: update })),
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

test('every body block and inline form appears, each in a realistic share of the stories', () => {
  const { stories } = syntheticContent({ stories: 1000 });
  const share = (has: (body: unknown[]) => boolean) =>
    stories.filter(({ story }) => has(story.body)).length / stories.length;
  const hasType = (type: string) => (body: unknown[]) => body.some((b) => (b as { type: string }).type === type);
  const shares: Record<string, [number, number]> = {
    paragraph: [1, 1],
    pullQuote: [0.2, 0.4],
    subheading: [0.15, 0.35],
    list: [0.08, 0.25],
    quote: [0.05, 0.16],
    table: [0.04, 0.13],
    factBox: [0.04, 0.13],
    timeline: [0.02, 0.09],
    storyLink: [0.05, 0.16],
    embed: [0.01, 0.06],
  };
  for (const [type, [min, max]] of Object.entries(shares)) {
    const s = share(hasType(type));
    assert.ok(
      s >= min && s <= max,
      `${type} in ${(s * 100).toFixed(1)}% of stories, expected ${min * 100}–${max * 100}%`,
    );
  }
  const text = (body: unknown[]) => JSON.stringify(body);
  for (const [form, pattern, min] of [
    ['internal link', /\]\(\/(sections|tags)\//, 0.2],
    ['external link', /\]\(https:\/\//, 0.05],
    ['emphasis', /\[the \*[^*]+\* tag\]/, 0.08],
    ['strong emphasis', /\*\*[^*]+\*\*/, 0.05],
  ] as const) {
    const s = share((body) => pattern.test(text(body)));
    assert.ok(s >= min && s < 0.5, `${form} in ${(s * 100).toFixed(1)}% of stories`);
  }
  // And one story holds every block at once, for the block tests and the benchmark.
  const every = stories.find(({ story }) => story.slug === EVERY_BLOCK_SLUG)!;
  assert.deepEqual(new Set(every.story.body.map((b) => b.type)), new Set([...Object.keys(shares), 'photo']));
});

test('live coverage: three ended stories (the longest with total × 0.105 updates) and one still live', async () => {
  const { project, manifest } = await createSyntheticArchive({ stories: 300 });
  const { dir } = project;
  try {
    assert.equal(manifest.count, 300, 'live stories are among the stories, not added to them');
    const live = liveStories(manifest);
    assert.equal(live.length, 4);
    const stillLive = live.filter((s) => !s.live!.endedAt);
    assert.equal(stillLive.length, 1);
    assert.equal(stillLive[0]!.live!.updates, STILL_LIVE_UPDATES);
    assert.deepEqual(
      live
        .filter((s) => s.live!.endedAt)
        .map((s) => s.live!.updates)
        .sort((a, b) => b - a),
      [Math.round(300 * 0.105), 8, 5],
    );
    // Each count is the files in the story's folder; every live story is published, none the newest.
    for (const story of live) {
      const folder = path.join(dir, story.file.replace(/\.ts$/, ''));
      assert.equal(readdirSync(folder).length, story.live!.updates, story.file);
      assert.ok(publishedStories(manifest).includes(story));
    }
    assert.ok(!publishedStories(manifest)[0]!.live, 'the newest story stays plain');
    // content:check, as editors run it on the files, passes them all.
    const check = await checkContentTree(dir);
    assert.deepEqual(check.problems.map(formatProblem), []);
    assert.equal(
      check.updateCount,
      live.reduce((sum, s) => sum + s.live!.updates, 0),
    );
    assert.match(checkReport(check, '1.0')[0]!, /^Checked 300 story files and \d+ updates, /);
  } finally {
    project.remove();
  }
  // At 10,000 stories the longest coverage passes a thousand updates, and pages of them.
  const big = syntheticContent({ stories: 10_000 });
  const perStory = new Map<string, number>();
  for (const { file } of big.updates) perStory.set(path.dirname(file), (perStory.get(path.dirname(file)) ?? 0) + 1);
  assert.equal(Math.max(...perStory.values()), 1050);
  assert.equal(perStory.size, 4);
});
