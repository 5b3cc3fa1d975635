/**
 * `npm run content:check`: validates every content module, prints every problem at once and writes the story index;
 * exits 1 on any error (CONTENT.md; lib/content-check/ does the work). `--build` also writes the build's content
 * snapshot the server reads (decision 0020); `--quiet` prints only problems.
 *
 *   npx tsx scripts/editors/content-check.ts [--quiet] [--build]
 */
import path from 'node:path';
import { buildSnapshot } from '@/lib/content/storage/snapshot';
import { buildSnapshotDir, DiskStore } from '@/lib/content/storage/store';
import { checkContentTree, checkReport } from '../../lib/content-check/check-tree';
import { writeStoryIndex } from '../../lib/content-check/load-sources';

const root = path.resolve(import.meta.dirname, '../..');

/** The snapshot of the tree as built: `npm start` serves it until a publish brings a newer one. */
async function writeBuildSnapshot(content: Parameters<typeof buildSnapshot>[0]): Promise<void> {
  const snapshot = buildSnapshot(content);
  const store = new DiskStore(buildSnapshotDir(root));
  await store.write(snapshot);
  await store.setCurrent({ version: snapshot.listing.version, createdAt: snapshot.listing.createdAt });
}

async function main() {
  const started = performance.now();
  const quiet = process.argv.includes('--quiet');
  const forBuild = process.argv.includes('--build');
  const result = await checkContentTree(root);
  writeStoryIndex(root, result.files, result.content);
  if (forBuild && result.errors === 0) await writeBuildSnapshot(result.content);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!quiet || result.problems.length > 0) console.log(checkReport(result, seconds).join('\n'));
  process.exitCode = result.errors > 0 ? 1 : 0;
}

await main();
