/**
 * Every origin follows the store by itself (decision 0045): every few seconds it reads the store's current
 * pointer, and when the pointer has moved to a version it does not serve it syncs itself, which purges the
 * edge as a publish does. A publish cut off after its switch, or an origin it could not reach, heals without anyone.
 */
import { publishedPointer } from '@/lib/content/serving/served-content';
import { processSingleton } from '@/lib/process-singleton.mjs';
import { requestSelfSync } from './self-sync';

const DEFAULT_INTERVAL_MS = 5_000;

/** STORE_WATCH_INTERVAL_MS: how often the pointer is read; 0 turns the watch off. */
export function storeWatchInterval(env: Record<string, string | undefined> = process.env): number {
  const raw = env.STORE_WATCH_INTERVAL_MS ?? String(DEFAULT_INTERVAL_MS);
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 0)
    throw new Error(`STORE_WATCH_INTERVAL_MS must be a number of milliseconds; got "${raw}"`);
  return ms;
}

const watch = processSingleton('publish.store-watch', () => ({
  handle: undefined as ReturnType<typeof setInterval> | undefined,
  checking: false,
  failing: false,
  /** The pointer's version this origin last synced for: a sync runs once per move of the pointer. */
  seen: undefined as string | undefined,
}));

/** One look at the pointer; a sync when it moved on. A store that cannot be read is logged once per outage. */
async function check(): Promise<void> {
  if (watch.checking) return;
  watch.checking = true;
  try {
    const { pointer, served } = await publishedPointer();
    if (watch.failing) console.error('content: the published store answers again.');
    watch.failing = false;
    watch.seen ??= served;
    if (pointer && pointer === served) watch.seen = pointer;
    // Which of the store's and the build's content to serve is the sync's to decide (served-content.ts): a
    // pointer older than the build's content is synced for once, not every few seconds.
    else if (pointer && served && pointer !== watch.seen) {
      if (await requestSelfSync('the store moved on', 1)) watch.seen = pointer;
    }
  } catch (error) {
    if (!watch.failing)
      console.error(
        `content: the published store cannot be read (${(error as Error).message}); serving what this origin has.`,
      );
    watch.failing = true;
  } finally {
    watch.checking = false;
  }
}

/** Starts the watch once per process (instrumentation.ts, after the start-up sync). */
export function watchStore(intervalMs = storeWatchInterval()): void {
  if (watch.handle || intervalMs === 0) return;
  watch.handle = setInterval(() => void check(), intervalMs);
  watch.handle.unref?.();
}
