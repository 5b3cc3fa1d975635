/**
 * The one way commands and servers open the published store: Redis with REDIS_URL, else the folder
 * CONTENT_STORE_DIR (docs/decisions/0020, 0024).
 */
import path from 'node:path';
import { RedisStore } from './redis-store';
import { DEFAULT_STORE_DIR, DiskStore, type ContentStore } from './store';

/**
 * The published store, or undefined when there is none. `projectRoot` (commands): without CONTENT_STORE_DIR,
 * the project's default folder (.content-store/), where `npm run serve` reads too; relative paths from there.
 */
export function openPublishedStore(env = process.env, projectRoot?: string): ContentStore | undefined {
  if (env.REDIS_URL) return new RedisStore(env.REDIS_URL);
  const dir = env.CONTENT_STORE_DIR || (projectRoot && DEFAULT_STORE_DIR);
  return dir ? new DiskStore(path.resolve(projectRoot ?? '.', dir)) : undefined;
}
