/**
 * A throwaway copy of this project with extra or replaced content files, for tests and benchmarks that
 * need another set of stories (broken ones, drafts, a thousand synthetic ones) without touching content/.
 * node_modules is hard-linked, not symlinked: Turbopack refuses a node_modules that points outside its root.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

const COPIED = ['app', 'components', 'content', 'lib', 'public', 'scripts', 'next.config.js', 'proxy.ts', 'tsconfig.json', 'package.json'];

export interface TempProject {
  dir: string;
  /** Writes a file relative to the copy's root, creating folders as needed. */
  write(relativePath: string, contents: string | Buffer): void;
  remove(): void;
}

export function createTempProject(prefix = 'aju-site-'): TempProject {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const entry of COPIED) cpSync(path.join(PROJECT_ROOT, entry), path.join(dir, entry), { recursive: true });
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

/** The source of content/stories/index.ts listing the given story file names (without .ts). */
export function storyIndexSource(names: string[]): string {
  const id = (name: string) => `story_${name.replace(/[^a-zA-Z0-9]/g, '_')}`;
  return [
    ...names.map((name) => `import ${id(name)} from './${name}';`),
    '',
    `export default [${names.map(id).join(', ')}];`,
    '',
  ].join('\n');
}
