/**
 * What content:check reuses from its last run (node_modules/.cache/aju-content-check/): a story file's export by
 * its source text, and a story's schema parse by its file and data; a change to the code that computes them starts
 * afresh (docs/decisions/0014-content-check-cache.md).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StoryParseMemo } from '@/lib/content/model/validate';

/** The code whose results the cache holds: files, and folders (every file in them, at any depth). */
const CODE = [
  'content/schema/',
  'lib/content/model/inline.ts',
  'lib/content/model/embeds.ts',
  'lib/content/model/schema-walk.ts',
  'lib/content/model/validate/',
  'lib/content-check/check-cache.ts',
  'node_modules/zod/package.json',
];

/** Each code file's path and text (a missing one says so): the cache's key is their hash. */
function codeText(root: string): string {
  const read = (file: string) => {
    try {
      return `${file}\n${readFileSync(path.join(root, file), 'utf8')}`;
    } catch {
      return `${file}: none`;
    }
  };
  const files = CODE.flatMap((entry) => {
    if (!entry.endsWith('/')) return [entry];
    try {
      const names = readdirSync(path.join(root, entry), { recursive: true, encoding: 'utf8' });
      return names
        .filter((name) => /\.[cm]?[jt]sx?$|\.json$/.test(name))
        .map((name) => `${entry}${name}`)
        .sort();
    } catch {
      return [entry];
    }
  });
  return files.map(read).join('\0');
}

/** A story file whose only import is the schema's: what it exports follows from its text alone. */
const ONLY_SCHEMA_IMPORTS = /^import\s+(?:type\s+)?\{[^}]*\}\s+from\s+'@\/content\/schema';$/;
export const isPlainStorySource = (source: string) =>
  !/\brequire\s*\(|\bimport\s*\(|^\s*export\s+(?!default\s+defineStory\s*\()/m.test(source) &&
  source
    .split('\n')
    .filter((line) => /^\s*import\b/.test(line))
    .every((line) => ONLY_SCHEMA_IMPORTS.test(line.trim()));

const sha = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * Data JSON gives back as it was (plain objects, arrays, strings, numbers, booleans, null; a key set to undefined
 * comes back absent, which no reader of content tells apart), so a cached copy serves as the original.
 */
const survivesJson = (value: unknown) => {
  const text = JSON.stringify(value);
  return text !== undefined && sameData(value, JSON.parse(text));
};
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

interface CacheFile {
  code: string;
  sources: Record<string, unknown>;
  parses: Record<string, unknown>;
}

export class CheckCache {
  private readonly used: CacheFile;
  private changed = false;
  /** Results not kept (not plain data): each costs the next run a load or a parse. */
  declined = 0;
  /**
   * The source text's hash of data a plain story file exports (a function of that text): its parse is keyed by
   * file and that hash, which costs far less than serialising the data for the key.
   */
  private readonly sourceKeys = new WeakMap<object, string>();

  private constructor(
    private readonly file: string,
    private readonly stored: CacheFile,
  ) {
    this.used = { code: stored.code, sources: {}, parses: {} };
  }

  static open(root: string): CheckCache {
    const code = sha(codeText(root));
    const file = path.join(root, 'node_modules/.cache/aju-content-check/check-cache.json');
    let stored: CacheFile = { code, sources: {}, parses: {} };
    try {
      const read = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (read.code === code) stored = read;
    } catch {
      // none yet, or unreadable: start afresh
    }
    return new CheckCache(file, stored);
  }

  /** The data a story file's source exports, if a run has loaded this very text before. */
  sourceData(source: string): { data: unknown } | undefined {
    const key = sha(source);
    if (!Object.hasOwn(this.stored.sources, key)) return undefined;
    const data = (this.used.sources[key] = this.stored.sources[key]);
    if (typeof data === 'object' && data !== null) this.sourceKeys.set(data, key);
    return { data };
  }

  rememberSource(source: string, data: unknown): void {
    if (!isPlainStorySource(source) || !survivesJson(data)) {
      this.declined++;
      return;
    }
    const key = sha(source);
    this.used.sources[key] = data;
    if (typeof data === 'object' && data !== null) this.sourceKeys.set(data, key);
    this.changed = true;
  }

  /** The parse memo's key: by the file and its source's hash, else by the file and the data itself. */
  private parseKey(file: string, data: unknown): string {
    const source = typeof data === 'object' && data !== null ? this.sourceKeys.get(data) : undefined;
    return sha(source ? `${file}\0source:${source}` : `${file}\0${JSON.stringify(data)}`);
  }

  readonly memo: StoryParseMemo = {
    get: (file, data) => {
      const key = this.parseKey(file, data);
      if (!Object.hasOwn(this.stored.parses, key)) return undefined;
      this.used.parses[key] = this.stored.parses[key];
      return this.stored.parses[key] as ReturnType<StoryParseMemo['get']>;
    },
    set: (file, data, parsed) => {
      if (!survivesJson(parsed)) {
        this.declined++;
        return;
      }
      this.used.parses[this.parseKey(file, data)] = parsed;
      this.changed = true;
    },
  };

  /** Keeps what this run used (entries of files gone or changed are dropped); written whole or not at all. */
  save(): void {
    const dropped =
      Object.keys(this.stored.sources).length !== Object.keys(this.used.sources).length ||
      Object.keys(this.stored.parses).length !== Object.keys(this.used.parses).length;
    if (!this.changed && !dropped) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.used));
    renameSync(temporary, this.file);
  }
}
