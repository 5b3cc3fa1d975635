import { ListingRoute, listingMetadata } from '@/components/site/ListingRoute';
import { getContent } from '@/lib/content';

// Every tag's first page is prerendered; one added by a later publish renders on first request; an
// unknown id is a 404 from proxy.ts (lib/content/read/known-paths.ts).
export const dynamicParams = true;

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
