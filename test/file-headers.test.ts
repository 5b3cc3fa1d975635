// File headers stay a few lines that point to the decision record: the why lives in one place (docs/decisions).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '..');
const MAX_HEADER_LINES = 7;

/** The lines of a source's leading comment (a block comment or a run of line comments), after a shebang or directive. */
function headerLines(source: string): number {
  const lines = source.split('\n');
  let i = 0;
  while (i < lines.length && (/^#!|^['"]use (client|server)['"]/.test(lines[i]!) || lines[i]!.trim() === '')) i++;
  if (/^\s*\/\*/.test(lines[i] ?? '')) {
    let n = 1;
    while (i + n - 1 < lines.length && !lines[i + n - 1]!.includes('*/')) n++;
    return n;
  }
  let n = 0;
  while (/^\s*\/\//.test(lines[i + n] ?? '')) n++;
  return n;
}

test('headerLines counts a block comment, a run of line comments, after a shebang', () => {
  assert.equal(headerLines('#!/usr/bin/env node\n/**\n * a\n * b\n */\ncode'), 4);
  assert.equal(headerLines('// a\n// b\nimport x'), 2);
  assert.equal(headerLines("'use client';\n\nimport x"), 0);
});

test(`every source file's header is at most ${MAX_HEADER_LINES} lines`, () => {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|tsx|mjs|js)$/.test(f) && existsSync(path.join(ROOT, f)));
  const long = files.filter((f) => headerLines(readFileSync(path.join(ROOT, f), 'utf8')) > MAX_HEADER_LINES);
  assert.deepEqual(long, [], 'shorten these headers to a few lines pointing to the decision record');
});
