/**
 * A throwaway copy of this project with extra or replaced content files, for tests and benchmarks that
 * need another set of stories (broken ones, drafts, a thousand synthetic ones) without touching content/.
 * node_modules is hard-linked, not symlinked: Turbopack refuses a node_modules that points outside its root.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

const COPIED = [
  'app',
  'components',
  'content',
  'lib',
  'public',
  'scripts',
  'next.config.js',
  'proxy.ts',
  'instrumentation.ts',
  'tsconfig.json',
  'package.json',
];

/**
 * Node's arguments for `npm run content:publish`, run in a project folder (the cwd), as package.json runs it:
 * through tsx's loader in one process, not tsx's CLI (which starts a second Node process first).
 */
export const CONTENT_PUBLISH_ARGS = ['--import', 'tsx', 'scripts/editors/content-publish.ts'];

export interface TempProject {
  dir: string;
  /** Writes a file relative to the copy's root, creating folders as needed. */
  write(relativePath: string, contents: string | Buffer): void;
  remove(): void;
}

/** Left out of every copy: the generated story index (the copy's own content check rebuilds it; a stale one is never copied). */
const copied = (source: string) => !source.endsWith('.generated.ts');

/** A copy in a new temporary folder named with `prefix`, or in `dir` when given (created; it must not exist or be empty). */
export function createTempProject(
  prefix = 'aju-site-',
  dir = mkdtempSync(path.join(os.tmpdir(), prefix)),
): TempProject {
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length > 0) throw new Error(`${dir} is not empty: choose a new folder for the copy`);
  for (const entry of COPIED)
    cpSync(path.join(PROJECT_ROOT, entry), path.join(dir, entry), { recursive: true, filter: copied });
  execFileSync('cp', ['-al', path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules')]);
  return {
    dir,
    write(relativePath, contents) {
      const target = path.join(dir, relativePath);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, contents);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Seeds a copy's Turbopack build cache (`.next/cache/turbopack`, on by default for `next build` since Next 16.3)
 * with this checkout's, from its last build: a test build of the same code then reuses what compiled unchanged.
 * Turbopack checks every input against the cache, so a changed file or setting is compiled anew. Nothing
 * happens when this checkout has no build cache, or when the copy already has one.
 */
export function seedBuildCache(dir: string): void {
  const inDist = path.join(process.env.NEXT_DIST_DIR || '.next', 'cache', 'turbopack');
  const cache = path.join(PROJECT_ROOT, inDist);
  const target = path.join(dir, inDist);
  if (!existsSync(cache) || existsSync(target)) return;
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(cache, target, { recursive: true });
}
