import { ListingRoute, listingMetadata } from '@/components/site/ListingRoute';
import { getContent } from '@/lib/content';

// Every section's first page is prerendered; any other id is a 404.
export const dynamicParams = false;

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
