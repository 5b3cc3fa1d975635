/**
 * npm run content:check — validates every content module and prints every problem at once, as
 * `file › field: what is wrong — how to fix it`. Exits 1 on any error; warnings are shown but pass.
 * It also writes the story index, content/stories/index.generated.ts (lib/content/model/story-index.ts), from the
 * files it found. next build, next dev and next typegen run it first (lib/content-check/content-gate.js), so an
 * invalid story cannot ship and the index is always fresh. `--quiet` prints only problems.
 * `--build` (next build, through content-gate.js) also writes the build's content snapshot
 * (lib/content/storage/snapshot.ts), which the server reads at run time: a production server never imports a story
 * module (the build compiles content/stories/index.production.generated.ts, with none, in the index's place).
 */
import path from 'node:path';
import { buildSnapshot } from '@/lib/content/storage/snapshot';
import { buildSnapshotDir, DiskStore } from '@/lib/content/storage/store';
import { checkContentTree, checkReport } from '../../lib/content-check/check-tree';
import { writeStoryIndex } from '../../lib/content-check/load-sources';

const started = performance.now();
const root = path.resolve(import.meta.dirname, '../..');

const quiet = process.argv.includes('--quiet');
const forBuild = process.argv.includes('--build');
const result = await checkContentTree(root);
writeStoryIndex(root, result.files, result.content);
if (forBuild && result.errors === 0) {
  // The snapshot of the tree as built: `npm start` serves it until a publish brings a newer one.
  const snapshot = buildSnapshot(result.content);
  const store = new DiskStore(buildSnapshotDir(root));
  await store.write(snapshot);
  await store.setCurrent({ version: snapshot.listing.version, createdAt: snapshot.listing.createdAt });
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (!quiet || result.problems.length > 0) console.log(checkReport(result, seconds).join('\n'));
process.exitCode = result.errors > 0 ? 1 : 0;
