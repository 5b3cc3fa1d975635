/**
 * content:publish's last step: the search index of the new version, and of it after each of the next
 * embargoes, written to the store that origins serve /pagefind/ from (decision 0025).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { embargoesAfter, embargoesLifted } from '@/lib/content/model/embargoes';
import { searchVersion, type ContentSnapshot } from '@/lib/content/storage/snapshot';
import { DiskStore, searchIndexId, type ContentStore } from '@/lib/content/storage/store';
import { configuredEdges, softPurgeKeys } from '@/lib/edge/xkey';
import { lowerPriority } from '@/lib/search/priority.mjs';

/** How many embargoes ahead a publish writes search indexes for; later ones get theirs from a later publish. */
const MAX_EMBARGO_INDEXES = 5;
const INDEXER = 'scripts/operators/search-index.ts';

/** The files of a folder, by their path relative to it. */
function readTree(dir: string, prefix = '', files = new Map<string, Buffer>()): Map<string, Buffer> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) readTree(path.join(dir, entry.name), `${prefix}${entry.name}/`, files);
    else files.set(`${prefix}${entry.name}`, readFileSync(path.join(dir, entry.name)));
  }
  return files;
}

/** The Pagefind index of the snapshot as visible at `at` (default now), made by the indexer in its own process. */
async function buildSearchIndex(root: string, snapshotDir: string, at?: Date): Promise<Map<string, Buffer>> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'aju-search-'));
  try {
    await new Promise<void>((resolve, reject) => {
      const args = [path.join(root, 'node_modules/tsx/dist/cli.mjs'), INDEXER, '--out', path.join(out, 'index')];
      // NEXT_DIST_DIR at an empty folder: the index holds what is visible at `at`, not at the last build's clock.
      const env = { ...process.env, NEXT_DIST_DIR: path.relative(root, out), SITE_BUILT_AT: at?.toISOString() ?? '' };
      const indexer = execFile(
        process.execPath,
        [...args, '--snapshot', snapshotDir],
        { cwd: root, env, maxBuffer: 16 * 2 ** 20 },
        (error, _stdout, stderr) =>
          error ? reject(new Error(stderr.trim().split('\n').slice(-3).join(' ') || error.message)) : resolve(),
      );
      // Below the origins' priority: the pages this publish purged render while the index is made.
      lowerPriority(indexer);
    });
    return readTree(path.join(out, 'index'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Whether the store lacks this version's index for now (then it is written even if no page changed). */
export async function searchIndexMissing(store: ContentStore, snapshot: ContentSnapshot): Promise<boolean> {
  const id = searchIndexId(searchVersion(snapshot.listing), embargoesLifted(snapshot.listing, new Date()));
  return !(await store.searchFile(id, 'pagefind-entry.json'));
}

/** Writes the indexes; the one for now first, its entry files then purged at the edge. Throws on failure. */
export async function writeSearchIndexes(root: string, store: ContentStore, snapshot: ContentSnapshot) {
  const { listing } = snapshot;
  const times = [undefined, ...embargoesAfter(listing, new Date()).slice(0, MAX_EMBARGO_INDEXES)];
  // The snapshot this publish checked, on disk for the indexer: it reads that, not every story file again.
  const snapshotDir = mkdtempSync(path.join(os.tmpdir(), 'aju-publish-snapshot-'));
  try {
    const checked = new DiskStore(snapshotDir);
    await checked.write(snapshot);
    await checked.setCurrent({ version: listing.version, createdAt: listing.createdAt });
    for (const at of times) {
      const files = await buildSearchIndex(root, snapshotDir, at);
      await store.writeSearch(searchIndexId(searchVersion(listing), embargoesLifted(listing, at ?? new Date())), files);
      if (at) continue;
      const entryFiles = [...files.keys()].filter((name) => !name.includes('/')).map((name) => `/pagefind/${name}`);
      for (const edge of configuredEdges().edges) await softPurgeKeys(edge, entryFiles).catch(() => undefined);
    }
    return times.length - 1;
  } finally {
    rmSync(snapshotDir, { recursive: true, force: true });
  }
}
