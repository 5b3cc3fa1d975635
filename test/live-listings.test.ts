// A live story in listings (issue 23, item 5): its card's Live line while live, the listing record content:check
// makes of it, and its feed's path (known only for live coverage, refreshed by a publish).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LeadStory } from '@/components/site/LeadStory';
import { StoryList } from '@/components/site/StoryList';
import { getStory, liveFeedPath, modifiedAt, type Story } from '@/lib/content';
import { listedRecord } from '@/lib/content/model/story-index';
import { validateContent } from '@/lib/content/model/validate';
import { isMissingPath } from '@/lib/content/read/known-paths';
import { pagesShowingStory } from '@/lib/publish/story-pages';
import { createMistakePublicDir, mistakes, mistakeSources } from '@/test/support/content-mistakes';
import { liveStory, liveStorySources, type LiveStoryOptions } from '@/test/support/live-story';

const OPTIONS: LiveStoryOptions = {
  slug: 'election-night-live',
  headline: 'Election night, live',
  updates: 4,
  startedAt: '2024-06-18T18:00:00+09:00',
};

let publicDir: { dir: string; remove(): void };
before(async () => {
  publicDir = await createMistakePublicDir();
});
after(() => publicDir.remove());

async function seed(): Promise<Story> {
  const story = await getStory('putin-heads-to-pyongyang');
  assert.ok(story);
  return story;
}

const render = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

test('content:check lists a live story with its newest update and its updatedAt at that update', async () => {
  const { story, updateFiles, updates } = liveStorySources(OPTIONS);
  const sources = mistakeSources({
    ...mistakes[0]!,
    stories: (seedData) => [{ file: story.file, data: { ...seedData, ...story.data } }],
  });
  const { problems, content } = await validateContent(
    { ...sources, updates: updateFiles },
    { publicDir: publicDir.dir },
  );
  assert.deepEqual(
    problems.filter((p) => p.severity === 'error'),
    [],
  );
  const checked = content.stories.find((s) => s.file === story.file)!;
  const record = listedRecord(checked.file, checked.story);
  const newest = updates.at(-1)!;
  assert.deepEqual(record.latestUpdate, { id: newest.id, postedAt: newest.postedAt, title: newest.title });
  assert.equal(Date.parse(modifiedAt(record)), Date.parse(newest.postedAt), 'lastmod, feeds and og follow it');
});

test("a live story's card: a Live marker, the newest update's title and its KST time", async () => {
  const story = liveStory(await seed(), OPTIONS);
  const newest = story.updates![0]!;
  for (const html of [
    render(createElement(StoryList, { stories: [story] })),
    render(createElement(LeadStory, { story })),
  ]) {
    assert.match(html, /<p class="live-card"><strong class="live-card__marker">Live<\/strong>/);
    assert.ok(html.includes(`${newest.title} · <time dateTime="${newest.postedAt}">`), html);
    // 18:16 KST, whatever the zone the test runs in (TZ=America/Los_Angeles).
    assert.match(html, /<time dateTime="[^"]+">[^<]*18:16 KST<\/time><\/span><\/p>/);
  }
});

test('an untitled newest update: "Latest update" and its time; ended coverage and plain stories: no Live line', async () => {
  const base = await seed();
  const untitled = liveStory(base, { ...OPTIONS, updates: 3 });
  assert.match(render(createElement(StoryList, { stories: [untitled] })), /Latest update · <time/);
  const ended = { ...untitled, live: { ...untitled.live!, endedAt: '2024-06-18T23:00:00+09:00' } };
  for (const story of [ended, base]) {
    assert.doesNotMatch(render(createElement(StoryList, { stories: [story] })), /live-card/);
    assert.doesNotMatch(render(createElement(LeadStory, { story })), /live-card/);
  }
});

test('the live feed path exists only for live coverage, and a publish of the story refreshes it', () => {
  const story = { slug: 'live-one', section: 'north-korea', authors: [], tags: [], postedAt: OPTIONS.startedAt };
  const view = {
    stories: [
      { ...story, live: { startedAt: OPTIONS.startedAt } },
      { ...story, slug: 'plain-one' },
    ],
    sections: [{ id: 'north-korea' }],
    authors: [],
    tags: [],
  };
  assert.equal(liveFeedPath('live-one'), '/stories/live-one/feed.xml');
  assert.equal(isMissingPath('/stories/live-one/feed.xml', view), false);
  assert.equal(isMissingPath('/stories/plain-one/feed.xml', view), true);
  assert.equal(isMissingPath('/stories/plain-one', view), false);
  assert.ok(pagesShowingStory(story).own.includes('/stories/live-one/feed.xml'));
});
