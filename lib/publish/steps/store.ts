/** content:publish's store steps: photos first, then the snapshot, made current in one step (decision 0020). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImageFile } from '@/lib/content/model/validate';
import type { ContentSnapshot } from '@/lib/content/storage/snapshot';
import type { ContentStore } from '@/lib/content/storage/store';

/**
 * Writes the photo files the store lacks (by content): a release's public/ may not have a new one. `images`:
 * a snapshot's listing's (content:publish) or a preview record's (content:preview).
 */
export const storePhotos = (root: string, store: ContentStore, images: Record<string, ImageFile>) =>
  store.writePhotos(
    Object.entries(images).map(([src, file]) => ({
      sha256: file.sha256,
      read: () => readFile(path.join(root, 'public', src)),
    })),
  );

/** Writes the records the store lacks and points readers at the new version; prints what it did. */
export async function storeSnapshot(store: ContentStore, snapshot: ContentSnapshot, stories: number, photos: number) {
  const previous = await store.current();
  const written = await store.write(snapshot);
  const { version, createdAt } = snapshot.listing;
  await store.setCurrent({ version, createdAt });
  console.log(
    `Content ${version} (${stories} stories, ${written} story records and ${photos} photos written) is current in ${store.description}` +
      (previous?.version === version ? ' (it already was).' : '.'),
  );
}
