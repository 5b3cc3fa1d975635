/**
 * Next's cache handler (next.config.js `cacheHandler`): Next's file-system cache, and with REDIS_URL the
 * renders shared by every origin through Redis, bounded so Redis away fails nothing (decision 0026, which
 * gives the keys, TTLs and rules). Plain JavaScript: Next imports it at run time, outside the app's bundles.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { existingSingleton, processSingleton } from '../process-singleton.mjs';
import { getResizedPhoto, setResizedPhoto } from './resized-photos.mjs';

const require = createRequire(import.meta.url);
// Next's default handler for this exact version (package-lock pins it): the seeds, the memory, the local tags.
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;
const { createClient, RESP_TYPES } = require('redis');

const PREFIX = 'aju:render:';
const TAGS_KEY = `${PREFIX}tags`;
const CACHE_TAGS_HEADER = 'x-next-cache-tags';
// The tags this origin revalidated (Next's own record, which Next checks every entry against).
const { tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js');
/** This process's Redis connection, opened on first use (sharedRedis). */
const connection = processSingleton('render-cache', () => ({ shared: /** @type {any} */ (undefined) }));

const zip = promisify(gzip);
const unzip = promisify(gunzip);

/**
 * The content state this origin serves (lib/content/serving/served-content.ts ServedState), or undefined before its first page.
 * @returns {{ version: string; createdAt: number; lifted: number } | undefined}
 */
export function servedContent() {
  // Kept by lib/content/serving/served-content.ts: the content version this origin serves.
  return /** @type {any} */ (existingSingleton('live-content'))?.servedState?.();
}

/** Orders content states: a later version, or the same one with more embargoes lifted, is newer. */
export function compareStates(a, b) {
  if (a.version === b.version) return a.lifted - b.lifted;
  return a.createdAt - b.createdAt || (a.version < b.version ? -1 : 1);
}

/**
 * @typedef {{ version: string; createdAt: number; lifted: number }} ContentState
 * @typedef {{ expired?: number; stale?: number; content?: ContentState }} SharedTag
 *   A revalidated tag: when it expired (ms), and the content state of the origin that revalidated it.
 * @typedef {{ value: any; lastModified: number; cacheControl?: unknown; content: ContentState }} SharedEntry
 */

/**
 * Whether an entry another origin (or this one) stored in Redis may answer this origin now. Entries and
 * revalidations carry the content state they were made in, so the answer does not hang on clocks or on
 * which origin synced first:
 * - rendered from newer content than this origin serves: no (its links could lead to pages this origin does
 *   not have yet); this origin renders its own until its sync;
 * - a tag of the entry revalidated in a newer state than the entry's: no, even if the entry was stored
 *   later (an origin still on the old content rendered it between the publish and its own sync);
 * - a tag revalidated in the entry's own state or an older one: yes (an origin starting up revalidates what
 *   changed since its build; that makes no page rendered from today's content stale).
 * @param {SharedEntry} entry @param {Array<SharedTag | undefined>} tags @param {ContentState | undefined} served
 * @param {number} now
 */
export function sharedEntryUsable(entry, tags, served, now) {
  if (!served || compareStates(entry.content, served) > 0) return false;
  for (const tag of tags) {
    if (!tag) continue;
    if (tag.content) {
      if (compareStates(tag.content, entry.content) > 0) return false;
    } else if (typeof tag.expired === 'number' && tag.expired <= now && tag.expired > entry.lastModified) {
      return false;
    }
  }
  return true;
}

/** The tags Next files an entry under: response entries in their headers, fetch entries in the context. */
export function entryTags(value, ctx = {}) {
  const header = value?.headers?.[CACHE_TAGS_HEADER];
  const fromHeader = typeof header === 'string' && header ? header.split(',') : [];
  return [...new Set([...fromHeader, ...(ctx.tags ?? []), ...(ctx.softTags ?? [])])];
}

/** JSON with Buffers and Maps (an entry's rscData, body and segmentData) kept as what they are. */
export function serializeEntry(entry) {
  return JSON.stringify(entry, function replace(key, value) {
    const raw = this[key];
    if (Buffer.isBuffer(raw)) return { $buffer: raw.toString('base64') };
    if (raw instanceof Map) return { $map: [...raw.entries()] };
    return value;
  });
}

export function deserializeEntry(text) {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === 'object' && typeof value.$buffer === 'string')
      return Buffer.from(value.$buffer, 'base64');
    if (value && typeof value === 'object' && Array.isArray(value.$map)) return new Map(value.$map);
    return value;
  });
}

const timeoutMs = () => Number(process.env.REDIS_TIMEOUT_MS) || 500;
const ttlSeconds = () => Number(process.env.RENDER_CACHE_TTL_SECONDS) || 7 * 24 * 3600;

/** Rejects when Redis does not answer in time (a stalled connection must not stall a page). */
function bounded(promise) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not answer in time')), timeoutMs());
    }),
  ]).finally(() => clearTimeout(timer));
}

/** One Redis connection per process, opened on first use; it fails fast and reconnects by itself. */
function sharedRedis(url) {
  if (connection.shared?.url === url) return connection.shared;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  }).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  client.on('error', () => undefined);
  const shared = {
    url,
    client,
    connecting: undefined,
    warned: false,
    async ready() {
      if (client.isReady) return client;
      shared.connecting ??= client.connect().catch((error) => {
        shared.connecting = undefined;
        throw error;
      });
      await bounded(shared.connecting);
      if (!client.isReady) throw new Error('Redis is not ready');
      return client;
    },
    /** Logs the first failure of a run of them, not one line per request. */
    failed(error) {
      if (!shared.warned)
        console.error(`render cache: Redis does not answer (${error.message}); serving from this origin's own cache.`);
      shared.warned = true;
    },
    recovered() {
      if (shared.warned) console.error('render cache: Redis answers again.');
      shared.warned = false;
    },
  };
  connection.shared = shared;
  return shared;
}

/** Closes this process's Redis connection (tests; a server keeps it for its life). */
export async function closeSharedRedis() {
  const shared = connection.shared;
  connection.shared = undefined;
  if (shared?.client.isOpen) await shared.client.close();
}

function readBuildId(serverDistDir) {
  try {
    return readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'unknown-build';
  }
}

export default class RenderCacheHandler {
  /** @param {any} ctx what Next gives every cache handler */
  constructor(ctx) {
    this.local = new FileSystemCache(ctx);
    const url = process.env.REDIS_URL;
    const building = process.env.NEXT_PHASE === 'phase-production-build';
    this.redis = url && !building && !ctx.dev ? sharedRedis(url) : undefined;
    this.keyPrefix = `${PREFIX}${readBuildId(ctx.serverDistDir ?? '.')}:`;
    /** Next makes a handler per request: what each key's lookup saw, for the render that follows it. */
    this.contentAtLookup = new Map();
  }

  /**
   * This origin's own cache first (what it rendered, copied or was built with, checked against the tags it
   * revalidated): a page it holds costs no round trip. Then Redis.
   */
  async get(key, ctx) {
    if (ctx?.kind === 'IMAGE') return getResizedPhoto(key);
    const held = await this.local.get(key, ctx);
    if (held || !this.redis) return held;
    // A miss: a render may follow. The content it starts from (a publish may switch it before it is stored).
    this.contentAtLookup.set(key, servedContent());
    return (await this.sharedGet(key, ctx)) ?? null;
  }

  /** A usable entry from Redis, copied into this origin's memory; undefined when there is none or Redis is away. */
  async sharedGet(key, ctx) {
    const served = servedContent();
    if (!served) return undefined;
    try {
      const client = await this.redis.ready();
      const stored = await bounded(client.get(this.keyPrefix + key));
      this.redis.recovered();
      if (!stored) return undefined;
      /** @type {SharedEntry} */
      const entry = deserializeEntry((await unzip(stored)).toString('utf8'));
      const tags = entryTags(entry.value, ctx);
      const states = tags.length ? await bounded(client.hmGet(TAGS_KEY, tags)) : [];
      const parsed = states.map((state) => (state ? JSON.parse(state.toString('utf8')) : undefined));
      const now = Date.now();
      if (!sharedEntryUsable(entry, parsed, served, now)) return undefined;
      // Usable against every origin's revalidations, this origin's included: dated after this origin's own
      // (Next would otherwise take a page rendered elsewhere from today's content for stale).
      let lastModified = entry.lastModified;
      for (const tag of tags) {
        const expired = tagsManifest.get(tag)?.expired;
        if (typeof expired === 'number' && expired <= now) lastModified = Math.max(lastModified, expired);
      }
      const found = { value: entry.value, lastModified, cacheControl: entry.cacheControl };
      FileSystemCache.memoryCache?.set(key, found);
      return found;
    } catch (error) {
      this.redis.failed(error);
      return undefined;
    }
  }

  async set(key, data, ctx) {
    if (ctx?.kind === 'IMAGE') return setResizedPhoto(key, data);
    await this.local.set(key, data, ctx);
    if (!this.redis) return;
    // The older of the content at lookup and now: a render that straddled a sync is filed under the old one.
    const [atLookup, now] = [this.contentAtLookup.get(key), servedContent()];
    const served = atLookup && now && compareStates(atLookup, now) < 0 ? atLookup : (now ?? atLookup);
    if (!served) return;
    /** @type {SharedEntry} */
    const entry = {
      value: data,
      lastModified: Date.now(),
      cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
      content: served,
    };
    try {
      const client = await this.redis.ready();
      const packed = await zip(serializeEntry(entry), { level: 1 });
      await bounded(client.set(this.keyPrefix + key, packed, { EX: ttlSeconds() }));
      this.redis.recovered();
    } catch (error) {
      this.redis.failed(error);
    }
  }

  async revalidateTag(tags, durations) {
    await this.local.revalidateTag(tags, durations);
    const list = typeof tags === 'string' ? [tags] : tags;
    if (!this.redis || list.length === 0) return;
    const now = Date.now();
    /** @type {SharedTag} */
    const state = durations
      ? { stale: now, ...(durations.expire !== undefined ? { expired: now + durations.expire * 1000 } : {}) }
      : { expired: now };
    const served = servedContent();
    if (served) state.content = served;
    try {
      const client = await this.redis.ready();
      const value = JSON.stringify(state);
      await bounded(client.hSet(TAGS_KEY, Object.fromEntries(list.map((tag) => [tag, value]))));
      this.redis.recovered();
    } catch (error) {
      // Every origin in PUBLISH_ORIGINS revalidates itself too; the shared tags are for the others.
      this.redis.failed(error);
    }
  }

  resetRequestCache() {}
}
