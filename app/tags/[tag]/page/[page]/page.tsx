import { ListingRoute, listingMetadata } from '@/components/site/ListingRoute';

// Page 2 onwards: none at build; each is rendered on its first request, then served from the cache until
// the next deploy. /page/1 redirects to the bare URL (next.config.js); past the last page is a 404.
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/tags/[tag]/page/[page]'>) {
  const { tag, page } = await params;
  return listingMetadata('tag', tag, page);
}

export default async function TagListingPage({ params }: PageProps<'/tags/[tag]/page/[page]'>) {
  const { tag, page } = await params;
  return <ListingRoute kind="tag" id={tag} rawPage={page} />;
}
