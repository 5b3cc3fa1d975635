import { getContent } from '@/lib/content';
import { buildRss, rssResponse } from '@/lib/seo/feed';
import { SITE_FEED_PATH } from '@/lib/seo/metadata';
import { site } from '@/lib/site';

// Written at build, like the pages it lists.
export const dynamic = 'force-static';

export async function GET() {
  const { stories } = await getContent();
  return rssResponse(
    await buildRss({ title: site.name, description: site.description, path: '/', feedPath: SITE_FEED_PATH }, stories),
  );
}
