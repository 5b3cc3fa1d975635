import type { MetadataRoute } from 'next';
import { getContent } from '@/lib/content';
import { sitemapEntries } from '@/lib/seo/sitemaps';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(await getContent());
}
