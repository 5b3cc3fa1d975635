/**
 * What content:check reuses from its last run (node_modules/.cache/aju-content-check/): a story file's source key
 * by its file's stat, its export by its source text, and what checking it found from its file and data alone; a
 * change to the code that computes them starts afresh (docs/decisions/0014-content-check-cache.md).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RememberedStoryCheck, StoryCheckMemo } from '@/lib/content/model/validate';

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

/**
 * A story or live update file whose only import is the schema's: what it exports follows from its text alone. An
 * update's export is kept whole (its rules run on every check, against its live story): a changed update has
 * another text, so it is loaded again.
 */
const ONLY_SCHEMA_IMPORTS = /^import\s+(?:type\s+)?\{[^}]*\}\s+from\s+'@\/content\/schema';$/;
export const isPlainStorySource = (source: string) =>
  !/\brequire\s*\(|\bimport\s*\(|^\s*export\s+(?!default\s+define(?:Story|Update)\s*\()/m.test(source) &&
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
  /** When the run that wrote it started (ms): a stat taken then is trusted only for a file older than that. */
  at: number;
  /** Each story file's stat (size, times, inode) and its source text's key when that stat was taken. */
  files: Record<string, { stat: string; source: string }>;
  /** A plain story file's export by its source key; null when not kept because its check is remembered. */
  sources: Record<string, unknown>;
  checks: Record<string, RememberedStoryCheck>;
}

/** Stands in for the data of a story whose check is remembered whole: no rule reads it (decision 0014). */
const REMEMBERED = Object.freeze({});
/** A file changed within this of a stat may change again with the same mtime (coarse clocks): read it again. */
const RACY_MS = 2000;

const statOf = (file: string) => {
  const s = statSync(file);
  return { stamp: `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`, changedAt: Math.max(s.mtimeMs, s.ctimeMs) };
};

export class CheckCache {
  private readonly used: CacheFile;
  private changed = false;
  /** Results not kept (not plain data): each costs the next run a load or a parse. */
  declined = 0;
  /**
   * The source key of data a plain story file exports (a function of that text): its check is keyed by file and
   * that key, which costs far less than serialising the data for the key.
   */
  private readonly sourceKeys = new WeakMap<object, string>();

  private constructor(
    private readonly root: string,
    private readonly file: string,
    private readonly stored: CacheFile,
  ) {
    this.used = { code: stored.code, at: Date.now(), files: {}, sources: {}, checks: {} };
  }

  static open(root: string): CheckCache {
    const code = sha(codeText(root));
    const file = path.join(root, 'node_modules/.cache/aju-content-check/check-cache.json');
    let stored: CacheFile = { code, at: 0, files: {}, sources: {}, checks: {} };
    try {
      const read = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (read.code === code && read.files && read.checks) stored = read;
    } catch {
      // none yet, or unreadable: start afresh
    }
    return new CheckCache(root, file, stored);
  }

  /** A story file's source key: from its stat when unchanged since a run stored it, else from its text. */
  private sourceKey(file: string): string {
    const full = path.join(this.root, file);
    const { stamp, changedAt } = statOf(full);
    const known = this.stored.files[file];
    const source =
      known && known.stat === stamp && changedAt < this.stored.at - RACY_MS
        ? known.source
        : sha(readFileSync(full, 'utf8'));
    if (known?.stat !== stamp || known.source !== source) this.changed = true;
    this.used.files[file] = { stat: stamp, source };
    return source;
  }

  /** The data a story file exports, if a run has loaded this very text before (a stand-in if not needed). */
  sourceData(file: string): { data: unknown } | undefined {
    const key = this.sourceKey(file);
    if (!Object.hasOwn(this.stored.sources, key)) return undefined;
    const kept = this.stored.sources[key];
    if (kept === null && !Object.hasOwn(this.stored.checks, this.checkKey(file, key))) return undefined;
    const data = kept === null ? Object.create(REMEMBERED) : kept;
    this.used.sources[key] = kept;
    if (typeof data === 'object' && data !== null) this.sourceKeys.set(data, key);
    return { data };
  }

  rememberSource(file: string, source: string, data: unknown): void {
    if (!isPlainStorySource(source) || !survivesJson(data)) {
      this.declined++;
      return;
    }
    const key = this.used.files[file]?.source ?? sha(source);
    this.used.sources[key] = data;
    if (typeof data === 'object' && data !== null) this.sourceKeys.set(data, key);
    this.changed = true;
  }

  private checkKey(file: string, source: string) {
    return sha(`${file}\0source:${source}`);
  }

  /** The memo's key: by the file and its source key, else by the file and the data itself. */
  private memoKey(file: string, data: unknown): string {
    const source = typeof data === 'object' && data !== null ? this.sourceKeys.get(data) : undefined;
    return source ? this.checkKey(file, source) : sha(`${file}\0${JSON.stringify(data)}`);
  }

  readonly memo: StoryCheckMemo = {
    get: (file, data) => {
      const key = this.memoKey(file, data);
      if (!Object.hasOwn(this.stored.checks, key)) return undefined;
      return (this.used.checks[key] = this.stored.checks[key]!);
    },
    set: (file, data, check) => {
      if (!survivesJson(check)) {
        this.declined++;
        return;
      }
      this.used.checks[this.memoKey(file, data)] = check;
      this.changed = true;
    },
  };

  /**
   * Keeps what this run used (entries of files gone or changed are dropped); written whole or not at all. A story
   * whose check passed the schema keeps no export: a later run with the same text needs only the check.
   */
  save(): void {
    const dropped =
      Object.keys(this.stored.sources).length !== Object.keys(this.used.sources).length ||
      Object.keys(this.stored.checks).length !== Object.keys(this.used.checks).length ||
      Object.keys(this.stored.files).length !== Object.keys(this.used.files).length;
    if (!this.changed && !dropped) return;
    for (const [file, { source }] of Object.entries(this.used.files)) {
      if (this.used.checks[this.checkKey(file, source)]?.parsed.data && Object.hasOwn(this.used.sources, source))
        this.used.sources[source] = null;
    }
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.used));
    renameSync(temporary, this.file);
  }
}
