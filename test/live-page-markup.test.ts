// The live page's and older pages' markup (components/live): what a full older page may show, and the
// headings' order readers of assistive technology move by.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { OlderUpdates } from '@/components/live/OlderUpdates';
import { getStory, UPDATES_PER_PAGE, type Story } from '@/lib/content';
import { liveStory, type LiveStoryOptions } from '@/test/support/live-story';

const OPTIONS: LiveStoryOptions = {
  slug: 'summit-live',
  headline: 'Summit live: leaders meet in Panmunjom',
  updates: UPDATES_PER_PAGE * 2 + 5,
  startedAt: '2026-12-02T09:00:00+09:00',
};

async function withUpdates(updates: number): Promise<Story> {
  const seed = await getStory('putin-heads-to-pyongyang');
  assert.ok(seed);
  return liveStory(seed, { ...OPTIONS, updates });
}

const olderPage = (story: Story, page: number) => renderToStaticMarkup(createElement(OlderUpdates, { story, page }));

test('a full older page is the same HTML after a later update (its hash keeps it: lib/content/model/live-status.ts)', async () => {
  const before = await withUpdates(OPTIONS.updates);
  const after = await withUpdates(OPTIONS.updates + 1);
  assert.equal(olderPage(after, 1), olderPage(before, 1));
  assert.match(olderPage(before, 1), /Updates 1 to 20, newest first/);
});

test('an older page: headings go h1, h2, h3 (no level skipped)', async () => {
  const html = olderPage(await withUpdates(OPTIONS.updates), 2);
  const levels = [...html.matchAll(/<h([1-6])\b/g)].map((match) => Number(match[1]));
  assert.ok(levels.includes(3), 'the updates have titles');
  levels.forEach((level, i) => assert.ok(level <= (levels[i - 1] ?? 0) + 1, `h${level} after h${levels[i - 1]}`));
});

test("an update's subheadings sit below its h3 title (h4), with ids no other update shares", async () => {
  const story = await withUpdates(2);
  const subheading = { type: 'subheading' as const, text: 'What was said' };
  const updates = story.updates!.map((update) => ({ ...update, body: [...update.body, subheading] }));
  const html = olderPage({ ...story, updates }, 1);
  const subheadings = [...html.matchAll(/<(h[1-6]) id="([^"]+)" class="subheading"/g)];
  assert.deepEqual(
    subheadings.map((match) => match[1]),
    ['h4', 'h4'],
  );
  assert.equal(new Set(subheadings.map((match) => match[2])).size, 2);
  const levels = [...html.matchAll(/<h([1-6])\b/g)].map((match) => Number(match[1]));
  levels.forEach((level, i) => assert.ok(level <= (levels[i - 1] ?? 0) + 1, `h${level} after h${levels[i - 1]}`));
});
