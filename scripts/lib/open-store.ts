/** The publish store content:publish writes to: Redis with REDIS_URL, else the folder CONTENT_STORE_DIR (default .content-store/). */
import path from 'node:path';
import { DEFAULT_STORE_DIR, DiskStore, type ContentStore } from '@/lib/content/store';

export async function openStore(root: string): Promise<ContentStore> {
  return new DiskStore(path.resolve(root, process.env.CONTENT_STORE_DIR || DEFAULT_STORE_DIR));
}
