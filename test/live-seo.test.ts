// A live story for machines (issue 23, item 5): JSON-LD LiveBlogPosting, metadata, its feed of updates and the
// site feed, sitemaps' lastmod and the news sitemap, the search text and the Open Graph card.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { getStory, modifiedAt, UPDATES_PER_PAGE, type Story } from '@/lib/content';
import { storyCardText } from '@/lib/og/story-card';
import { searchText } from '@/lib/search/pagefind-index';
import { buildLiveRss, buildRss, feedStories, FEED_SIZE } from '@/lib/seo/feed';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/seo/json-ld';
import { storyMetadata } from '@/lib/seo/metadata';
import { newsSitemapStories, storySitemapEntries, NEWS_WINDOW_MS } from '@/lib/seo/sitemaps';
import { absoluteUrl } from '@/lib/site';
import { liveStory, updateWord, type LiveStoryOptions } from '@/test/support/live-story';

const OPTIONS: LiveStoryOptions = {
  slug: 'summit-live',
  headline: 'Summit live: leaders meet in Panmunjom',
  updates: 25,
  startedAt: '2026-12-02T09:00:00+09:00',
};

async function seed(): Promise<Story> {
  const story = await getStory('putin-heads-to-pyongyang');
  assert.ok(story);
  return story;
}

/** The JSON-LD as a crawler reads it from the page. */
const jsonLdOf = (story: Story) => JSON.parse(serializeJsonLd(newsArticleJsonLd(story))) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

test('a live story is a LiveBlogPosting with its coverage start, the shown updates as BlogPostings', async () => {
  const story = liveStory(await seed(), OPTIONS);
  const data = jsonLdOf(story);
  assert.equal(data['@type'], 'LiveBlogPosting');
  assert.equal(data.coverageStartTime, OPTIONS.startedAt);
  assert.equal('coverageEndTime' in data, false, 'no end while live');
  assert.equal(data.headline, OPTIONS.headline);
  assert.equal(data.dateModified, story.updates![0]!.postedAt, 'dateModified is the newest update');
  const updates = data.liveBlogUpdate as Record<string, string>[];
  assert.equal(updates.length, UPDATES_PER_PAGE, 'the updates the live page shows');
  const [newest, second] = updates;
  // 25 updates: the newest (25, untitled) is on older page 2 of 20 each.
  assert.deepEqual(newest, {
    '@type': 'BlogPosting',
    headline: `Reporters at the scene confirm development 25: ${updateWord(OPTIONS.slug, 25)} observed near the border.`,
    datePublished: story.updates![0]!.postedAt,
    dateModified: story.updates![0]!.postedAt,
    articleBody: `Reporters at the scene confirm development 25: ${updateWord(OPTIONS.slug, 25)} observed near the border.`,
    url: absoluteUrl('/stories/summit-live/updates/2#update-update-0025'),
  });
  assert.equal(second!.headline, 'Update number 24 has a title');
  assert.equal(updates.at(-1)!.url, absoluteUrl('/stories/summit-live/updates/1#update-update-0006'));
});

test('ended coverage has coverageEndTime; withdrawn updates are left out, a correction dates an update', async () => {
  const story = liveStory(await seed(), { ...OPTIONS, updates: 3, endedMinutesAfter: 30 });
  story.updates![1] = {
    ...story.updates![1]!,
    withdrawn: { date: '2026-12-02T10:00:00+09:00', reason: 'Unconfirmed.' },
  };
  story.updates![0] = {
    ...story.updates![0]!,
    correction: { date: '2026-12-02T11:00:00+09:00', text: 'An earlier version gave the wrong place.' },
  };
  const data = jsonLdOf(story);
  assert.equal(data.coverageEndTime, story.live!.endedAt);
  assert.deepEqual(
    data.liveBlogUpdate.map((u: { url: string }) => u.url.split('#')[1]),
    ['update-update-0003', 'update-update-0001'],
  );
  assert.equal(data.liveBlogUpdate[0].dateModified, '2026-12-02T11:00:00+09:00');
});

test('a plain story stays a NewsArticle without coverage', async () => {
  const data = jsonLdOf(await seed());
  assert.equal(data['@type'], 'NewsArticle');
  assert.equal(data.liveBlogUpdate, undefined);
});

test('JSON-LD of an update cannot close the script: "<" is escaped', async () => {
  const story = liveStory(await seed(), { ...OPTIONS, updates: 1 });
  story.updates![0] = { ...story.updates![0]!, title: 'Not </script><script>alert(1)</script>' };
  const json = serializeJsonLd(newsArticleJsonLd(story));
  assert.doesNotMatch(json, /</);
  assert.equal(JSON.parse(json).liveBlogUpdate[0].headline, 'Not </script><script>alert(1)</script>');
});

test('metadata: og:type article, modified time the newest update, the live feed advertised', async () => {
  const plain = await seed();
  const story = liveStory(plain, OPTIONS);
  const m = storyMetadata(story);
  const og = m.openGraph as { type: string; modifiedTime: string };
  assert.equal(og.type, 'article');
  assert.equal(og.modifiedTime, story.updates![0]!.postedAt);
  const feeds = m.alternates?.types?.['application/rss+xml'] as { url: string }[];
  assert.ok(feeds.some((f) => f.url === absoluteUrl('/stories/summit-live/feed.xml')));
  const plainFeeds = storyMetadata(plain).alternates?.types?.['application/rss+xml'] as { url: string }[];
  assert.ok(!plainFeeds.some((f) => f.url.endsWith(`${plain.path}/feed.xml`)));
});

test('an update a minute after the start counts as a change (no ten-minute rule for live coverage)', async () => {
  const story = liveStory(await seed(), { ...OPTIONS, updates: 1 });
  assert.equal(modifiedAt(story), story.updates![0]!.postedAt);
});

const parser = new XMLParser({ ignoreAttributes: false });

test('the live feed: the updates newest first, each linking to its own address, withdrawn ones left out', async () => {
  const story = liveStory(await seed(), { ...OPTIONS, updates: 3 });
  story.updates![1] = {
    ...story.updates![1]!,
    withdrawn: { date: '2026-12-02T10:00:00+09:00', reason: 'Unconfirmed.' },
  };
  const rss = parser.parse(buildLiveRss(story)).rss.channel;
  assert.equal(rss.link, absoluteUrl(story.path));
  const items = [rss.item].flat() as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  assert.deepEqual(
    items.map((item) => item.link),
    [
      absoluteUrl('/stories/summit-live/updates/1#update-update-0003'),
      absoluteUrl('/stories/summit-live/updates/1#update-update-0001'),
    ],
  );
  assert.equal(items[0]!.pubDate, new Date(story.updates![0]!.postedAt).toUTCString());
  assert.match(items[1]!.description, new RegExp(updateWord(OPTIONS.slug, 1)));
});

test('the site feed carries a live story begun long ago, dated by its newest update', async () => {
  const base = await seed();
  const plain = (i: number): Story => ({
    ...base,
    slug: `plain-${i}`,
    path: `/stories/plain-${i}`,
    postedAt: new Date(Date.parse('2026-11-20T00:00:00Z') - i * 3_600_000).toISOString(),
    updatedAt: new Date(Date.parse('2026-11-20T00:00:00Z') - i * 3_600_000).toISOString(),
  });
  const old = liveStory(base, { ...OPTIONS, startedAt: '2026-10-01T09:00:00+09:00', minutesApart: 60 * 24 * 2.5 });
  const stories = [...Array.from({ length: FEED_SIZE + 5 }, (_, i) => plain(i)), old];
  const carried = feedStories(stories);
  assert.equal(carried.length, FEED_SIZE);
  assert.equal(carried[0]!.slug, 'summit-live', 'its newest update is newer than every plain story');
  const ended = { ...old, live: { ...old.live!, endedAt: old.updates![0]!.postedAt } };
  assert.ok(!feedStories([...stories.slice(0, -1), ended]).includes(ended), 'ended and old: not kept');
});

test("the site feed's item for a live story is dated by its newest update, the channel too", async () => {
  const story = liveStory(await seed(), OPTIONS);
  const channel = { title: 'Site', description: 'All', path: '/', feedPath: '/feed.xml' };
  const rss = parser.parse(await buildRss(channel, [story])).rss.channel;
  const newest = new Date(story.updates![0]!.postedAt).toUTCString();
  assert.equal(rss.item.pubDate, newest);
  assert.equal(rss.lastBuildDate, newest);
});

test('sitemaps: lastmod is the newest update; the news sitemap keeps live coverage, then two days after it', async () => {
  const story = liveStory(await seed(), { ...OPTIONS, startedAt: '2026-11-01T09:00:00+09:00', updates: 2 });
  const entry = storySitemapEntries([story], '2026-11')!;
  assert.equal(entry[0]!.lastModified!.toISOString(), new Date(story.updates![0]!.postedAt).toISOString());
  const newest = Date.parse(story.updates![0]!.postedAt);
  const weeksLater = new Date(newest + 30 * NEWS_WINDOW_MS);
  assert.deepEqual(newsSitemapStories([story], weeksLater), [story], 'live: kept however old');
  const ended = { ...story, live: { ...story.live!, endedAt: story.updates![0]!.postedAt } };
  assert.deepEqual(newsSitemapStories([ended], new Date(newest + NEWS_WINDOW_MS - 60_000)), [ended]);
  assert.deepEqual(newsSitemapStories([ended], new Date(newest + NEWS_WINDOW_MS + 60_000)), []);
});

test("search text holds the updates' words and titles, not a withdrawn update's", async () => {
  const story = liveStory(await seed(), { ...OPTIONS, updates: 4 });
  story.updates![0] = { ...story.updates![0]!, withdrawn: { date: '2026-12-02T10:00:00+09:00', reason: 'Wrong.' } };
  const text = searchText(story);
  assert.match(text, new RegExp(updateWord(OPTIONS.slug, 1)));
  assert.match(text, /Update number 2 has a title/);
  assert.doesNotMatch(text, new RegExp(updateWord(OPTIONS.slug, 4)));
});

test('the Open Graph card says LIVE while live, not once ended', async () => {
  const story = liveStory(await seed(), OPTIONS);
  assert.equal(storyCardText(story).badge, 'LIVE');
  assert.equal(storyCardText({ ...story, live: { ...story.live!, endedAt: '2026-12-03T09:00:00+09:00' } }).badge, '');
  assert.equal(storyCardText(await seed()).badge, '');
});
