/**
 * content:check's cache (lib/content-check/check-cache.ts): from an empty cache, a first run remembers every story
 * and a second answers from what it remembered, by each file's stat; a changed file is loaded and checked again.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { buildSnapshot } from '@/lib/content/storage/snapshot';
import { isPlainStorySource } from '@/lib/content-check/check-cache';
import { checkContentTree, type CheckResult } from '@/lib/content-check/check-tree';
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

const cacheDir = path.join(project.dir, 'node_modules/.cache/aju-content-check');
const cacheFile = path.join(cacheDir, 'check-cache.json');
interface CacheFile {
  at: number;
  files: Record<string, { stat: string; source: string }>;
  sources: Record<string, unknown>;
  checks: Record<string, unknown>;
}
const readCache = () => JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheFile;
const editCache = (edit: (cache: CacheFile) => void) => {
  const cache = readCache();
  edit(cache);
  writeFileSync(cacheFile, JSON.stringify(cache));
};
const seedOf = (result: CheckResult) => result.content.stories.find((s) => s.file === SEED)!.story;
/** The key of a story's remembered check: its file and its source text's key. */
const checkKey = (file: string, source: string) =>
  createHash('sha256').update(`${file}\0source:${source}`).digest('base64url');

/** Every `headline` in the cached entries set to `marker`: a run that shows it took its story from there. */
const marked = <T>(entries: T, marker: string): T => {
  const mark = (value: unknown): unknown =>
    typeof value !== 'object' || value === null
      ? value
      : Array.isArray(value)
        ? value.map(mark)
        : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'headline' ? marker : mark(v)]));
  return mark(entries) as T;
};

test('from an empty cache, a first run remembers every story and a second answers from what it remembered', async () => {
  // The copy's node_modules is a hard-linked copy of this project's, cache and all: start it cold.
  rmSync(cacheDir, { recursive: true, force: true });
  const first = await checkContentTree(project.dir);
  assert.equal(first.errors, 0);
  assert.ok(existsSync(cacheFile), 'the first run leaves its cache');
  const cached = readCache();
  assert.equal(Object.keys(cached.files).length, first.storyCount, 'every story file’s stat and source key');
  assert.equal(Object.keys(cached.checks).length, first.storyCount, 'every story’s check');
  // A story that passed the schema keeps no export: its check is all a later run needs.
  assert.deepEqual(Object.values(cached.sources), Array(first.storyCount).fill(null));

  const second = await checkContentTree(project.dir);
  assert.deepEqual(second.problems, first.problems);
  assert.equal(buildSnapshot(second.content).listing.version, buildSnapshot(first.content).listing.version);

  // The files are unchanged, so a run takes each story's check from the cache, not from loading the file…
  editCache((cache) => (cache.checks = marked(cache.checks, 'From the cached check')));
  assert.equal(seedOf(await checkContentTree(project.dir)).headline, 'From the cached check');
  // …and with no check remembered, it loads the file again (its export was not kept).
  editCache((cache) => (cache.checks = {}));
  assert.equal(seedOf(await checkContentTree(project.dir)).headline, seedOf(first).headline);
});

test('a file whose stat is unchanged since an earlier run is not read again', async () => {
  await checkContentTree(project.dir);
  editCache((cache) => {
    // As if the run had started well after every file was last written, and the seed then had other text.
    cache.at = Date.now() + 60_000;
    const { source } = cache.files[SEED]!;
    cache.checks[checkKey(SEED, 'other-text')] = marked(cache.checks[checkKey(SEED, source)], 'From the stat');
    cache.sources['other-text'] = null;
    cache.files[SEED]!.source = 'other-text';
  });
  assert.equal(seedOf(await checkContentTree(project.dir)).headline, 'From the stat');
  // Written again (the stat changes), the file is read, and its own text's check answers.
  const file = path.join(project.dir, SEED);
  writeFileSync(file, readFileSync(file, 'utf8'));
  assert.notEqual(seedOf(await checkContentTree(project.dir)).headline, 'From the stat');
});

test('a changed file is loaded and checked again, whatever the cache holds', async () => {
  const file = path.join(project.dir, SEED);
  const source = readFileSync(file, 'utf8');
  writeFileSync(file, source.replace(/headline: '[^']*'/, "headline: 'Edited in the file'"));
  assert.equal(seedOf(await checkContentTree(project.dir)).headline, 'Edited in the file', 'not the cached copy');
  // An error written into the file is found: the changed text is loaded and parsed again.
  writeFileSync(file, source.replace(/credit: '[^']*'/, "credit: ''"));
  const broken = await checkContentTree(project.dir);
  assert.ok(broken.errors > 0, 'the emptied credit is an error');
  assert.ok(broken.problems.some((p) => p.file === SEED && p.field.endsWith('credit')));
  writeFileSync(file, source);
  assert.equal((await checkContentTree(project.dir)).errors, 0, 'and fixed, it passes again');
});

test('a live update is remembered by its text, and a changed update is loaded and checked again', async () => {
  const file = path.join(project.dir, SEED);
  const source = readFileSync(file, 'utf8');
  const UPDATE = SEED.replace(/\.ts$/, '/20240618-1000-landed.ts');
  const update = (title: string, postedAt = '2024-06-18T10:00:00+09:00') =>
    `import { defineUpdate } from '@/content/schema';\n\nexport default defineUpdate({\n  id: '20240618-1000-landed',\n  postedAt: '${postedAt}',\n  title: '${title}',\n  body: [{ type: 'paragraph', text: 'Putin landed.' }],\n});\n`;
  writeFileSync(file, source.replace(/(\n\s*postedAt:)/, "\n  live: { startedAt: '2024-06-18T08:25:00+09:00' },$1"));
  project.write(UPDATE, update('Putin lands'));
  try {
    assert.equal(isPlainStorySource(update('Putin lands')), true);
    const updateOf = (result: CheckResult) => seedOf(result).updates?.[0];
    const first = await checkContentTree(project.dir);
    assert.equal(first.errors, 0, JSON.stringify(first.problems));
    assert.equal(first.updateCount, 1);
    const key = readCache().files[UPDATE]!.source;
    assert.equal((readCache().sources[key] as { title?: string }).title, 'Putin lands', 'its export is kept');

    // Unchanged, the update comes from the cache…
    editCache((cache) => ((cache.sources[key] as { title: string }).title = 'From the cache'));
    assert.equal(updateOf(await checkContentTree(project.dir))?.title, 'From the cache');
    // …changed, it is loaded again, and its rules run on the new text: here, posted before the coverage started.
    project.write(UPDATE, update('Putin lands at last', '2024-06-18T08:00:00+09:00'));
    const changed = await checkContentTree(project.dir);
    assert.deepEqual(
      changed.problems.map((p) => `${p.file} › ${p.field}`),
      [`${UPDATE} › postedAt`],
    );
    project.write(UPDATE, update('Putin lands at last'));
    assert.equal(updateOf(await checkContentTree(project.dir))?.title, 'Putin lands at last');
  } finally {
    rmSync(path.join(project.dir, SEED.replace(/\.ts$/, '')), { recursive: true, force: true });
    writeFileSync(file, source);
  }
});
