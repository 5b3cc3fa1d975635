import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/seo/JsonLd';
import { ListingPage } from '@/components/site/ListingPage';
import { getContent, getTag, tagPath } from '@/lib/content';
import { breadcrumbJsonLd } from '@/lib/seo/json-ld';
import { tagMetadata } from '@/lib/seo/metadata';

// Every tag has a page, prerendered; any other id is a 404.
export const dynamicParams = false;

export async function generateStaticParams() {
  const { tags } = await getContent();
  return tags.map((tag) => ({ tag: tag.id }));
}

export async function generateMetadata({ params }: PageProps<'/tags/[tag]'>): Promise<Metadata> {
  const found = await getTag((await params).tag);
  return found ? tagMetadata(found.tag) : {};
}

export default async function TagPage({ params }: PageProps<'/tags/[tag]'>) {
  const found = await getTag((await params).tag);
  if (!found) notFound();
  const { tag, stories } = found;
  return (
    <>
      <JsonLd data={breadcrumbJsonLd([{ name: tag.name, path: tagPath(tag.id) }])} />
      <ListingPage label="Topic" title={tag.name} intro={`Stories about ${tag.name}, newest first.`} stories={stories} />
    </>
  );
}
