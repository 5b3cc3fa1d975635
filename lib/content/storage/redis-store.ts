/**
 * The content store in Redis (REDIS_URL; docs/decisions/0024), shared by every origin. Keys under `aju:content:`:
 * listing:<version>, story:<hash>, photo:<sha256>, search files, preview:<hash> (with its link's expiry),
 * `current` (one SET) and `lock` (SET NX with expiry). Every command fails fast when Redis is away: a publish stops and changes nothing.
 */
import { createClient, RESP_TYPES } from 'redis';
import type { StoryRecord } from '@/content/schema';
import type { PreviewRecord } from '../model/preview';
import { isRecordHash, isVersionId, type ContentSnapshot, type SnapshotListing } from './snapshot';
import {
  isPhotoHash,
  isSearchFileName,
  isSearchIndexId,
  lockHolderGone,
  PublishLockedError,
  type ContentStore,
  type CurrentPointer,
  type PhotoUpload,
} from './store';

const PREFIX = 'aju:content:';
const LOCK_TTL_MS = 120_000;
const CONNECT_TIMEOUT_MS = 2_000;

/** Releases the lock only if this holder still has it. */
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export class RedisStore implements ContentStore {
  readonly description: string;
  private readonly client;
  private connecting?: Promise<unknown>;

  constructor(url: string) {
    const shown = new URL(url);
    shown.password = shown.password ? '***' : '';
    this.description = `Redis at ${shown.toString()}`;
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
      },
    });
    // Errors surface on the commands that meet them; the client reconnects by itself.
    this.client.on('error', () => undefined);
  }

  private async ready() {
    if (this.client.isReady) return this.client;
    this.connecting ??= this.client.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        this.connecting,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`${this.description} does not answer`)), CONNECT_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
    if (!this.client.isReady) throw new Error(`${this.description} does not answer`);
    return this.client;
  }

  private async getJson<T>(key: string): Promise<T | undefined> {
    const text = await (await this.ready()).get(PREFIX + key);
    return text ? (JSON.parse(text) as T) : undefined;
  }

  current() {
    return this.getJson<CurrentPointer>('current');
  }

  async time(): Promise<number> {
    const [seconds, microseconds] = await (await this.ready()).time();
    return Number(seconds) * 1000 + Math.floor(Number(microseconds) / 1000);
  }

  listing(version: string) {
    return isVersionId(version) ? this.getJson<SnapshotListing>(`listing:${version}`) : Promise.resolve(undefined);
  }

  record(hash: string) {
    return isRecordHash(hash) ? this.getJson<StoryRecord>(`story:${hash}`) : Promise.resolve(undefined);
  }

  async write({ listing, records }: ContentSnapshot): Promise<number> {
    const client = await this.ready();
    // Records never change: sent are only those not stored (asked by key, which costs far less than reading the
    // current listing, megabytes at 10,000 stories).
    const hashes = [...records.keys()];
    const stored = new Set<string>();
    for (let i = 0; i < hashes.length; i += 1000) {
      const batch = client.multi();
      const chunk = hashes.slice(i, i + 1000);
      for (const hash of chunk) batch.exists(`${PREFIX}story:${hash}`);
      (await batch.exec(true)).forEach((reply, j) => Number(reply) > 0 && stored.add(chunk[j]!));
    }
    const entries = [...records].filter(([hash]) => !stored.has(hash));
    let written = 0;
    for (let i = 0; i < entries.length; i += 500) {
      const batch = client.multi();
      for (const [hash, record] of entries.slice(i, i + 500))
        batch.set(`${PREFIX}story:${hash}`, JSON.stringify(record), { condition: 'NX' });
      const replies = await batch.exec();
      written += replies.filter((reply) => String(reply) === 'OK').length;
    }
    await client.set(`${PREFIX}listing:${listing.version}`, JSON.stringify(listing));
    return written;
  }

  async writePhotos(photos: PhotoUpload[]): Promise<number> {
    const client = await this.ready();
    let written = 0;
    for (const { sha256, read } of photos) {
      if (!isPhotoHash(sha256)) throw new Error(`not a photo hash: ${sha256}`);
      const key = `${PREFIX}photo:${sha256}`;
      if (await client.exists(key)) continue;
      if ((await client.set(key, await read(), { condition: 'NX' })) === 'OK') written++;
    }
    return written;
  }

  async photo(sha256: string): Promise<Buffer | undefined> {
    if (!isPhotoHash(sha256)) return undefined;
    const client = (await this.ready()).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    return (await client.get(`${PREFIX}photo:${sha256}`)) ?? undefined;
  }

  async writeSearch(id: string, files: Map<string, Buffer>): Promise<void> {
    if (!isSearchIndexId(id)) throw new Error(`not a search index id: ${id}`);
    const version = id;
    const client = await this.ready();
    const entries = [...files];
    for (let i = 0; i < entries.length; i += 200) {
      const batch = client.multi();
      for (const [name, bytes] of entries.slice(i, i + 200)) batch.set(`${PREFIX}search:${version}:${name}`, bytes);
      await batch.exec();
    }
    // Written last: until it is there, the index is not read (all or none).
    await client.set(`${PREFIX}search:${version}`, String(files.size));
  }

  async searchFile(id: string, name: string): Promise<Buffer | undefined> {
    if (!isSearchIndexId(id) || !isSearchFileName(name)) return undefined;
    const version = id;
    const client = (await this.ready()).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    const [complete, bytes] = await Promise.all([
      client.get(`${PREFIX}search:${version}`),
      client.get(`${PREFIX}search:${version}:${name}`),
    ]);
    return complete && bytes ? bytes : undefined;
  }

  async writePreview(hash: string, record: PreviewRecord, expires: Date): Promise<void> {
    if (!isRecordHash(hash)) throw new Error(`not a preview hash: ${hash}`);
    const client = await this.ready();
    const key = `${PREFIX}preview:${hash}`;
    const at = expires.getTime();
    const set = await client.set(key, JSON.stringify(record), {
      condition: 'NX',
      expiration: { type: 'PXAT', value: at },
    });
    // Written before (the same story, unchanged): its expiry only ever moves later.
    if (set !== 'OK') await client.pExpireAt(key, at, 'GT');
  }

  preview(hash: string) {
    return isRecordHash(hash) ? this.getJson<PreviewRecord>(`preview:${hash}`) : Promise.resolve(undefined);
  }

  async setCurrent(pointer: CurrentPointer): Promise<void> {
    await (await this.ready()).set(`${PREFIX}current`, JSON.stringify(pointer));
  }

  async lock(owner: string, waitMs: number): Promise<() => Promise<void>> {
    const client = await this.ready();
    const token = `${owner} ${Date.now()} ${Math.random()}`;
    const deadline = Date.now() + waitMs;
    for (;;) {
      const taken = await client.set(`${PREFIX}lock`, token, {
        condition: 'NX',
        expiration: { type: 'PX', value: LOCK_TTL_MS },
      });
      if (taken === 'OK') {
        return async () => {
          await client.eval(RELEASE, { keys: [`${PREFIX}lock`], arguments: [token] }).catch(() => undefined);
        };
      }
      const holder = (await client.get(`${PREFIX}lock`))?.toString();
      if (holder && lockHolderGone(holder)) {
        await client.eval(RELEASE, { keys: [`${PREFIX}lock`], arguments: [holder] });
        continue;
      }
      if (Date.now() >= deadline) {
        throw new PublishLockedError(
          `Another publish is running (${holder?.split(' ').slice(0, -2).join(' ') || 'lock held'}); nothing was changed. Run npm run content:publish again when it has finished.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close().catch(() => undefined);
    else this.client.destroy();
  }
}
