import { getStory, prerenderedStories } from '@/lib/content';
import { buildLiveRss, rssResponse } from '@/lib/seo/feed';

// A live story's feed of its updates (lib/seo/feed.ts), written at build for the prerendered live stories, on
// first request for the rest, and refreshed by each publish that changes the story (lib/publish/story-pages.ts).
// A story without live coverage has none: proxy.ts answers its path with an uncached 404.
export const dynamic = 'force-static';
export const dynamicParams = true;

export async function generateStaticParams() {
  return (await prerenderedStories()).filter((story) => story.live).map((story) => ({ slug: story.slug }));
}

export async function GET(_request: Request, { params }: RouteContext<'/stories/[slug]/feed.xml'>) {
  const story = await getStory((await params).slug);
  if (!story?.live) return new Response('Not found', { status: 404 });
  return rssResponse(buildLiveRss(story));
}
