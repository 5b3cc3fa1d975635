/** The publish store content:publish writes to: Redis with REDIS_URL, else the folder CONTENT_STORE_DIR (default .content-store/). */
import path from 'node:path';
import { RedisStore } from '@/lib/content/storage/redis-store';
import { DEFAULT_STORE_DIR, DiskStore, type ContentStore } from '@/lib/content/storage/store';

export { PUBLISH_LOCK_WAIT_S } from '@/lib/content/storage/store';

export async function openStore(root: string): Promise<ContentStore> {
  if (process.env.REDIS_URL) return new RedisStore(process.env.REDIS_URL);
  return new DiskStore(path.resolve(root, process.env.CONTENT_STORE_DIR || DEFAULT_STORE_DIR));
}
