/**
 * Each origin's timer for what changes with time alone: at the next publishAt, or the next end of a placement
 * or the banner (content/fronts.ts, content/breaking-news.ts), it syncs itself, which purges the edge
 * (decision 0023).
 */
import { nextEmbargo } from '@/lib/content/model/embargoes';
import { nextPlacementEnd } from '@/lib/content/model/placements';
import { contentNow } from '@/lib/content/serving/content-clock';
import type { SnapshotListing } from '@/lib/content/storage/snapshot';
import { processSingleton } from '@/lib/process-singleton.mjs';
import { requestSelfSync } from './self-sync';

const timer = processSingleton('publish.embargo-timer', () => ({}) as { handle?: ReturnType<typeof setTimeout> });

/** The next moment the listing shows something else with nobody publishing, or undefined. */
export function nextTimedChange(listing: SnapshotListing, now: Date): Date | undefined {
  const times = [
    nextEmbargo(listing, now),
    nextPlacementEnd({ fronts: listing.fronts ?? {}, breakingNews: listing.breakingNews ?? null }, now),
  ].filter((t): t is Date => t !== undefined);
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : undefined;
}

/** Arms the timer for the listing's next timed change (replacing any earlier one). */
export function scheduleEmbargo(listing: SnapshotListing): void {
  if (timer.handle) clearTimeout(timer.handle);
  timer.handle = undefined;
  const now = contentNow();
  const next = nextTimedChange(listing, now);
  if (!next) return;
  // setTimeout holds at most 2^31-1 ms (24.8 days): a later change re-arms then.
  const wait = Math.min(Math.max(next.getTime() - now.getTime() + 250, 0), 2 ** 31 - 1);
  timer.handle = setTimeout(() => void requestSelfSync('embargo or placement end'), wait);
  timer.handle.unref?.();
}
