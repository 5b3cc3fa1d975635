/** content:publish's store steps: the photos and the snapshot written, then made current in one step (decision 0020). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentSnapshot } from '@/lib/content/storage/snapshot';
import type { ContentStore } from '@/lib/content/storage/store';

/** Writes what the store lacks and points readers at the new version; prints what it did. */
export async function storeSnapshot(root: string, store: ContentStore, snapshot: ContentSnapshot, stories: number) {
  const previous = await store.current();
  // Photos first (by content, only those the store lacks): a release's public/ may not have a new one.
  const photos = await store.writePhotos(
    Object.entries(snapshot.listing.images).map(([src, file]) => ({
      sha256: file.sha256,
      read: () => readFile(path.join(root, 'public', src)),
    })),
  );
  const written = await store.write(snapshot);
  const { version, createdAt } = snapshot.listing;
  await store.setCurrent({ version, createdAt });
  console.log(
    `Content ${version} (${stories} stories, ${written} story records and ${photos} photos written) is current in ${store.description}` +
      (previous?.version === version ? ' (it already was).' : '.'),
  );
}
