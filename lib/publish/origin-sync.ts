/**
 * An origin bringing itself to the store's current content (POST /api/publish; decisions 0020, 0021): it
 * compares what its page cache reflects with what it should show now and revalidates exactly what changed.
 */
import { revalidatePath } from 'next/cache';
import { viewOf } from '@/lib/content';
import { visibleAt } from '@/lib/content/model/embargoes';
import { contentNow } from '@/lib/content/serving/content-clock';
import { isMissingPath, pathViewAt } from '@/lib/content/read/known-paths';
import { archiveYears, relatedStories } from '@/lib/content/read/listings';
import { sync } from '@/lib/content/serving/served-content';
import type { SnapshotListing } from '@/lib/content/storage/snapshot';
import { buildSnapshotDir, DiskStore } from '@/lib/content/storage/store';
import { softPurgeEdges } from '@/lib/edge/xkey';
import { processSingleton } from '@/lib/process-singleton.mjs';
import { storySitemaps } from '@/lib/seo/sitemaps';
import { contentChanges, type ChangeView, type ContentChanges } from './changes';
import { scheduleEmbargo } from './embargo-timer';
import { placementView } from './placement-changes';

interface SyncState {
  /** What this origin's page cache reflects: a listing as it was visible at a moment. */
  reflected?: { listing: SnapshotListing; at: Date };
  /** One sync at a time per process. */
  running: Promise<unknown>;
}
const state = processSingleton<SyncState>('origin-sync', () => ({ running: Promise.resolve() }));

/** The origin's cache before any sync: the build's prerendered pages, made from the build's snapshot. */
async function buildReflection(): Promise<SyncState['reflected']> {
  const store = new DiskStore(buildSnapshotDir());
  const pointer = await store.current();
  const listing = pointer && (await store.listing(pointer.version));
  return listing ? { listing, at: new Date(listing.createdAt) } : undefined;
}

function changeView(listing: SnapshotListing, at: Date): ChangeView {
  const stories = visibleAt(listing, at);
  return {
    stories,
    authors: listing.authors,
    sections: listing.sections,
    tags: listing.tags,
    images: listing.images,
    addresses: listing.addresses,
    placements: placementView(listing, new Set(stories.map((s) => s.slug)), at),
  };
}

export interface SyncResult extends ContentChanges {
  version: string;
  previousVersion?: string;
  /** What the edge answered to the soft purge, when this origin purged it (embargo, start). */
  edge?: string;
  /** Milliseconds each part of the sync took (content:publish prints them). */
  timings: { read: number; changes: number; indexes: number; revalidate: number };
}

/**
 * Builds the indexes pages and proxy.ts look up in the content served at `now` (shared by every bundle), before
 * the sync answers: the readers the edge purge sends then find them built (decision 0028).
 */
export function buildIndexes(listing: SnapshotListing, now: Date): void {
  isMissingPath('/', pathViewAt(listing, now));
  const { stories } = viewOf(listing, now).content;
  if (stories[0]) relatedStories(stories, stories[0]);
  archiveYears(stories);
  storySitemaps(stories);
}

/** Milliseconds since the last lap. */
function stopwatch() {
  let last = performance.now();
  return () => {
    const at = performance.now();
    const ms = Math.round(at - last);
    last = at;
    return ms;
  };
}

async function runSync(purgeEdge: boolean): Promise<SyncResult> {
  const lap = stopwatch();
  state.reflected ??= await buildReflection();
  const before = state.reflected;
  const { next } = await sync();
  const read = lap();
  const now = contentNow();
  const changes = contentChanges(before && changeView(before.listing, before.at), changeView(next, now));
  const changed = lap();
  buildIndexes(next, now);
  const indexes = lap();
  if (changes.everything) revalidatePath('/', 'layout');
  for (const p of changes.paths) revalidatePath(p);
  state.reflected = { listing: next, at: now };
  scheduleEmbargo(next);
  const timings = { read, changes: changed, indexes, revalidate: lap() };
  const result: SyncResult = { ...changes, version: next.version, previousVersion: before?.listing.version, timings };
  if (purgeEdge && changes.paths.length > 0)
    result.edge = await softPurgeEdges(changes.everything ? ['site'] : changes.paths);
  return result;
}

/** Runs one sync: must be called inside a route handler (revalidatePath needs its request). */
export function syncContent({ purgeEdge }: { purgeEdge: boolean }): Promise<SyncResult> {
  const run = state.running.then(() => runSync(purgeEdge));
  state.running = run.catch(() => undefined);
  return run;
}
