/**
 * An origin bringing itself to the current content (docs/decisions/0020, 0021): POST /api/publish runs
 * `syncContent()`. It takes the store's current version (lib/content/serving/served-content.ts), compares what the origin's
 * cache reflects with what it should show now, and revalidates exactly the paths that changed. The same runs
 * when the server starts (its prerendered pages are the build's) and when an embargo lifts (a timer set here
 * for the next publishAt): both call the endpoint on this server, with a token only this process knows.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { revalidatePath } from 'next/cache';
import { viewOf } from '@/lib/content';
import { contentChanges, type ChangeView, type ContentChanges } from '@/lib/publish/changes';
import { isMissingPath, pathViewAt } from '@/lib/content/read/known-paths';
import { archiveYears, relatedStories } from '@/lib/content/read/listings';
import { liveListing, nextEmbargo, sync, visibleAt } from '@/lib/content/serving/served-content';
import type { SnapshotListing } from '@/lib/content/storage/snapshot';
import { buildSnapshotDir, DiskStore } from '@/lib/content/storage/store';
import { softPurgeEdges } from '@/lib/edge/xkey';
import { storySitemaps } from '@/lib/seo/sitemaps';

export const PUBLISH_PATH = '/api/publish';

interface SyncState {
  /** What this origin's page cache reflects: a listing as it was visible at a moment. */
  reflected?: { listing: SnapshotListing; at: Date };
  internalToken: string;
  timer?: ReturnType<typeof setTimeout>;
  /** One sync at a time per process. */
  running: Promise<unknown>;
}

const STATE = Symbol.for('aju-press.origin-sync');
const globals = globalThis as typeof globalThis & { [STATE]?: SyncState };
const state: SyncState = (globals[STATE] ??= {
  internalToken: randomBytes(32).toString('hex'),
  running: Promise.resolve(),
});

/** The secret shared with `content:publish`: PUBLISH_SECRET, else the disk store's publish.secret file. */
export function publishSecret(): string | undefined {
  if (process.env.PUBLISH_SECRET) return process.env.PUBLISH_SECRET;
  const dir = process.env.CONTENT_STORE_DIR;
  if (!dir) return undefined;
  try {
    return readFileSync(path.join(path.resolve(dir), 'publish.secret'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest();
/** Constant-time comparison (of fixed-length digests, so the length leaks nothing either). */
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** Whether a request carries the publish secret (or this process's own token). */
export function isAuthorized(authorization: string | null): { ok: boolean; internal: boolean } {
  const given = authorization ?? '';
  const secret = publishSecret();
  const internal = same(given, `Internal ${state.internalToken}`);
  const external = secret !== undefined && secret.length >= 16 && same(given, `Bearer ${secret}`);
  return { ok: internal || external, internal };
}

/** The origin's cache before any sync: the build's prerendered pages, made from the build's snapshot. */
async function buildReflection(): Promise<SyncState['reflected']> {
  const store = new DiskStore(buildSnapshotDir());
  const pointer = await store.current();
  const listing = pointer && (await store.listing(pointer.version));
  return listing ? { listing, at: new Date(listing.createdAt) } : undefined;
}

const changeView = (listing: SnapshotListing, at: Date): ChangeView => ({
  stories: visibleAt(listing, at),
  authors: listing.authors,
  sections: listing.sections,
  tags: listing.tags,
  images: listing.images,
});

export interface SyncResult extends ContentChanges {
  version: string;
  previousVersion?: string;
  /** What the edge answered to the soft purge, when this origin purged it (embargo, start). */
  edge?: string;
  /** Milliseconds each part of the sync took (content:publish prints them). */
  timings: { read: number; changes: number; indexes: number; revalidate: number };
}

/**
 * Builds the indexes pages and proxy.ts look up in the content served at `now` (the resolved stories, the
 * known paths and numbered pages, related stories, the archive and the month sitemaps; shared by every
 * bundle: lib/content/serving/shared-memo.ts). Done before the sync answers, so the readers the edge purge sends
 * find them built instead of each building its own while the pages it revalidated render.
 */
export function buildIndexes(listing: SnapshotListing, now: Date): void {
  isMissingPath('/', pathViewAt(listing, now));
  const { stories } = viewOf(listing, now).content;
  if (stories[0]) relatedStories(stories, stories[0]);
  archiveYears(stories);
  storySitemaps(stories);
}

/** Runs one sync: must be called inside a route handler (revalidatePath needs its request). */
export function syncContent({ purgeEdge }: { purgeEdge: boolean }): Promise<SyncResult> {
  const run = state.running.then(async () => {
    let last = performance.now();
    const lap = () => {
      const at = performance.now();
      const ms = Math.round(at - last);
      last = at;
      return ms;
    };
    state.reflected ??= await buildReflection();
    const before = state.reflected;
    const { next } = await sync();
    const read = lap();
    const now = new Date();
    const changes = contentChanges(before && changeView(before.listing, before.at), changeView(next, now));
    const changed = lap();
    buildIndexes(next, now);
    const indexes = lap();
    if (changes.everything) revalidatePath('/', 'layout');
    for (const p of changes.paths) revalidatePath(p);
    state.reflected = { listing: next, at: now };
    scheduleEmbargo(next);
    const timings = { read, changes: changed, indexes, revalidate: lap() };
    const result: SyncResult = {
      ...changes,
      version: next.version,
      previousVersion: before?.listing.version,
      timings,
    };
    if (purgeEdge && changes.paths.length > 0)
      result.edge = await softPurgeEdges(changes.everything ? ['site'] : changes.paths);
    return result;
  });
  state.running = run.catch(() => undefined);
  return run;
}

/** Where this server answers, for its own requests. */
function selfUrl(): string {
  const host =
    process.env.HOSTNAME && !['0.0.0.0', '::', ''].includes(process.env.HOSTNAME) ? process.env.HOSTNAME : '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${process.env.PORT || 3000}`;
}

/**
 * Asks this server to sync (a route handler must do it). Retries while the server is still starting. Resolves
 * true once synced.
 */
export async function requestSelfSync(reason: string, attempts = 60): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    try {
      const answer = await fetch(`${selfUrl()}${PUBLISH_PATH}`, {
        method: 'POST',
        headers: { Authorization: `Internal ${state.internalToken}`, 'X-Publish-Reason': reason },
        signal: AbortSignal.timeout(60_000),
      });
      if (answer.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.error(`content: could not sync this server (${reason}); it keeps serving what it has.`);
  return false;
}

/** The cookie that puts a request in draft mode: Next renders it without reading or writing its cache. */
function draftModeCookie(): string | undefined {
  try {
    const manifest = JSON.parse(
      readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'prerender-manifest.json'), 'utf8'),
    ) as { preview?: { previewModeId?: unknown } };
    const id = manifest.preview?.previewModeId;
    return typeof id === 'string' ? `__prerender_bypass=${id}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * At start, once synced: renders the newest story's page and card in draft mode, so the code that renders
 * on demand is loaded and compiled before a reader needs it, and no cache (this origin's, Redis, the edge)
 * changes. The first on-demand render of a process is many times slower than later ones (code loaded and
 * compiled on first use); without this, the first story published after a deploy or restart waits for it.
 */
export async function warmUp(): Promise<void> {
  const cookie = draftModeCookie();
  const story = visibleAt(await liveListing(), new Date())[0];
  if (!cookie || !story) return;
  const done: string[] = [];
  for (const p of [`/stories/${story.slug}`, `/stories/${story.slug}/opengraph-image`]) {
    const started = performance.now();
    const status = await fetch(`${selfUrl()}${encodeURI(p)}`, {
      headers: { cookie },
      signal: AbortSignal.timeout(60_000),
    })
      .then(async (answer) => (await answer.arrayBuffer(), answer.status))
      .catch(() => 0);
    done.push(`${p} ${status} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  }
  console.log(`content: warmed up on-demand rendering (draft mode, nothing cached): ${done.join(', ')}`);
}

/** A timer for the next embargo in the listing: at its publishAt this server syncs (and purges the edge). */
function scheduleEmbargo(listing: SnapshotListing): void {
  if (state.timer) clearTimeout(state.timer);
  state.timer = undefined;
  const next = nextEmbargo(listing, new Date());
  if (!next) return;
  // setTimeout holds at most 2^31-1 ms (24.8 days): a later embargo re-arms then.
  const wait = Math.min(Math.max(next.getTime() - Date.now() + 250, 0), 2 ** 31 - 1);
  state.timer = setTimeout(() => void requestSelfSync('embargo'), wait);
  state.timer.unref?.();
}
