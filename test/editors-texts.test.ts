// Every text the site shows editors describes what a publish does, never a build (issue 24; decision 0049): the
// schema's descriptions (hence CONTENT.md's field reference), new-story's scaffold and message, the dev banners.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DRAFT_BANNER, SCHEDULED_BANNER } from '@/components/story/editor-banners';
import { metaOf } from '@/lib/content/model/schema-walk';
import { createdMessage, storySource } from '@/scripts/lib/story-scaffold';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCHEMA_DIR = path.join(ROOT, 'content/schema');

/** Words that promise a build or a deploy: since publishing (docs/operations/publishing.md), content needs neither. */
const BUILD_WORDS = /\b(?:re)?build(?:s|ing)?\b|\b(?:re)?built\b|\b(?:re)?deploy(?:s|ed|ing|ment)?\b/i;

/**
 * Descriptions where a build really is what happens, each with the reason (a fragment of the description → why).
 * Empty today: every content change reaches the site by `npm run content:publish`.
 */
const ALLOWED: ReadonlyMap<string, string> = new Map<string, string>([]);

type Schema = { _zod: { def: Record<string, unknown> } };
const isSchema = (value: unknown): value is Schema =>
  !!value && typeof value === 'object' && '_zod' in value && !!(value as Schema)._zod?.def;

/** Every schema reachable from `root` through its definition (shapes, elements, options, wrappers, pipes, …). */
function* reachable(root: Schema, seen = new Set<Schema>()): Generator<Schema> {
  if (seen.has(root)) return;
  seen.add(root);
  yield root;
  const children = (value: unknown): unknown[] =>
    isSchema(value)
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(children)
        : value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype
          ? Object.values(value).flatMap(children)
          : [];
  for (const [key, value] of Object.entries(root._zod.def)) {
    if (key === 'getter' && typeof value === 'function') yield* reachable(value() as Schema, seen);
    for (const child of children(value)) yield* reachable(child as Schema, seen);
  }
}

/** Strings in an exported constant (reasons, "where" notes): editors read them in messages and CONTENT.md. */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value) || (value && typeof value === 'object' && !isSchema(value))
      ? Object.values(value as object).flatMap(stringsIn)
      : [];

/** Each text editors read from content/schema/: `module › export: text`, from every module and every export. */
async function schemaTexts(): Promise<Array<{ where: string; text: string }>> {
  const out: Array<{ where: string; text: string }> = [];
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))) {
    const exports = (await import(path.join(SCHEMA_DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      const where = `content/schema/${file} › ${name}`;
      if (!isSchema(value)) {
        for (const text of stringsIn(value)) out.push({ where, text });
        continue;
      }
      for (const schema of reachable(value)) {
        const { description, example } = metaOf(schema as never);
        if (description) out.push({ where, text: description });
        for (const text of stringsIn(example)) out.push({ where: `${where} (example)`, text });
      }
    }
  }
  return out;
}

const promisesABuild = (text: string) => BUILD_WORDS.test(text) && ![...ALLOWED.keys()].some((k) => text.includes(k));

test('the build words are caught, and what a publish does is not', () => {
  for (const text of [
    'appears at the first build after it',
    'keeps the story out of production builds',
    'read from the file at build time',
    'on the next deploy',
    'the site rebuilds',
  ])
    assert.ok(promisesABuild(text), text);
  for (const text of ['goes live by itself within a minute', 'npm run content:publish leaves it out'])
    assert.ok(!promisesABuild(text), text);
});

test('no schema description (or example, or constant) promises a build for what a publish does', async () => {
  const texts = await schemaTexts();
  // The walk reaches deep fields: a block's field and a correction's are among them.
  assert.ok(
    texts.some((t) => t.text.startsWith('When the correction was made')),
    'the walk misses nested fields',
  );
  assert.ok(texts.length > 50, `only ${texts.length} texts found: the walk is broken`);
  const offending = texts.filter((t) => promisesABuild(t.text)).map((t) => `${t.where}: ${t.text}`);
  assert.deepEqual(
    offending,
    [],
    'say what a publish does (docs/operations/publishing.md), or allow-list it with a reason',
  );
  for (const [fragment, reason] of ALLOWED) {
    assert.ok(reason.trim(), `no reason for "${fragment}"`);
    assert.ok(
      texts.some((t) => t.text.includes(fragment)),
      `"${fragment}" is in no description any more: remove it`,
    );
  }
});

test("new-story's scaffold and its message promise no build", () => {
  const source = storySource({ slug: 's', headline: 'H', author: 'a', section: 'x', now: '2026-12-02T09:00:00+09:00' });
  assert.doesNotMatch(source, BUILD_WORDS);
  assert.match(source, /npm run content:publish/, 'the draft line says how to publish');
  assert.doesNotMatch(createdMessage('content/stories/2026/12/s.ts', 's'), BUILD_WORDS);
});

test("the dev banners and /dev/previews' texts promise no build", () => {
  for (const text of [DRAFT_BANNER, SCHEDULED_BANNER.before, SCHEDULED_BANNER.after])
    assert.doesNotMatch(text, BUILD_WORDS);
  // The previews' own words: their source without comments (which are for developers).
  const dir = path.join(ROOT, 'app/dev/previews');
  for (const file of readdirSync(dir)) {
    const words = readFileSync(path.join(dir, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:])\/\/.*$/gm, '$1');
    assert.doesNotMatch(words, BUILD_WORDS, `app/dev/previews/${file}`);
  }
});
