/**
 * RSS 2.0 feeds, written by the `feed` package: each story's title, link (also its guid), pubDate, author,
 * categories (section and tags), summary as description, the lead photo as an enclosure, and the full body as
 * HTML (content:encoded) with absolute links, so a feed reader shows the whole story.
 */
import { Feed } from 'feed';
import { authorPath, getStory, lastUpdated, tagPath, sectionPath, type StorySummary } from '@/lib/content';
import { bodyHtml } from '@/lib/content/model/body-text';
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

export async function buildRss(channel: FeedChannel, stories: StorySummary[]): Promise<string> {
  const items = stories.slice(0, FEED_SIZE);
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
      date: new Date(story.postedAt),
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

export const rssResponse = (xml: string) =>
  new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
