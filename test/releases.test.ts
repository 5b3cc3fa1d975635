/**
 * Releases (scripts/lib/releases.mjs) on a fake build: a new folder per build that the build only reads,
 * static files and the text face's hashed cuts shared both ways between kept releases, pointers replaced whole, pruning that spares pointers.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  listReleases,
  prepareRelease,
  pruneReleases,
  readPointer,
  resolveRelease,
  setPointer,
} from '@/scripts/lib/releases.mjs';

/** A project folder with a fake build: server.js, BUILD_ID, static chunks, public/, the content snapshot and a search index. */
function fakeBuild(
  root: string,
  buildId: string,
  chunks: Record<string, string>,
  builtAt: Date,
  font = 'face.a1.woff2',
) {
  rmSync(path.join(root, '.next'), { recursive: true, force: true });
  // A new cut of the text face replaces the old file (scripts/assets/make-fonts.ts).
  rmSync(path.join(root, 'public/fonts'), { recursive: true, force: true });
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  };
  write('.next/standalone/server.js', `// ${buildId}\n`);
  write('.next/BUILD_ID', buildId);
  utimesSync(path.join(root, '.next/BUILD_ID'), builtAt, builtAt);
  for (const [name, text] of Object.entries(chunks)) write(`.next/static/chunks/${name}`, text);
  write('.next/pagefind/pagefind.js', `// index of ${buildId}\n`);
  write('content/snapshot.generated/current.json', JSON.stringify({ version: `v-${buildId}` }));
  write('public/robots-note.txt', 'public file\n');
  write(`public/fonts/${font}`, `font of ${buildId}`);
}

test('each build becomes its own release; static files and font cuts are shared both ways; the build is only read', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'aju-releases-test-'));
  const quiet = () => {};
  try {
    fakeBuild(root, 'buildA', { 'a.js': 'A', 'shared.js': 'S' }, new Date('2026-11-01T10:00:00Z'));
    const before = statSync(path.join(root, '.next/standalone/server.js')).mtimeMs;
    const a = prepareRelease({}, quiet, root);
    assert.equal(a, '20261101T100000Z-buildA');
    const releases = path.join(root, '.next-releases');
    assert.equal(readPointer(releases, 'latest'), a);
    const aDir = resolveRelease(releases, 'latest')!.dir;
    assert.equal(readFileSync(path.join(aDir, 'server.js'), 'utf8'), '// buildA\n');
    assert.equal(readFileSync(path.join(aDir, '.next/static/chunks/a.js'), 'utf8'), 'A');
    assert.ok(existsSync(path.join(aDir, 'content/snapshot.generated/current.json')), "the build's content snapshot");
    assert.ok(
      existsSync(path.join(aDir, 'content/snapshot.generated/search/v-buildA/pagefind.js')),
      "the search index, as the build's content version's",
    );
    assert.ok(existsSync(path.join(aDir, 'public/robots-note.txt')));
    assert.equal(statSync(path.join(root, '.next/standalone/server.js')).mtimeMs, before, 'the build is not touched');
    assert.equal(prepareRelease({}, quiet, root), a, 'preparing the same build again reuses its release');

    fakeBuild(root, 'buildB', { 'b.js': 'B', 'shared.js': 'S' }, new Date('2026-11-02T10:00:00Z'), 'face.b2.woff2');
    const b = prepareRelease({}, quiet, root);
    assert.deepEqual(listReleases(releases), [a, b]);
    const bDir = path.join(releases, b);
    // B serves A's chunks (pages of A still open or at the edge), and A gained B's (for a rollback).
    assert.equal(readFileSync(path.join(bDir, '.next/static/chunks/a.js'), 'utf8'), 'A');
    assert.equal(readFileSync(path.join(aDir, '.next/static/chunks/b.js'), 'utf8'), 'B');
    // The text face's hashed files likewise: A's pages ask B's origins for A's cut, and a rollback serves B's.
    assert.equal(readFileSync(path.join(bDir, 'public/fonts/face.a1.woff2'), 'utf8'), 'font of buildA');
    assert.equal(readFileSync(path.join(aDir, 'public/fonts/face.b2.woff2'), 'utf8'), 'font of buildB');
    assert.equal(readFileSync(path.join(aDir, 'server.js'), 'utf8'), '// buildA\n', 'A is still A');
    assert.equal(readPointer(releases, 'latest'), b);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('pointers are replaced whole; pruning keeps the newest and every release a pointer names', () => {
  const releases = mkdtempSync(path.join(os.tmpdir(), 'aju-releases-prune-'));
  try {
    const names = [
      '20261101T000000Z-a',
      '20261102T000000Z-b',
      '20261103T000000Z-c',
      '20261104T000000Z-d',
      '20261105T000000Z-e',
    ];
    for (const name of names) {
      mkdirSync(path.join(releases, name));
      writeFileSync(path.join(releases, name, 'server.js'), '');
    }
    setPointer(releases, 'current', names[0]);
    setPointer(releases, 'current', names[1]);
    setPointer(releases, 'previous', names[0]);
    setPointer(releases, 'latest', names[4]);
    assert.equal(readPointer(releases, 'current'), names[1]);
    assert.throws(() => setPointer(releases, 'other', names[0]), /unknown pointer/);
    mkdirSync(path.join(releases, '.run', `${names[2]}-3000`), { recursive: true });
    pruneReleases(releases, 2, () => {});
    // c is neither among the newest two nor pointed at: removed, with its origins' run folders.
    assert.deepEqual(listReleases(releases), [names[0], names[1], names[3], names[4]]);
    assert.ok(!existsSync(path.join(releases, '.run', `${names[2]}-3000`)));
    setPointer(releases, 'previous', undefined);
    assert.equal(readPointer(releases, 'previous'), undefined);
    assert.equal(resolveRelease(releases, 'previous'), undefined);
  } finally {
    rmSync(releases, { recursive: true, force: true });
  }
});
