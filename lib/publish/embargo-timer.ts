/** Each origin's embargo timer: at the next publishAt it syncs itself, which purges the edge (decision 0023). */
import { nextEmbargo } from '@/lib/content/model/embargoes';
import { contentNow } from '@/lib/content/serving/content-clock';
import type { SnapshotListing } from '@/lib/content/storage/snapshot';
import { processSingleton } from '@/lib/process-singleton.mjs';
import { requestSelfSync } from './self-sync';

const timer = processSingleton('publish.embargo-timer', () => ({}) as { handle?: ReturnType<typeof setTimeout> });

/** Arms the timer for the listing's next embargo (replacing any earlier one). */
export function scheduleEmbargo(listing: SnapshotListing): void {
  if (timer.handle) clearTimeout(timer.handle);
  timer.handle = undefined;
  const now = contentNow();
  const next = nextEmbargo(listing, now);
  if (!next) return;
  // setTimeout holds at most 2^31-1 ms (24.8 days): a later embargo re-arms then.
  const wait = Math.min(Math.max(next.getTime() - now.getTime() + 250, 0), 2 ** 31 - 1);
  timer.handle = setTimeout(() => void requestSelfSync('embargo'), wait);
  timer.handle.unref?.();
}
