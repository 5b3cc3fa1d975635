/**
 * The content this server process serves, read at run time from the stores, never compiled into the build
 * (docs/decisions/0020): the newer of the build's snapshot and the published current version, swapped whole
 * by `sync()`; story bodies read per story. One state per process (lib/process-singleton.mjs).
 */
import type { StoryRecord } from '@/content/schema';
import { processSingleton } from '@/lib/process-singleton.mjs';
import { embargoesLifted } from '../model/embargoes';
import type { PreviewRecord } from '../model/preview';
import { contentNow, measureClock } from './content-clock';
import { openPublishedStore } from '../storage/open-store';
import { searchVersion, type SnapshotListing } from '../storage/snapshot';
import { buildSnapshotDir, DiskStore, searchIndexId, type ContentStore } from '../storage/store';

interface LiveState {
  listing?: SnapshotListing;
  /** The store the listing came from (records are read from it, then from the other). */
  from?: ContentStore;
  loading?: Promise<SnapshotListing>;
  records: Map<string, StoryRecord>;
  stores?: { published?: ContentStore; build: ContentStore };
  /** Whether the published store was found without a pointer (said once). */
  emptyNoticed?: boolean;
  /** For Next's cache handler (lib/cache/render-cache-handler.mjs), which runs outside the app's bundles. */
  servedState?: () => ServedState | undefined;
}

/**
 * What the pages rendered now show: the version's time (createdAt, ms) and how many of its embargoes have
 * lifted. Pages rendered in one state show the same thing whenever they are rendered; states only grow.
 */
export interface ServedState {
  version: string;
  createdAt: number;
  lifted: number;
}

// Named 'live-content': Next's cache handler (lib/cache/render-cache-handler.mjs) reads servedState from it.
const state = processSingleton<LiveState>('live-content', () => ({ records: new Map() }));
state.servedState ??= () =>
  state.listing && {
    version: state.listing.version,
    createdAt: Date.parse(state.listing.createdAt),
    lifted: embargoesLifted(state.listing, contentNow()),
  };

/** The published store this server reads (none without REDIS_URL or CONTENT_STORE_DIR) and the build's. */
function stores() {
  state.stores ??= { published: openPublishedStore(), build: new DiskStore(buildSnapshotDir()) };
  return state.stores;
}

/** Said once per process while the published store has no pointer (emptied, or never published to). */
function emptyStoreNotice(store: ContentStore, empty: boolean) {
  const noticed = state.emptyNoticed;
  state.emptyNoticed = empty;
  if (!empty || noticed) return;
  console.error(
    `content: ${store.description} holds no published content (emptied, or nothing published yet); serving ${state.listing ? 'what this origin has' : "the build's content"} until the next publish.`,
  );
}

/**
 * The newer of the published store's current version and the build's. `strict` (a sync): a published store
 * that cannot be read is an error. Otherwise (the first request) the server starts on the build's snapshot.
 */
async function newest(strict: boolean): Promise<{ listing: SnapshotListing; from: ContentStore }> {
  const { published, build } = stores();
  const candidates: Array<{ store: ContentStore; createdAt: string; version: string }> = [];
  for (const store of [published, build]) {
    if (!store) continue;
    const pointer = await store.current().catch((error: Error) => {
      if (strict || store === build) throw error;
      console.error(`content: ${error.message}; serving the build's content until the next sync.`);
      return undefined;
    });
    if (pointer) candidates.push({ store, ...pointer });
    if (store === published) emptyStoreNotice(store, !pointer);
  }
  candidates.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  // A store emptied (Redis restarted without its data) never takes an origin back to its build's content.
  if (state.listing && state.from && state.from === published && !candidates.some((c) => c.store === published))
    return { listing: state.listing, from: state.from };
  for (const { store, version } of candidates) {
    // The version served already (a publish's first call, which checks the origin answers): not read again.
    if (state.listing?.version === version && state.from) return { listing: state.listing, from: state.from };
    const listing = await store.listing(version);
    if (listing) return { listing, from: store };
  }
  throw new Error(
    `No content snapshot: neither ${build.description} (written by npm run build) nor a published store has one.`,
  );
}

/** The listing this server serves (loaded on first use). */
export async function liveListing(): Promise<SnapshotListing> {
  if (state.listing) return state.listing;
  state.loading ??= newest(false).then(({ listing, from }) => {
    state.listing ??= listing;
    state.from ??= from;
    return state.listing;
  });
  try {
    return await state.loading;
  } finally {
    state.loading = undefined;
  }
}

/**
 * Takes the newest version again. Throws when the published store cannot be read (the server keeps serving
 * what it has). Returns the listing served before and the one served now.
 */
export async function sync(): Promise<{ previous: SnapshotListing | undefined; next: SnapshotListing }> {
  const previous = state.listing;
  await measureStoreClock();
  const { listing, from } = await newest(true);
  if (!previous || previous.version !== listing.version) {
    state.listing = listing;
    state.from = from;
  }
  return { previous, next: state.listing! };
}

/**
 * The version the published store points at, and the one this process serves (undefined before its first
 * page): one read of the pointer (lib/publish/store-watch.ts asks every few seconds). Throws when the store
 * cannot be read.
 */
export async function publishedPointer(): Promise<{ pointer?: string; served?: string }> {
  const { published } = stores();
  if (!published) return {};
  await measureStoreClock();
  return { pointer: (await published.current())?.version, served: state.listing?.version };
}

/** Measures this process's offset from the published store's clock, when it has one (content-clock.ts). */
export function measureStoreClock(): Promise<void> {
  return measureClock(stores().published);
}

const RECORD_CACHE_SIZE = 200;

/**
 * A story's whole record, by the hash the listing gives it. Throws when no store can give it (the published
 * store is away): the page then fails uncached rather than render a 404 for a story that exists.
 */
export async function liveRecord(hash: string): Promise<StoryRecord> {
  const cached = state.records.get(hash);
  if (cached) return cached;
  const { published, build } = stores();
  let record: StoryRecord | undefined;
  let failure: Error | undefined;
  for (const store of new Set([state.from, published, build])) {
    if (!store) continue;
    record = await store.record(hash).catch((error: Error) => {
      failure = error;
      return undefined;
    });
    if (record) break;
  }
  if (!record)
    throw new Error(`content: the story record ${hash} cannot be read${failure ? `: ${failure.message}` : ''}`);
  state.records.set(hash, record);
  // Bodies are read per story: keep only the most recent few in memory.
  if (state.records.size > RECORD_CACHE_SIZE) state.records.delete(state.records.keys().next().value!);
  return record;
}

/**
 * A preview record (npm run content:preview) by its hash, from the published store, where the command wrote it;
 * undefined when there is none. Throws when the store cannot be read.
 */
export async function livePreview(hash: string): Promise<PreviewRecord | undefined> {
  return stores().published?.preview(hash);
}

/**
 * A photo file by its content hash, from the store the listing came from or any other (content:publish
 * stores the photos a release may lack); undefined when none has it.
 */
export async function livePhoto(sha256: string): Promise<Buffer | undefined> {
  const { published, build } = stores();
  for (const store of new Set([state.from, published, build])) {
    const bytes = store && (await store.photo(sha256).catch(() => undefined));
    if (bytes) return bytes;
  }
  return undefined;
}

/**
 * A file of the search index for the content this server serves: the published store's index of that version
 * (written by content:publish once the pages are live), else the build's (scripts/operators/standalone.mjs copies it into
 * the build's snapshot), else undefined.
 */
export async function liveSearchFile(name: string): Promise<Buffer | undefined> {
  const listing = await liveListing();
  const { published, build } = stores();
  // The index made for the embargoes lifted now; else the build's index of this very version.
  // (Published indexes are keyed by what they index, searchVersion; the build's by its snapshot's version.)
  for (const id of [
    searchIndexId(searchVersion(listing), embargoesLifted(listing, contentNow())),
    searchIndexId(listing.version),
  ]) {
    for (const store of new Set([state.from, published, build])) {
      if (!store) continue;
      const bytes = await store.searchFile(id, name).catch(() => undefined);
      if (bytes) return bytes;
    }
  }
  // The build's index, when the served version is a publish that has no index yet.
  const pointer = await build.current().catch(() => undefined);
  return pointer ? build.searchFile(pointer.version, name).catch(() => undefined) : undefined;
}
