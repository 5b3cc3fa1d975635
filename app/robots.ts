import type { MetadataRoute } from 'next';
import { NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH } from '@/lib/seo/sitemaps';
import { absoluteUrl } from '@/lib/site';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/' },
    sitemap: [absoluteUrl(SITEMAP_INDEX_PATH), absoluteUrl(NEWS_SITEMAP_PATH)],
  };
}
