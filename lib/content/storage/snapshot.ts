/**
 * The content snapshot (docs/decisions/0020): the validated tree as plain JSON, a listing without bodies
 * (scheduled stories too: origins lift embargoes) and one record per story stored under its content hash, so a
 * publish writes only what changed. Pure: the stores are ./store.ts and ./redis-store.ts.
 */
import { createHash } from 'node:crypto';
import type { Author, BreakingNews, Fronts, Section, StoryRecord, Tag } from '@/content/schema';
import { addressesOf, linkedSlugs, type Addresses } from '../model/addresses';
import { frameOriginsOf } from '../model/embeds';
import { allBlocks } from '../model/live';
import { updatePageHashes } from '../model/live-status';
import { listedRecord } from '../model/story-index';
import type { ListedStoryRecord } from '../model/types';
import type { ImageFile, ValidContent } from '../model/validate';

export const SNAPSHOT_FORMAT = 1;

/**
 * A story in the snapshot's listing: its record without the body, the hash of its whole record, the
 * origins its embeds frame (proxy.ts opens the page's CSP to exactly those), and the stories its body links
 * to (a publish re-renders it when one of them changes, is renamed or taken down: lib/publish/changes.ts), and
 * a live story's older pages of updates (../model/live-status.ts).
 */
export type SnapshotStory = ListedStoryRecord & {
  hash: string;
  frames?: string[];
  links?: string[];
  /** A live story's: one hash per older page of updates (page 1 first), so a publish refreshes only those that changed. */
  updatePages?: string[];
};

export interface SnapshotListing {
  format: typeof SNAPSHOT_FORMAT;
  /** Hash of everything below but createdAt: the same tree always gives the same version. */
  version: string;
  /** When it was made (ISO instant); among snapshots of different trees the later one is newer. */
  createdAt: string;
  authors: Author[];
  sections: Section[];
  tags: Tag[];
  /** Pixel size of every photo the stories use, keyed by src. */
  images: Record<string, ImageFile>;
  /** Newest posted first. */
  stories: SnapshotStory[];
  /** The editors' fronts and banner (absent from snapshots made before they existed: nothing placed). */
  fronts?: Fronts;
  breakingNews?: BreakingNews;
  /**
   * Old addresses (decision 0048): renamed stories' previous slugs → current slug, and slugs taken down.
   * Absent in a snapshot written before them: none.
   */
  addresses?: Addresses;
}

/** A snapshot with its story records keyed by hash (what a store writes). */
export interface ContentSnapshot {
  listing: SnapshotListing;
  records: Map<string, StoryRecord>;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The version id of a listing's content (createdAt and version left out). */
export function snapshotVersion(listing: Omit<SnapshotListing, 'version' | 'createdAt'>): string {
  const { format, authors, sections, tags, images, stories, addresses, fronts, breakingNews } = listing;
  return sha(
    JSON.stringify({ format, authors, sections, tags, images, stories, addresses, fronts, breakingNews }),
  ).slice(0, 20);
}

const searchVersions = new WeakMap<SnapshotListing, string>();
/**
 * The version of what search indexes: the stories and their records, not the fronts, banner or old addresses.
 * A publish that changes only those writes no new index (minutes at 10,000 stories). Memoised per listing.
 */
export function searchVersion(listing: SnapshotListing): string {
  let version = searchVersions.get(listing);
  if (version === undefined) {
    const { format, authors, sections, tags, images, stories } = listing;
    version = sha(JSON.stringify({ format, authors, sections, tags, images, stories })).slice(0, 20);
    searchVersions.set(listing, version);
  }
  return version;
}

/** A content version id as it may appear in a request: hex, bounded. */
export const isVersionId = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{20}$/.test(value);
/** A story record's hash as the listing names it. */
export const isRecordHash = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

const byPostedDesc = (a: { postedAt: string; slug: string }, b: { postedAt: string; slug: string }) =>
  Date.parse(b.postedAt) - Date.parse(a.postedAt) || a.slug.localeCompare(b.slug);

/** The snapshot of validated content (content:check's result): drafts left out, nothing else decided yet. */
export function buildSnapshot(content: ValidContent, createdAt: Date = new Date()): ContentSnapshot {
  const records = new Map<string, StoryRecord>();
  const stories: SnapshotStory[] = content.stories
    .filter(({ story }) => !story.draft)
    .map(({ file, story }) => {
      const hash = sha(JSON.stringify(story));
      records.set(hash, story);
      const frames = frameOriginsOf(allBlocks(story));
      const links = linkedSlugs(allBlocks(story));
      return {
        ...listedRecord(file, story),
        hash,
        ...(frames.length ? { frames } : {}),
        ...(links.length ? { links } : {}),
        ...(story.live ? { updatePages: updatePageHashes(story) } : {}),
      };
    })
    .sort(byPostedDesc);
  const images = Object.fromEntries([...content.images].sort(([a], [b]) => a.localeCompare(b)));
  const body = {
    format: SNAPSHOT_FORMAT,
    authors: content.authors,
    sections: content.sections,
    tags: content.tags,
    images,
    stories,
    addresses: addressesOf(
      content.stories.map(({ story }) => story),
      content.takedowns,
    ),
    fronts: content.fronts,
    breakingNews: content.breakingNews,
  } as const;
  return { listing: { ...body, version: snapshotVersion(body), createdAt: createdAt.toISOString() }, records };
}
