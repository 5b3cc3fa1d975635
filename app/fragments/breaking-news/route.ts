/**
 * The breaking-news banner for the edge to include in every page (components/site/BreakingNewsSlot.tsx):
 * empty when there is none. Cached at the edge until a publish purges it, at most until the banner ends.
 */
import { breakingNewsMarkup } from '@/components/site/breaking-news-markup';
import { getBreakingNews } from '@/lib/content';

export const dynamic = 'force-dynamic';

/** The longest the edge keeps the fragment: a lost purge still lets a new banner show within this. */
const MAX_EDGE_SECONDS = 30;

export async function GET() {
  const banner = await getBreakingNews();
  const untilEnd = banner?.endsInMs !== undefined ? Math.ceil(banner.endsInMs / 1000) : MAX_EDGE_SECONDS;
  const seconds = Math.max(1, Math.min(MAX_EDGE_SECONDS, untilEnd));
  return new Response(banner ? breakingNewsMarkup(banner) : '', {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': `public, max-age=0, s-maxage=${seconds}`,
    },
  });
}
