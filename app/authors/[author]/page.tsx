import { ListingRoute, listingMetadata } from '@/components/site/ListingRoute';
import { getContent } from '@/lib/content';

// Every author's first page is prerendered; any other id is a 404.
export const dynamicParams = false;

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
