import { ListingRoute, listingMetadata } from '@/components/site/ListingRoute';
import { getContent } from '@/lib/content';

// Every author's first page is prerendered; one added by a later publish renders on first request; an
// unknown id is a 404 from proxy.ts (lib/content/read/known-paths.ts).
export const dynamicParams = true;

export async function generateStaticParams() {
  const { authors } = await getContent();
  return authors.map((author) => ({ author: author.id }));
}

export async function generateMetadata({ params }: PageProps<'/authors/[author]'>) {
  return listingMetadata('author', (await params).author);
}

export default async function AuthorPage({ params }: PageProps<'/authors/[author]'>) {
  return <ListingRoute kind="author" id={(await params).author} />;
}
