/**
 * content:publish's store steps: photos first, then the snapshot, made current in one step (decision 0020);
 * then the ledger of published addresses (decision 0048).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { nextLedger, PUBLISHED_ADDRESSES_FILE, type ImageFile } from '@/lib/content/model/validate';
import type { ContentSnapshot, SnapshotListing } from '@/lib/content/storage/snapshot';
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

/**
 * After the store has the new version: content/published-addresses.json gains every slug (and previous slug)
 * it published, so content:check refuses a later change that would leave one answering 404 (decision 0048).
 * The editor commits it with the change; printed when it changed.
 */
export function recordPublishedAddresses(root: string, listing: SnapshotListing): void {
  const file = path.join(root, PUBLISHED_ADDRESSES_FILE);
  let before: string[] = [];
  try {
    const stories = (JSON.parse(readFileSync(file, 'utf8')) as { stories?: unknown }).stories;
    if (Array.isArray(stories)) before = stories.filter((s): s is string => typeof s === 'string');
  } catch {
    // None yet (a fresh project): this publish starts it.
  }
  const after = nextLedger(before, listing.stories);
  if (after.length === before.length && existsSync(file)) return;
  writeFileSync(file, `${JSON.stringify({ about: LEDGER_ABOUT, stories: after }, null, 2)}\n`);
  console.log(
    `${PUBLISHED_ADDRESSES_FILE}: ${after.length - before.length} address(es) added — commit it with your change.`,
  );
}

const LEDGER_ABOUT =
  'Every story address content:publish has published (/stories/<slug>), written by it after each publish: commit this file with your change. content:check refuses a change that would leave one of them answering 404 (docs/operations/publishing.md).';
