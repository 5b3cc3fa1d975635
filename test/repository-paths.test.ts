/**
 * Paths named in prose exist: every repository path a document or a code comment names (`lib/site.ts`,
 * `scripts/operators/`, `app/stories/[slug]/page.tsx`) is a file or folder of the repository, or one that
 * .gitignore says is generated. Markdown links are checked by test/markdown-links.test.ts; placeholders and
 * globs (`content/stories/<year>/…`, `e2e/archive*.spec.ts`) are not paths and are skipped.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The repository's top-level folders: a mention starts with one of them. */
const TOP_FOLDERS = [
  '.ci',
  'app',
  'bench',
  'components',
  'content',
  'deploy',
  'docs',
  'e2e',
  'lib',
  'public',
  'scripts',
  'test',
];
const CODE = /\.(tsx?|m?js|cjs)$/;
const SCANNED = /\.(tsx?|m?js|cjs|vcl|md)$/;

/** Tracked files and new ones not ignored, that exist in the work tree and are scanned. */
const scannedFiles = () =>
  execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && SCANNED.test(file) && !file.startsWith('public/') && existsSync(path.join(ROOT, file)));

/**
 * The comments of JavaScript or TypeScript source, with everything else blanked to spaces (line breaks kept, so
 * line numbers hold). Strings, template literals and regular expression literals are skipped.
 */
export function comments(source: string): string {
  let out = '';
  let i = 0;
  /** The last significant character of code and its last few: a regular expression or a division? */
  let previous = '';
  let tail = '';
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      out += source.slice(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop);
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\') j++;
        else if (c !== '`' && source[j] === '\n') break;
        j++;
      }
      out += blank(source.slice(i, j + 1));
      i = j + 1;
      previous = c;
    } else if (
      c === '/' &&
      (previous === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(previous) || /\breturn\s*$/.test(tail))
    ) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n') {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        else if (source[j] === '/' && !inClass) break;
        j++;
      }
      out += blank(source.slice(i, j + 1));
      i = j + 1;
      previous = '/';
    } else {
      out += c === '\n' ? c : ' ';
      if (!/\s/.test(c)) previous = c;
      tail = (tail + c).slice(-8);
      i++;
    }
  }
  return out;
}

const MENTION = new RegExp(
  `(?<![\\w./@$-])((?:${TOP_FOLDERS.map((f) => f.replace('.', '\\.')).join('|')})/[^\\s'"\`()|,;:]*)`,
  'g',
);

/** The repository paths a text names, by line: `[line, path]`, placeholders and globs left out. */
export function mentions(text: string): Array<[number, string]> {
  const found: Array<[number, string]> = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(MENTION)) {
      let mention = match[1]!.replace(/[#?].*$/, '');
      // Sentence punctuation and closing brackets after the path are not part of it ([slug] is).
      for (;;) {
        const trimmed = mention
          .replace(/[.!*_]+$/, '')
          .replace(/\]$/, (bracket) =>
            (mention.match(/\[/g)?.length ?? 0) < (mention.match(/\]/g)?.length ?? 0) ? '' : bracket,
          );
        if (trimmed === mention) break;
        mention = trimmed;
      }
      if (/[<>{}*$…]|\.\.\.|\/\//.test(mention.replace(/\[\.\.\.\w+\]/g, '[x]'))) continue;
      const last = mention.slice(mention.lastIndexOf('/') + 1);
      if (mention.endsWith('/') || /^[^.]*[\w\]-]\.[a-z0-9]+(\.[a-z0-9]+)*$/i.test(last))
        found.push([index + 1, mention]);
    }
  });
  return found;
}

/**
 * What a file says in prose: a document's text without its link targets and its ```text blocks (samples of
 * a program's output, such as CONTENT.md's messages about example files), a code file's comments, VCL whole.
 * Line breaks are kept, so line numbers hold.
 */
function prose(file: string, text: string): string {
  if (file.endsWith('.md'))
    return text
      .replace(/^(```|~~~)text[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '))
      .replace(/\]\(\s*<?[^)\s>]+>?(?:\s+"[^"]*")?\s*\)/g, ']()');
  return CODE.test(file) ? comments(text) : text;
}

/** Of the given paths, those .gitignore covers (generated files and folders, build output). */
function ignored(paths: string[]): Set<string> {
  if (!paths.length) return new Set();
  let out: string;
  try {
    out = execFileSync('git', ['check-ignore', '--no-index', '--stdin'], {
      cwd: ROOT,
      encoding: 'utf8',
      // A path under each too: a folder pattern (`/content/snapshot.generated/`) covers a folder only when it
      // exists, as it does not in a fresh clone, but always covers what is under it.
      input: paths.flatMap((p) => [p, `${p.replace(/\/$/, '')}/_`]).join('\n'),
    });
  } catch (error) {
    // Exit code 1: none of them is ignored.
    out = (error as { stdout?: string }).stdout ?? '';
  }
  return new Set(
    out
      .split('\n')
      .filter(Boolean)
      .map((p) => p.replace(/\/_$/, '')),
  );
}

test('comments are found and strings, templates and regular expressions are not', () => {
  const source = [
    "const a = 'x/y.ts'; // one",
    'const re = /\\/\\/ not a comment "/g; /* two',
    'still two */ const t = `// not one ${a}`;',
    'const half = 4 / 2; // three',
    "function f() { return /'/.test(a); } // four",
  ].join('\n');
  const text = comments(source);
  assert.equal(text.split('\n').length, 5);
  assert.deepEqual(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    ['// one', '/* two', 'still two */', '// three', '// four'],
  );
});

test('mentions are paths that start at a top-level folder, without placeholders or globs', () => {
  const sample = [
    'See lib/site.ts. And `app/stories/[slug]/page.tsx`, app/images/[...path]/route.ts and scripts/operators/.',
    'Not these: @/lib/content, ../lib/x.ts, content/stories/<year>/<month>/<slug>.ts, e2e/archive*.spec.ts,',
    'https://example.com/docs/x.md, lib/content (no extension), node_modules/next/dist/x.js.',
    'Anchors and lines: docs/operations/caching.md#purges, lib/time.ts:12, (test/time.test.ts).',
  ].join('\n');
  assert.deepEqual(mentions(sample), [
    [1, 'lib/site.ts'],
    [1, 'app/stories/[slug]/page.tsx'],
    [1, 'app/images/[...path]/route.ts'],
    [1, 'scripts/operators/'],
    [4, 'docs/operations/caching.md'],
    [4, 'lib/time.ts'],
    [4, 'test/time.test.ts'],
  ]);
});

test('every repository path named in a document or a code comment exists', () => {
  const files = scannedFiles();
  assert.ok(files.includes('README.md') && files.includes('proxy.ts'), `found ${files.length} files`);
  const missing: Array<{ where: string; mention: string }> = [];
  for (const file of files) {
    for (const [line, mention] of mentions(prose(file, readFileSync(path.join(ROOT, file), 'utf8')))) {
      const fromRoot = path.join(ROOT, mention);
      const fromFile = path.join(ROOT, path.dirname(file), mention);
      if (!existsSync(fromRoot) && !existsSync(fromFile)) missing.push({ where: `${file}:${line}`, mention });
    }
  }
  const generated = ignored([...new Set(missing.map((m) => m.mention))]);
  const stale = missing.filter((m) => !generated.has(m.mention)).map((m) => `${m.where} names ${m.mention}`);
  assert.deepEqual(stale, []);
});
