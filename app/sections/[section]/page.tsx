import { ListingRoute, listingMetadata } from '@/components/site/ListingRoute';
import { getContent } from '@/lib/content';

// Every section's first page is prerendered; one added by a later publish renders on first request; an
// unknown id is a 404 from proxy.ts (lib/content/read/known-paths.ts).
export const dynamicParams = true;

export async function generateStaticParams() {
  const { sections } = await getContent();
  return sections.map((section) => ({ section: section.id }));
}

export async function generateMetadata({ params }: PageProps<'/sections/[section]'>) {
  return listingMetadata('section', (await params).section);
}

export default async function SectionPage({ params }: PageProps<'/sections/[section]'>) {
  return <ListingRoute kind="section" id={(await params).section} />;
}
