/**
 * The clock embargoes lift by (decision 0046): the store's when it has one every origin shares (Redis' TIME),
 * else this machine's. Each origin measures its offset from the store's clock at start and every few seconds,
 * so an origin whose own clock runs ahead never shows a story before its publishAt.
 */
import { processSingleton } from '@/lib/process-singleton.mjs';
import type { ContentStore } from '../storage/store';

const clock = processSingleton('content-clock', () => ({
  /** The store's time minus this machine's, in ms; 0 until measured or without a shared clock. */
  offsetMs: 0,
  /** Whether an offset was ever measured (an origin on Redis that never reached it says so once). */
  measured: false,
}));

/** Now, by the clock embargoes lift by. */
export function contentNow(): Date {
  return new Date(Date.now() + clock.offsetMs);
}

/**
 * Measures this machine's offset from the store's clock (half the round trip taken as the one-way delay).
 * Without a shared clock, a no-op. Throws when the store does not answer (the last offset stays).
 */
export async function measureClock(store: ContentStore | undefined): Promise<void> {
  if (!store?.time) return;
  const sent = Date.now();
  const storeTime = await store.time();
  const received = Date.now();
  const offset = Math.round(storeTime - (sent + received) / 2);
  if (!clock.measured || Math.abs(offset - clock.offsetMs) > 1000)
    console.log(
      `content: embargoes lift by the clock of ${store.description} (this machine's runs ${Math.abs(offset)} ms ${offset < 0 ? 'ahead' : 'behind'}).`,
    );
  clock.offsetMs = offset;
  clock.measured = true;
}
