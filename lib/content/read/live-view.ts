/** What a production server shows: the served snapshot's stories visible now, resolved (docs/decisions/0020). */
import type { StoryRecord } from '@/content/schema';
import { sharedWeakMap } from '@/lib/process-singleton.mjs';
import { embargoesLifted, visibleAt } from '../model/embargoes';
import { newestFirst } from '../model/paths';
import type { Content, Story, StorySummary } from '../model/types';
import type { SnapshotListing } from '../storage/snapshot';
import { linkedThrough, recordsOf, resolveStory, resolveSummary, type Records } from './resolve';

/** Resolved views of a snapshot listing, one per version and embargo state (stable between publishes). */
export interface LiveView {
  key: string;
  content: Content;
  records: Records;
  bySlug: Map<string, StorySummary>;
  hashes: Map<string, string>;
  /** The story a link to a slug leads to: the slug's, or the story renamed from it (decision 0048). */
  linked: (slug: string) => StorySummary | undefined;
}
const liveViews = sharedWeakMap<SnapshotListing, LiveView>('live-views');

/** The snapshot's stories visible at `now`, resolved, newest first. */
export function viewOf(listing: SnapshotListing, now: Date): LiveView {
  const key = `${listing.version}:${embargoesLifted(listing, now)}`;
  const cached = liveViews.get(listing);
  if (cached?.key === key) return cached;
  const records = recordsOf(listing);
  const visible = visibleAt(listing, now);
  const stories = visible.map(({ file, hash: _hash, ...story }) => resolveSummary(story, file, records));
  const content: Content = {
    stories,
    authors: listing.authors,
    sections: listing.sections,
    tags: listing.tags,
    fronts: listing.fronts ?? {},
    breakingNews: listing.breakingNews ?? null,
  };
  const bySlug = new Map(stories.map((s) => [s.slug, s]));
  const view = {
    key,
    content,
    records,
    bySlug,
    hashes: new Map(visible.map((s) => [s.slug, s.hash])),
    // A snapshot from before addresses (format 1 without them) has none.
    linked: linkedThrough(bySlug, listing.addresses?.redirects ?? {}),
  };
  liveViews.set(listing, view);
  return view;
}

/**
 * Every story of a snapshot visible at `now`, in full (each body read with `record`), newest first: what
 * buildContent gives for the tree the snapshot was made from, without validating it again (the search index).
 */
export async function snapshotStories(
  listing: SnapshotListing,
  now: Date,
  record: (hash: string) => Promise<StoryRecord | undefined>,
): Promise<Story[]> {
  const { content, records, linked, hashes } = viewOf(listing, now);
  const stories: Story[] = [];
  // In batches: 10,000 files read at once would hold as many descriptors open.
  const BATCH = 500;
  for (let i = 0; i < content.stories.length; i += BATCH) {
    const batch = content.stories.slice(i, i + BATCH);
    const read = await Promise.all(batch.map((summary) => record(hashes.get(summary.slug)!)));
    batch.forEach((summary, j) => {
      const whole = read[j];
      if (!whole) throw new Error(`content: the snapshot has no record for ${summary.slug}`);
      stories.push(resolveStory(whole, summary.file, records, linked));
    });
  }
  return stories.sort(newestFirst);
}
