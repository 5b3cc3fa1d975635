/**
 * `npm run content:publish`: the content tree as it stands, on the running site in seconds, no build
 * (docs/operations/publishing.md): check → snapshot → store → sync origins → purge edges → search.
 * Env: PUBLISH_ORIGINS, PUBLISH_SECRET, EDGE_URL, REDIS_URL or CONTENT_STORE_DIR. Exit code 1 on any failure.
 */
import os from 'node:os';
import path from 'node:path';
import { openPublishedStore } from '@/lib/content/storage/open-store';
import { buildSnapshot, type ContentSnapshot } from '@/lib/content/storage/snapshot';
import { DiskStore, PUBLISH_LOCK_WAIT_S, type ContentStore } from '@/lib/content/storage/store';
import { namingFullDisk } from '@/lib/full-disk.mjs';
import { ensurePublishSecret } from '@/lib/publish/secret';
import { checkForPublish, writeCheckedStoryIndex } from '@/lib/publish/steps/check';
import { purgeEdges } from '@/lib/publish/steps/edges';
import { preflightOrigins, publishOrigins, syncOrigins } from '@/lib/publish/steps/origins';
import { printChanges } from '@/lib/publish/steps/report';
import { searchIndexMissing, writeSearchIndexes } from '@/lib/publish/steps/search';
import { recordPublishedAddresses, storePhotos, storeSnapshot } from '@/lib/publish/steps/store';
import { stepTimer } from '@/lib/publish/steps/timings';

const root = path.resolve(import.meta.dirname, '../..');

/** Faults the tests and the fault run inject (PUBLISH_FAULT=kill-<point>): the publish killed there (decision 0045). */
function killedHere(point: 'before-switch' | 'after-switch') {
  if (process.env.PUBLISH_FAULT === `kill-${point}`) process.kill(process.pid, 'SIGKILL');
}

async function main(): Promise<number> {
  const timer = stepTimer();
  const check = await checkForPublish(root, timer.elapsed);
  if (!check) return 1;
  timer.step('check');
  const snapshot = buildSnapshot(check.content);
  timer.step('snapshot');
  const store = openPublishedStore(process.env, root)!;
  let release: (() => Promise<void>) | undefined;
  try {
    release = await store
      .lock(`${os.hostname()} pid ${process.pid}`, PUBLISH_LOCK_WAIT_S * 1000)
      .catch((error: unknown) => Promise.reject(namingFullDisk(error, store.description, 'run content:publish again')));
    const secret = ensurePublishSecret(store instanceof DiskStore ? store.dir : undefined);
    const origins = publishOrigins();
    const refreshedBefore = await preflightOrigins(origins, secret);
    timer.step('origins reachable');
    try {
      const photos = await storePhotos(root, store, snapshot.listing.images);
      timer.step('photos');
      killedHere('before-switch');
      await storeSnapshot(store, snapshot, check.storyCount, photos);
      recordPublishedAddresses(root, snapshot.listing);
    } catch (error) {
      throw namingFullDisk(error, store.description, 'run content:publish again');
    }
    timer.step('store');
    killedHere('after-switch');
    const synced = await syncOrigins(origins, secret, snapshot.listing.version);
    timer.step('origins');
    for (const p of refreshedBefore) synced.paths.add(p);
    let ok = !synced.failed;
    if (synced.paths.size > 0) ok = (await purgeEdges(synced.paths, synced.everything)) && ok;
    timer.step('edge');
    writeCheckedStoryIndex(root, check);
    // Search last: pages are live first. Only when what it indexes changed (not for fronts or the banner alone).
    if (await searchIndexMissing(store, snapshot)) {
      ok = (await publishSearch(store, snapshot)) && ok;
      timer.step('search');
    }
    if (synced.changes) await printChanges(synced.changes);
    console.log(`\n${timer.summary()}`);
    if (ok) console.log('✔ Published.');
    else
      console.error(
        '✖ The store holds the new content, but not all of the site above followed: an origin named catches up by itself once it answers; for anything else, fix what is named and run content:publish again.',
      );
    return ok ? 0 : 1;
  } finally {
    await release?.();
    await store.close();
    // Last: the site has the new content before the check's cache is written for the next publish.
    check.saveCache();
  }
}

async function publishSearch(store: ContentStore, snapshot: ContentSnapshot) {
  try {
    const ahead = await writeSearchIndexes(root, store, snapshot);
    console.log(
      `✔ search: the index of this version${ahead ? `, and of it after each of the next ${ahead} embargoes` : ''}`,
    );
    return true;
  } catch (error) {
    console.error(
      `✖ search: the index could not be written (${(error as Error).message}); pages are published, search shows the previous index`,
    );
    return false;
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    // Redis at maxmemory refuses writes: the pointer never moved, and the fix is Redis', not the content's.
    const full = /\bOOM\b/.test(error.message)
      ? '\nThe store is full (Redis maxmemory): raise maxmemory, or set maxmemory-policy volatile-lru so rendered pages make room.'
      : '';
    console.error(`✖ ${error.message}${full}\nNothing was published: the site is unchanged.`);
    process.exitCode = 1;
  },
);
