import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/seo/JsonLd';
import { ListingPage } from '@/components/site/ListingPage';
import { getContent, getSection, sectionPath } from '@/lib/content';
import { breadcrumbJsonLd } from '@/lib/seo/json-ld';
import { sectionMetadata } from '@/lib/seo/metadata';

// Every section has a page, prerendered; any other id is a 404.
export const dynamicParams = false;

export async function generateStaticParams() {
  const { sections } = await getContent();
  return sections.map((section) => ({ section: section.id }));
}

export async function generateMetadata({ params }: PageProps<'/sections/[section]'>): Promise<Metadata> {
  const found = await getSection((await params).section);
  return found ? sectionMetadata(found.section) : {};
}

export default async function SectionPage({ params }: PageProps<'/sections/[section]'>) {
  const found = await getSection((await params).section);
  if (!found) notFound();
  const { section, stories } = found;
  return (
    <>
      <JsonLd data={breadcrumbJsonLd([{ name: section.name, path: sectionPath(section.id) }])} />
      <ListingPage label="Section" title={section.name} intro={section.description} stories={stories} />
    </>
  );
}
