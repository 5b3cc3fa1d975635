import { getContent } from '@/lib/content';
import { newsSitemapXml } from '@/lib/seo/sitemaps';

// The two-day window moves with the clock, not with builds: regenerate at most every ten minutes.
export const revalidate = 600;

export async function GET() {
  const { stories } = await getContent();
  return new Response(newsSitemapXml(stories, new Date()), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}
