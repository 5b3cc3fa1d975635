import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/seo/JsonLd';
import { ListingPage } from '@/components/site/ListingPage';
import { authorPath, getAuthor, getContent } from '@/lib/content';
import { breadcrumbJsonLd } from '@/lib/seo/json-ld';
import { authorMetadata } from '@/lib/seo/metadata';

// Every author has a page, prerendered; any other id is a 404.
export const dynamicParams = false;

export async function generateStaticParams() {
  const { authors } = await getContent();
  return authors.map((author) => ({ author: author.id }));
}

export async function generateMetadata({ params }: PageProps<'/authors/[author]'>): Promise<Metadata> {
  const found = await getAuthor((await params).author);
  return found ? authorMetadata(found.author) : {};
}

export default async function AuthorPage({ params }: PageProps<'/authors/[author]'>) {
  const found = await getAuthor((await params).author);
  if (!found) notFound();
  const { author, stories } = found;
  return (
    <>
      <JsonLd data={breadcrumbJsonLd([{ name: author.name, path: authorPath(author.id) }])} />
      <ListingPage label={author.role} title={author.name} intro={author.bio} stories={stories} />
    </>
  );
}
