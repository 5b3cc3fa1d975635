/**
 * What an open tab of a live story polls (components/live/follow.ts): whether the coverage is live, and a
 * revision of the whole coverage and of each update the live page shows. Read from the served content on each
 * request: the edge keeps it 5 s (no grace: deploy/varnish/default.vcl) and a publish purges it, so however
 * many tabs poll, an origin answers about once per 5 s per live story (docs/operations/caching.md).
 */
import { getStory, liveFirstPage, liveStatus } from '@/lib/content';

export const dynamic = 'force-dynamic';

const NOT_FOUND_HEADERS = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' };

export async function GET(_request: Request, { params }: RouteContext<'/stories/[slug]/live.json'>) {
  const story = await getStory((await params).slug);
  // proxy.ts answers a story that is not live coverage 404 first; under next dev it gets here.
  if (!story?.live) return new Response('Not live coverage.\n', { status: 404, headers: NOT_FOUND_HEADERS });
  return Response.json(liveStatus(story, liveFirstPage(story.updates ?? []).shown), {
    headers: { 'Cache-Control': 'public, max-age=0, s-maxage=5' },
  });
}
