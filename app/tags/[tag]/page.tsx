import { ListingRoute, listingMetadata } from '@/components/site/ListingRoute';
import { getContent } from '@/lib/content';

// Every tag's first page is prerendered; any other id is a 404.
export const dynamicParams = false;

export async function generateStaticParams() {
  const { tags } = await getContent();
  return tags.map((tag) => ({ tag: tag.id }));
}

export async function generateMetadata({ params }: PageProps<'/tags/[tag]'>) {
  return listingMetadata('tag', (await params).tag);
}

export default async function TagPage({ params }: PageProps<'/tags/[tag]'>) {
  return <ListingRoute kind="tag" id={(await params).tag} />;
}
