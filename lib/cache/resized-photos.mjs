/**
 * Resized photos from Next's image optimizer (next.config.js `images.customCacheHandler`), kept in this
 * process's memory, least recently used first out past a byte budget. Next 16 keeps them on disk only with
 * `isrFlushToDisk`, which is off, and its FileSystemCache refuses them: without this every photo request that
 * reached an origin re-encoded its AVIF (decision 0052). Not shared through Redis: each origin resizes once.
 */
import { processSingleton } from '../process-singleton.mjs';

/** Bytes of resized photos an origin keeps (`RESIZED_PHOTO_CACHE_MB`, 32 MB by default). */
const budget = () => (Number(process.env.RESIZED_PHOTO_CACHE_MB) || 32) * 2 ** 20;

/** @type {{ entries: Map<string, { value: any; lastModified: number; bytes: number }>; bytes: number }} */
const cache = processSingleton('resized-photos', () => ({ entries: new Map(), bytes: 0 }));

/** The kept photo for `key`, as a cache handler's `get` answers, or null. */
export function getResizedPhoto(key) {
  const entry = cache.entries.get(key);
  if (!entry) return null;
  // Map order is use order: move it to the end.
  cache.entries.delete(key);
  cache.entries.set(key, entry);
  return { value: entry.value, lastModified: entry.lastModified };
}

/** Keeps `value` (Next's IMAGE entry, its bytes in `buffer`) under `key`, dropping the least recently used. */
export function setResizedPhoto(key, value) {
  const old = cache.entries.get(key);
  if (old) {
    cache.entries.delete(key);
    cache.bytes -= old.bytes;
  }
  const bytes = value?.buffer?.byteLength ?? 0;
  if (!value || bytes > budget()) return;
  cache.entries.set(key, { value, lastModified: Date.now(), bytes });
  cache.bytes += bytes;
  for (const [oldest, entry] of cache.entries) {
    if (cache.bytes <= budget()) break;
    cache.entries.delete(oldest);
    cache.bytes -= entry.bytes;
  }
}
