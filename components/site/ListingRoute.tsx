/**
 * The section, author and tag pages share one shape: page 1 at /sections/<id> (prerendered), page n at
 * /sections/<id>/page/<n> (rendered on first request, then cached until a publish changes it), 404 past the end.
 */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/seo/JsonLd';
import {
  authorPath,
  getAuthor,
  getFront,
  getSection,
  getTag,
  paginate,
  parsePageNumber,
  sectionPath,
  type StorySummary,
  tagPath,
} from '@/lib/content';
import { breadcrumbJsonLd } from '@/lib/seo/json-ld';
import { authorMetadata, sectionMetadata, tagMetadata } from '@/lib/seo/metadata';
import { ListingPage } from './ListingPage';

export type ListingKind = 'section' | 'author' | 'tag';

interface Listing {
  basePath: string;
  label: string;
  title: string;
  intro: string;
  stories: StorySummary[];
  metadata: (page: number) => Metadata;
}

async function findListing(kind: ListingKind, id: string): Promise<Listing | undefined> {
  if (kind === 'section') {
    const found = await getSection(id);
    return (
      found && {
        basePath: sectionPath(id),
        label: 'Section',
        title: found.section.name,
        intro: found.section.description,
        stories: found.stories,
        metadata: (page) => sectionMetadata(found.section, page),
      }
    );
  }
  if (kind === 'author') {
    const found = await getAuthor(id);
    return (
      found && {
        basePath: authorPath(id),
        label: found.author.role,
        title: found.author.name,
        intro: found.author.bio,
        stories: found.stories,
        metadata: (page) => authorMetadata(found.author, page),
      }
    );
  }
  const found = await getTag(id);
  return (
    found && {
      basePath: tagPath(id),
      label: 'Topic',
      title: found.tag.name,
      intro: `Stories about ${found.tag.name}, newest first.`,
      stories: found.stories,
      metadata: (page) => tagMetadata(found.tag, page),
    }
  );
}

export async function listingMetadata(kind: ListingKind, id: string, rawPage?: string): Promise<Metadata> {
  const listing = await findListing(kind, id);
  const page = parsePageNumber(rawPage);
  return listing && page && paginate(listing.stories, page) ? listing.metadata(page) : {};
}

export async function ListingRoute({ kind, id, rawPage }: { kind: ListingKind; id: string; rawPage?: string }) {
  const listing = await findListing(kind, id);
  const page = parsePageNumber(rawPage);
  const shown = listing && page ? paginate(listing.stories, page) : undefined;
  if (!listing || !shown) notFound();
  // A section's first page opens with the editors' placements (content/fronts.ts), each shown once.
  const top = kind === 'section' && shown.page === 1 ? (await getFront(id, 0)).placed : [];
  const placed = new Set(top.map((p) => p.story.slug));
  return (
    <>
      <JsonLd data={breadcrumbJsonLd([{ name: listing.title, path: listing.basePath }])} />
      <ListingPage
        label={listing.label}
        title={listing.title}
        intro={listing.intro}
        top={top}
        stories={placed.size ? shown.items.filter((s) => !placed.has(s.slug)) : shown.items}
        pagination={{ basePath: listing.basePath, page: shown.page, pageCount: shown.pageCount }}
      />
    </>
  );
}
