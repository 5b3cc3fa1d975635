import { ListingRoute, listingMetadata } from '@/components/site/ListingRoute';

// Page 2 onwards: none at build; each is rendered on its first request, then served from the cache until
// the next deploy. /page/1 redirects to the bare URL (next.config.js); past the last page is a 404.
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/sections/[section]/page/[page]'>) {
  const { section, page } = await params;
  return listingMetadata('section', section, page);
}

export default async function SectionListingPage({ params }: PageProps<'/sections/[section]/page/[page]'>) {
  const { section, page } = await params;
  return <ListingRoute kind="section" id={section} rawPage={page} />;
}
