/**
 * content:check's cache (lib/content-check/check-cache.ts): a second run over the same tree gives the same answer
 * from what the first remembered, and a changed file is loaded and checked again; only story files whose
 * export follows from their text alone are remembered.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { buildSnapshot } from '@/lib/content/storage/snapshot';
import { isPlainStorySource } from '@/lib/content-check/check-cache';
import { checkContentTree } from '@/lib/content-check/check-tree';
import { createTempProject } from '@/test/support/temp-project';

const SEED = 'content/stories/2024/06/putin-heads-to-pyongyang.ts';
const project = createTempProject('aju-check-cache-');
after(() => project.remove());

test('only a story file whose one import is the schema is remembered by its text', () => {
  const seed = readFileSync(path.join(project.dir, SEED), 'utf8');
  assert.equal(isPlainStorySource(seed), true);
  assert.equal(isPlainStorySource(`${seed}\n// export growth slowed, as the body says\n`), true);
  assert.equal(isPlainStorySource(`import { lede } from './shared';\n${seed}`), false, 'another module');
  assert.equal(isPlainStorySource(`${seed}\nexport const extra = 1;\n`), false, 'another export');
  assert.equal(isPlainStorySource(seed.replace("'Yonhap'", "await import('./credit')")), false, 'dynamic import');
});

test('a second check answers the same from the cache, and a changed file is checked again', async () => {
  const first = await checkContentTree(project.dir);
  assert.equal(first.errors, 0);
  const cacheFile = path.join(project.dir, 'node_modules/.cache/aju-content-check/check-cache.json');
  assert.ok(existsSync(cacheFile), 'the first run leaves its cache');
  const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { sources: object; parses: object };
  assert.ok(Object.keys(cached.sources).length > 0 && Object.keys(cached.parses).length > 0);

  const second = await checkContentTree(project.dir);
  assert.deepEqual(second.problems, first.problems);
  assert.equal(buildSnapshot(second.content).listing.version, buildSnapshot(first.content).listing.version);

  // An error written into the file is found: the changed text is loaded and parsed again.
  const file = path.join(project.dir, SEED);
  const source = readFileSync(file, 'utf8');
  writeFileSync(file, source.replace(/credit: '[^']*'/, "credit: ''"));
  const broken = await checkContentTree(project.dir);
  assert.ok(broken.errors > 0, 'the emptied credit is an error');
  assert.ok(broken.problems.some((p) => p.file === SEED && p.field.endsWith('credit')));
  writeFileSync(file, source);
  assert.equal((await checkContentTree(project.dir)).errors, 0, 'and fixed, it passes again');
});
