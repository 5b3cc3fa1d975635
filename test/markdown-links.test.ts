/**
 * Links between the documents work: every relative link in every Markdown file of the repository (tracked, or
 * new and not ignored) leads to a file or folder that exists, and every `#anchor` to a heading of its target.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '..');

const markdownFiles = () =>
  execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '*.md'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file && existsSync(path.join(ROOT, file)));

/** The text outside fenced code blocks and inline code, where links are links. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/(`+)[^`\n][\s\S]*?\1/g, '');
}

/** Targets of inline links and images, `[text](target "title")`, as written. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  return [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
}

/** GitHub's anchor for each heading (github-slugger's rule), with -1, -2… for repeats. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const [, heading] of withoutFences.matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)) {
    const textOnly = heading!
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/[`*_~]/g, (c) => (c === '_' ? '_' : ''));
    const base = textOnly
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  for (const [, id] of withoutFences.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(id!);
  return anchors;
}

/** Why a relative link from `file` leads nowhere, or undefined when it resolves. */
function brokenLink(file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto: …: not a file in the repository
  const [rawPath, anchor] = target.split('#', 2) as [string, string | undefined];
  const linkedPath = decodeURIComponent(rawPath);
  const resolved = linkedPath ? path.resolve(ROOT, path.dirname(file), linkedPath) : path.join(ROOT, file);
  if (!resolved.startsWith(ROOT)) return `${target} climbs out of the repository`;
  if (!existsSync(resolved)) return `${target}: no ${path.relative(ROOT, resolved)}`;
  if (anchor === undefined || anchor === '') return undefined;
  if (statSync(resolved).isDirectory() || !resolved.endsWith('.md'))
    return `${target}: an anchor into something that is not Markdown`;
  const anchors = headingAnchors(readFileSync(resolved, 'utf8'));
  return anchors.has(decodeURIComponent(anchor))
    ? undefined
    : `${target}: ${path.relative(ROOT, resolved)} has no heading #${anchor}`;
}

test('the anchors are GitHub’s', () => {
  const anchors = headingAnchors(
    '# Title\n\n## Story page and site (`npm run bench:core`)\n\n## Dependencies and why\n\n## Dependencies and why\n\n```md\n## Not a heading\n```\n### The edge’s tests\n',
  );
  assert.deepEqual(
    [...anchors],
    [
      'title',
      'story-page-and-site-npm-run-benchcore',
      'dependencies-and-why',
      'dependencies-and-why-1',
      'the-edges-tests',
    ],
  );
});

test('links in code are not links', () => {
  assert.deepEqual(linkTargets('[a](a.md) `[b](b.md)`\n\n```\n[c](c.md)\n```\n[d](d.md#x "title")'), [
    'a.md',
    'd.md#x',
  ]);
});

test('every relative link and #anchor in the Markdown files resolves', () => {
  const files = markdownFiles();
  assert.ok(files.includes('README.md') && files.includes('CONTENT.md'), `found ${files.join(', ')}`);
  const broken = files.flatMap((file) =>
    linkTargets(readFileSync(path.join(ROOT, file), 'utf8')).flatMap((target) => {
      const problem = brokenLink(file, target);
      return problem ? [`${file}: ${problem}`] : [];
    }),
  );
  assert.deepEqual(broken, []);
});
