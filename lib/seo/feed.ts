/**
 * RSS 2.0 feeds, written by the `feed` package: each story's title, link (also its guid), pubDate, author,
 * categories (section and tags), summary as description, the lead photo as an enclosure, and the full body as
 * HTML (content:encoded) with absolute links, so a feed reader shows the whole story.
 */
import { Feed } from 'feed';
import {
  authorPath,
  escapeHtml,
  getStory,
  isLive,
  lastUpdated,
  liveFeedPath,
  modifiedAt,
  tagPath,
  sectionPath,
  updatePath,
  type Story,
  type StorySummary,
} from '@/lib/content';
import { bodyHtml, updateHeadline, updateText } from '@/lib/content/model/body-text';
import { photoContentType } from '@/lib/content/serving/photos';
import { absoluteUrl, site } from '@/lib/site';

/** How many of the newest stories a feed carries. */
export const FEED_SIZE = 50;

export interface FeedChannel {
  title: string;
  description: string;
  /** Site path of the page the feed follows, e.g. / or /sections/north-korea */
  path: string;
  /** Site path of the feed itself. */
  feedPath: string;
}

/** An item's date: when it was posted; a live story's, its newest update (it moves up the feed with each). */
const itemDate = (story: StorySummary) => (story.live ? modifiedAt(story) : story.postedAt);

/**
 * The stories a feed carries: the newest posted, and every story still live however long ago it began, by
 * their item dates, newest first.
 */
export function feedStories(stories: StorySummary[]): StorySummary[] {
  const newest = stories.slice(0, FEED_SIZE);
  const live = stories.filter((story) => isLive(story) && !newest.includes(story));
  if (live.length === 0 && !newest.some((story) => story.live)) return newest;
  return [...newest, ...live].sort((a, b) => Date.parse(itemDate(b)) - Date.parse(itemDate(a))).slice(0, FEED_SIZE);
}

export async function buildRss(channel: FeedChannel, stories: StorySummary[]): Promise<string> {
  const items = feedStories(stories);
  const feed = new Feed({
    title: channel.title,
    description: channel.description,
    id: absoluteUrl(channel.path),
    link: absoluteUrl(channel.path),
    feedLinks: { rss: absoluteUrl(channel.feedPath) },
    language: site.language,
    image: absoluteUrl('/logo.png'),
    copyright: `© ${site.name}`,
    // An older story may have been updated last.
    updated: lastUpdated(items),
    generator: false,
  });
  for (const story of items) {
    const photo = story.leadPhoto;
    // RSS requires the enclosure's length in bytes (the check measured the file).
    const size = photo.bytes;
    const body = (await getStory(story.slug))?.body;
    feed.addItem({
      title: story.headline,
      link: absoluteUrl(story.path),
      date: new Date(itemDate(story)),
      description: story.summary,
      ...(body ? { content: bodyHtml(body, absoluteUrl) } : {}),
      author: story.authors.map((a) => ({ name: a.name, link: absoluteUrl(authorPath(a.id)) })),
      category: [
        { name: story.section.name, domain: absoluteUrl(sectionPath(story.section.id)) },
        ...story.tags.map((t) => ({ name: t.name, domain: absoluteUrl(tagPath(t.id)) })),
      ],
      enclosure: {
        url: absoluteUrl(photo.src),
        type: photoContentType(photo.src),
        length: size,
      },
    });
  }
  return feed.rss2();
}

/** A live story's feed: its updates, newest first (withdrawn ones left out), each linking to its own address. */
export function buildLiveRss(story: Story): string {
  const updates = (story.updates ?? []).filter((update) => !update.withdrawn).slice(0, FEED_SIZE);
  const feed = new Feed({
    title: `${story.headline}: live updates`,
    description: story.summary,
    id: absoluteUrl(story.path),
    link: absoluteUrl(story.path),
    feedLinks: { rss: absoluteUrl(liveFeedPath(story.slug)) },
    language: site.language,
    image: absoluteUrl('/logo.png'),
    copyright: `© ${site.name}`,
    updated: new Date(modifiedAt(story)),
    generator: false,
  });
  const author = story.authors.map((a) => ({ name: a.name, link: absoluteUrl(authorPath(a.id)) }));
  for (const update of updates) {
    const correction = update.correction
      ? `<p><strong>Correction:</strong> ${escapeHtml(update.correction.text)}</p>`
      : '';
    feed.addItem({
      title: updateHeadline(update),
      link: absoluteUrl(updatePath(story.slug, story.updates ?? [], update.id)),
      // pubDate: when it was posted; a corrected one's date is its correction's.
      published: new Date(update.postedAt),
      date: new Date(update.correction?.date ?? update.postedAt),
      description: updateText(update),
      content: `${bodyHtml(update.body, absoluteUrl)}${correction}`,
      author,
    });
  }
  return feed.rss2();
}

export const rssResponse = (xml: string) =>
  new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
