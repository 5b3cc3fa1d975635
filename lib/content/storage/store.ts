/**
 * The store interface, and the store on disk (docs/decisions/0020): versions plus an atomic pointer to the
 * current one, so readers see one whole version or the previous one. Layout: current.json, versions/, stories/,
 * photos/, search/, previews/, publish.lock. The build's own snapshot is a disk store too (BUILD_SNAPSHOT_DIR).
 */
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StoryRecord } from '@/content/schema';
import type { PreviewRecord } from '../model/preview';
import { isRecordHash, isVersionId, type ContentSnapshot, type SnapshotListing } from './snapshot';

export interface CurrentPointer {
  version: string;
  createdAt: string;
}

export interface ContentStore {
  /** For messages: where this store is. */
  readonly description: string;
  current(): Promise<CurrentPointer | undefined>;
  listing(version: string): Promise<SnapshotListing | undefined>;
  record(hash: string): Promise<StoryRecord | undefined>;
  /** Writes the snapshot's listing and the records the store lacks; returns how many records it wrote. */
  write(snapshot: ContentSnapshot): Promise<number>;
  /** Points readers at a version written before (atomically). */
  setCurrent(pointer: CurrentPointer): Promise<void>;
  /**
   * Writes the photo files the store lacks (by content hash; `read` is called only for those); returns how
   * many it wrote. Origins serve a photo their release's public/ lacks from here (lib/content/serving/photos.ts).
   */
  writePhotos(photos: PhotoUpload[]): Promise<number>;
  /** A photo file by its content hash, or undefined. */
  photo(sha256: string): Promise<Buffer | undefined>;
  /** Writes a search index (Pagefind's files by relative name; id: searchIndexId), whole: readers see all or none. */
  writeSearch(id: string, files: Map<string, Buffer>): Promise<void>;
  /** One file of a search index, or undefined. */
  searchFile(id: string, name: string): Promise<Buffer | undefined>;
  /**
   * Keeps a preview record (content:preview, decision 0047) under its hash until at least `expires`: a record
   * written again keeps the later expiry. Never part of a version: readers see nothing of it.
   */
  writePreview(hash: string, record: PreviewRecord, expires: Date): Promise<void>;
  /** A preview record by its hash, or undefined (never written, or gone after its expiry). */
  preview(hash: string): Promise<PreviewRecord | undefined>;
  /** The store's clock (ms since the epoch) when every origin shares it (Redis' TIME); a disk store has none. */
  time?(): Promise<number>;
  /** Takes the publish lock, waiting up to waitMs for another holder; the returned function releases it. */
  lock(owner: string, waitMs: number): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * The build's snapshot, relative to the server's working folder: the project during `next build` (written by
 * content:check --build before Next compiles; not under the dist folder, which Next empties first), and
 * .next/standalone when serving (scripts/operators/standalone.mjs copies it there). Git-ignored.
 */
export const BUILD_SNAPSHOT_DIR = 'content/snapshot.generated';
export const buildSnapshotDir = (cwd: string = process.cwd()) => inFolder(cwd, BUILD_SNAPSHOT_DIR);

/**
 * A path inside a folder known only at run time. The comment tells Turbopack not to trace it: left to guess,
 * it matched every file under content/ (the story sources and the snapshot, 30,000 files at 10,000 stories)
 * and copied them into the standalone output, which never reads them (a release gets the snapshot apart).
 */
function inFolder(dir: string, ...parts: string[]): string {
  return path.join(/* turbopackIgnore: true */ dir, ...parts);
}

/** How long a publish waits for another to finish before it stops with a message. */
export const PUBLISH_LOCK_WAIT_S = 30;

/** How many story records a store writes at once. */
const RECORD_WRITE_BATCH = 64;

/** A lock older than this is left over from a publish that died: taken over. */
const LOCK_STALE_MS = 120_000;

export class PublishLockedError extends Error {}

/**
 * Whether the publish holding the lock is gone: its owner (`<host> pid <pid>`, as content:publish names
 * itself) ran on this machine and that process no longer exists. A killed publish then holds no one up.
 */
export function lockHolderGone(owner: string | undefined): boolean {
  const match = owner?.match(/^(\S+) pid (\d+)\b/);
  if (!match || match[1] !== os.hostname()) return false;
  try {
    process.kill(Number(match[2]), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** A photo a publish may need to store: its content hash, and how to read it. */
export interface PhotoUpload {
  sha256: string;
  read: () => Promise<Buffer>;
}
export const isPhotoHash = (value: string) => /^[0-9a-f]{64}$/.test(value);

/**
 * A search index's id: the content version and how many of its scheduled stories are live in it
 * (`<version>.<lifted>`), since an index made before an embargo lifts cannot hold that story. The build's
 * index is filed under its bare version.
 */
export const searchIndexId = (version: string, lifted?: number) =>
  lifted === undefined ? version : `${version}.${lifted}`;
export const isSearchIndexId = (value: string) => /^[0-9a-f]{20}(?:\.[0-9]{1,6})?$/.test(value);

/** A file name inside a search index as a request may give it: Pagefind's names only, no way out of the folder. */
export const isSearchFileName = (name: string) => /^(?:[a-z]+\/)?[A-Za-z0-9_.-]+$/.test(name) && !name.includes('..');

const readJson = async <T>(file: string): Promise<T | undefined> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** Writes a file whole or not at all: a reader sees the old file or the new one. */
async function writeAtomically(file: string, text: string | Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    // A full disk leaves no half-written file behind to fill it further.
    await rm(temporary, { force: true });
    throw error;
  }
}

interface StoredPreview {
  expires: string;
  record: PreviewRecord;
}

export class DiskStore implements ContentStore {
  readonly description: string;
  constructor(readonly dir: string) {
    this.description = `the folder ${dir}`;
  }

  current() {
    return readJson<CurrentPointer>(inFolder(this.dir, 'current.json'));
  }

  listing(version: string) {
    if (!isVersionId(version)) return Promise.resolve(undefined);
    return readJson<SnapshotListing>(inFolder(this.dir, 'versions', `${version}.json`));
  }

  record(hash: string) {
    if (!isRecordHash(hash)) return Promise.resolve(undefined);
    return readJson<StoryRecord>(inFolder(this.dir, 'stories', `${hash}.json`));
  }

  async write({ listing, records }: ContentSnapshot): Promise<number> {
    await mkdir(inFolder(this.dir, 'versions'), { recursive: true });
    await mkdir(inFolder(this.dir, 'stories'), { recursive: true });
    // The records the store has, listed once (a build's fresh snapshot has none; a publish, nearly all).
    const stored = new Set(await readdir(inFolder(this.dir, 'stories')));
    const missing = [...records].filter(([hash]) => !stored.has(`${hash}.json`));
    // Several at a time: one by one, 10,000 records took seconds of a build waiting on the disk.
    for (let i = 0; i < missing.length; i += RECORD_WRITE_BATCH) {
      await Promise.all(
        missing
          .slice(i, i + RECORD_WRITE_BATCH)
          .map(([hash, record]) =>
            writeAtomically(inFolder(this.dir, 'stories', `${hash}.json`), JSON.stringify(record)),
          ),
      );
    }
    await writeAtomically(inFolder(this.dir, 'versions', `${listing.version}.json`), JSON.stringify(listing));
    return missing.length;
  }

  async writePhotos(photos: PhotoUpload[]): Promise<number> {
    await mkdir(inFolder(this.dir, 'photos'), { recursive: true });
    let written = 0;
    for (const { sha256, read } of photos) {
      if (!isPhotoHash(sha256)) throw new Error(`not a photo hash: ${sha256}`);
      const file = inFolder(this.dir, 'photos', sha256);
      if (await exists(file)) continue;
      await writeAtomically(file, await read());
      written++;
    }
    return written;
  }

  async photo(sha256: string): Promise<Buffer | undefined> {
    if (!isPhotoHash(sha256)) return undefined;
    return readFile(inFolder(this.dir, 'photos', sha256)).catch(() => undefined);
  }

  async writeSearch(id: string, files: Map<string, Buffer>): Promise<void> {
    if (!isSearchIndexId(id)) throw new Error(`not a search index id: ${id}`);
    const final = inFolder(this.dir, 'search', id);
    const temporary = `${final}.${process.pid}.tmp`;
    await rm(temporary, { recursive: true, force: true });
    for (const [name, bytes] of files) {
      await mkdir(path.dirname(path.join(temporary, name)), { recursive: true });
      await writeFile(path.join(temporary, name), bytes);
    }
    await rm(final, { recursive: true, force: true });
    await rename(temporary, final);
  }

  async searchFile(id: string, name: string): Promise<Buffer | undefined> {
    if (!isSearchIndexId(id) || !isSearchFileName(name)) return undefined;
    return readFile(inFolder(this.dir, 'search', id, name)).catch(() => undefined);
  }

  /** previews/<hash>.json, `{ expires, record }`; a write also removes the previews past their expiry. */
  async writePreview(hash: string, record: PreviewRecord, expires: Date): Promise<void> {
    if (!isRecordHash(hash)) throw new Error(`not a preview hash: ${hash}`);
    const folder = inFolder(this.dir, 'previews');
    await mkdir(folder, { recursive: true });
    for (const name of await readdir(folder)) {
      if (!name.endsWith('.json')) continue;
      const kept = await readJson<StoredPreview>(inFolder(folder, name)).catch(() => undefined);
      if (kept && Date.parse(kept.expires) < Date.now()) await rm(inFolder(folder, name), { force: true });
    }
    const file = inFolder(folder, `${hash}.json`);
    const before = await readJson<StoredPreview>(file).catch(() => undefined);
    const later = before && Date.parse(before.expires) > expires.getTime() ? before.expires : expires.toISOString();
    await writeAtomically(file, JSON.stringify({ expires: later, record } satisfies StoredPreview));
  }

  async preview(hash: string): Promise<PreviewRecord | undefined> {
    if (!isRecordHash(hash)) return undefined;
    return (await readJson<StoredPreview>(inFolder(this.dir, 'previews', `${hash}.json`)))?.record;
  }

  async setCurrent(pointer: CurrentPointer): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeAtomically(inFolder(this.dir, 'current.json'), JSON.stringify(pointer));
  }

  async lock(owner: string, waitMs: number): Promise<() => Promise<void>> {
    await mkdir(this.dir, { recursive: true });
    const file = inFolder(this.dir, 'publish.lock');
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        const handle = await open(file, 'wx');
        try {
          await handle.writeFile(JSON.stringify({ owner, since: new Date().toISOString() }));
        } catch (error) {
          // An empty lock (the disk full) would hold the next publish up: none at all.
          await rm(file, { force: true });
          throw error;
        } finally {
          await handle.close();
        }
        return () => rm(file, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const held = await stat(file).catch(() => undefined);
      const holder = await readJson<{ owner: string; since: string }>(file).catch(() => undefined);
      if ((held && Date.now() - held.mtimeMs > LOCK_STALE_MS) || lockHolderGone(holder?.owner)) {
        await rm(file, { force: true });
        continue;
      }
      if (Date.now() >= deadline) {
        throw new PublishLockedError(
          `Another publish is running (${holder ? `${holder.owner}, since ${holder.since}` : 'lock held'}); nothing was changed. Run npm run content:publish again when it has finished.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async close(): Promise<void> {}
}

/** The project folder's default disk store, where `npm run serve` and `content:publish` meet. */
export const DEFAULT_STORE_DIR = '.content-store';
