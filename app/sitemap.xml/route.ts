import { getContent } from '@/lib/content';
import { sitemapIndexEntries, sitemapIndexXml, xmlResponse } from '@/lib/seo/sitemaps';

// Written at build, like the pages it lists: the index of the pages sitemap and one sitemap per month.
export const dynamic = 'force-static';

export async function GET() {
  return xmlResponse(sitemapIndexXml(sitemapIndexEntries(await getContent())));
}
