import { getContent, getSection, sectionPath } from '@/lib/content';
import { buildRss, rssResponse } from '@/lib/seo/feed';
import { sectionFeedPath } from '@/lib/seo/metadata';
import { site } from '@/lib/site';

// One feed per section, written at build (a section a later publish adds: on first request); any other id
// is a 404 from proxy.ts.
export const dynamic = 'force-static';
export const dynamicParams = true;

export async function generateStaticParams() {
  const { sections } = await getContent();
  return sections.map((section) => ({ section: section.id }));
}

export async function GET(_request: Request, { params }: RouteContext<'/sections/[section]/feed.xml'>) {
  const found = await getSection((await params).section);
  if (!found) return new Response('Not found', { status: 404 });
  const { section, stories } = found;
  return rssResponse(
    await buildRss(
      {
        title: `${site.name}: ${section.name}`,
        description: section.description,
        path: sectionPath(section.id),
        feedPath: sectionFeedPath(section.id),
      },
      stories,
    ),
  );
}
