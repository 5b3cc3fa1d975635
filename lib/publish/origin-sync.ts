/**
 * An origin bringing itself to the current content (docs/decisions/0020, 0021): POST /api/publish runs
 * `syncContent()`. It takes the store's current version (lib/content/live.ts), compares what the origin's
 * cache reflects with what it should show now, and revalidates exactly the paths that changed. The same runs
 * when the server starts (its prerendered pages are the build's) and when an embargo lifts (a timer set here
 * for the next publishAt): both call the endpoint on this server, with a token only this process knows.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { revalidatePath } from 'next/cache';
import { viewOf } from '@/lib/content';
import { contentChanges, type ChangeView, type ContentChanges } from '@/lib/content/changes';
import { isMissingPath, pathViewAt } from '@/lib/content/known-paths';
import { archiveYears, relatedStories } from '@/lib/content/listings';
import { liveListing, nextEmbargo, sync, visibleAt } from '@/lib/content/live';
import type { SnapshotListing } from '@/lib/content/snapshot';
import { buildSnapshotDir, DiskStore } from '@/lib/content/store';
import { softPurgeEdges } from '@/lib/edge/xkey';
import { storySitemaps } from '@/lib/seo/sitemaps';
import { site } from '@/lib/site';

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
 * bundle: lib/content/shared-memo.ts). Done before the sync answers, so the readers the edge purge sends
 * find them built instead of each building its own while the pages it revalidated render.
 */
function buildIndexes(listing: SnapshotListing, now: Date): void {
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

/**
 * At start, once synced: renders one archive story's page and card, which the build did not prerender, so the
 * code that renders on demand is loaded and compiled before a reader needs it. The first such render of a
 * process costs about ten times a later one (0.44 s against 0.04 s at 10,000 stories), and the first story
 * published after a deploy or restart would wait for it. A random one: each origin renders a different page,
 * which with REDIS_URL no other origin has stored yet. The pages are stored as any reader's request would.
 */
export async function warmUp(): Promise<void> {
  const stories = visibleAt(await liveListing(), new Date()).slice(site.prerenderStories);
  const story = stories[Math.floor(Math.random() * stories.length)];
  if (!story) return;
  for (const p of [`/stories/${story.slug}`, `/stories/${story.slug}/opengraph-image`]) {
    await fetch(`${selfUrl()}${encodeURI(p)}`, { signal: AbortSignal.timeout(60_000) })
      .then((answer) => answer.arrayBuffer())
      .catch(() => undefined);
  }
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
