import type { MetadataRoute } from 'next';
import { NEWS_SITEMAP_PATH } from '@/lib/seo/sitemaps';
import { absoluteUrl } from '@/lib/site';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/' },
    sitemap: [absoluteUrl('/sitemap.xml'), absoluteUrl(NEWS_SITEMAP_PATH)],
  };
}
