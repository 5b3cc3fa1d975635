import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { coverageSchema, liveUpdateSchema, storySchema } from '@/content/schema';
import { CONTENT_MD, renderContentDocs } from '@/scripts/lib/content-docs';

test('CONTENT.md is up to date with the schema and the checker (run npm run content:docs)', async () => {
  const current = readFileSync(CONTENT_MD, 'utf8');
  assert.equal(await renderContentDocs(current), current);
});

test('CONTENT.md documents every story field with its description', () => {
  const doc = readFileSync(CONTENT_MD, 'utf8');
  for (const [name, field] of Object.entries(storySchema.shape)) {
    assert.ok(field.description, `${name} has no description in content/schema/story.ts`);
    assert.ok(doc.includes(`| \`${name}\` |`), `${name} is missing from CONTENT.md's field reference`);
  }
});

test("CONTENT.md documents every live update's and coverage's field, and how to post an update", () => {
  const doc = readFileSync(CONTENT_MD, 'utf8');
  for (const [name, field] of [...Object.entries(liveUpdateSchema.shape), ...Object.entries(coverageSchema.shape)]) {
    assert.ok(field.description, `${name} has no description in content/schema/live.ts`);
    assert.ok(doc.includes(`| \`${name}\` |`), `${name} is missing from CONTENT.md's field reference`);
  }
  assert.match(doc, /\*\*Post an update: write one file, run `npm run content:publish`\.\*\*/);
});

test('README.md links to CONTENT.md', () => {
  assert.match(readFileSync(new URL('../README.md', import.meta.url), 'utf8'), /\]\((\.\/)?CONTENT\.md\)/);
});
