import { getContent } from '@/lib/content';
import {
  PAGES_SITEMAP,
  pagesSitemapEntries,
  storySitemapEntries,
  storySitemaps,
  urlsetXml,
  xmlResponse,
} from '@/lib/seo/sitemaps';

// Every child sitemap is written at build (/sitemaps/pages.xml, /sitemaps/2024-06.xml, …), a month a later
// publish adds on first request; any other name is a 404 from proxy.ts (lib/content/read/known-paths.ts).
export const dynamic = 'force-static';
export const dynamicParams = true;

export async function generateStaticParams() {
  const { stories } = await getContent();
  return [PAGES_SITEMAP, ...storySitemaps(stories).map((s) => s.name)].map((name) => ({ file: `${name}.xml` }));
}

export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[file]'>) {
  const content = await getContent();
  const name = (await params).file.replace(/\.xml$/, '');
  const entries = name === PAGES_SITEMAP ? pagesSitemapEntries(content) : storySitemapEntries(content.stories, name);
  return entries ? xmlResponse(urlsetXml(entries)) : new Response('Not found', { status: 404 });
}
