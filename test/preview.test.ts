/**
 * Preview links without a server (decision 0047): the token (lib/preview/token.ts) signed and verified, the
 * preview record of checked content (lib/content/model/preview.ts), both stores keeping it until its link
 * expires (the disk store, and lib/content/storage/redis-store.ts against a real redis-server), the command's arguments.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createClient } from 'redis';
import { checkContentTree } from '@/lib/content-check/check-tree';
import { previewHash, previewRecordOf, type PreviewRecord } from '@/lib/content/model/preview';
import { RedisStore } from '@/lib/content/storage/redis-store';
import { DiskStore } from '@/lib/content/storage/store';
import { signPreviewToken, verifyPreviewToken, type PreviewGrant } from '@/lib/preview/token';
import { previewArguments } from '@/scripts/editors/content-preview';
import { PROJECT_ROOT } from '@/test/support/temp-project';
import { startRedisServer } from '@/test/support/redis-server';

const SECRET = 'a-publish-secret-of-some-length';
const now = new Date('2026-01-10T00:00:00Z');
const grant: PreviewGrant = {
  slug: 'a-draft-story',
  hash: 'ab'.repeat(32),
  expires: Math.floor(now.getTime() / 1000) + 3600,
};

test('a preview token: valid until it expires, signed with the publish secret', () => {
  const token = signPreviewToken(grant, SECRET);
  assert.match(token, /^a-draft-story\.[0-9]+\.[0-9a-f]{64}\.[A-Za-z0-9_-]{43}$/);
  assert.deepEqual(verifyPreviewToken(token, SECRET, now), grant);
  // A second before it expires, and at its expiry.
  assert.deepEqual(verifyPreviewToken(token, SECRET, new Date(grant.expires * 1000 - 1000)), grant);
  assert.equal(verifyPreviewToken(token, SECRET, new Date(grant.expires * 1000)), undefined);
  assert.equal(verifyPreviewToken(token, SECRET, new Date(grant.expires * 1000 + 86_400_000)), undefined);
});

test('a preview token altered anywhere, signed with another secret, or without a secret is refused', () => {
  const token = signPreviewToken(grant, SECRET);
  const [slug, expires, hash, signature] = token.split('.') as [string, string, string, string];
  const altered = {
    'another slug': [`${slug}x`, expires, hash, signature],
    'a later expiry': [slug, String(Number(expires) + 86_400), hash, signature],
    'another record': [slug, expires, 'cd'.repeat(32), signature],
    'a signature changed in its first character': [
      slug,
      expires,
      hash,
      `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`,
    ],
    // Base64's last character carries 2 padding bits: a spelling that decodes to the same bytes is refused too.
    'a signature changed in its last character': [
      slug,
      expires,
      hash,
      `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
    ],
    'a signature cut short': [slug, expires, hash, signature.slice(0, -1)],
  };
  for (const [what, parts] of Object.entries(altered))
    assert.equal(verifyPreviewToken(parts.join('.'), SECRET, now), undefined, what);
  assert.equal(verifyPreviewToken(token, 'another-publish-secret-entirely', now), undefined, 'a rotated secret');
  assert.equal(verifyPreviewToken(token, undefined, now), undefined, 'an origin without a secret');
  for (const junk of ['', '.', `${token}.x`, token.toUpperCase(), `../${token}`])
    assert.equal(verifyPreviewToken(junk, SECRET, now), undefined, junk);
  assert.throws(() => signPreviewToken({ ...grant, slug: 'Not A Slug' }, SECRET), /not a preview grant/);
});

test('previewRecordOf: the story as checked, drafts included, with what its page needs; a sentence for an unknown slug', async () => {
  const { content } = await checkContentTree(PROJECT_ROOT);
  const { file, story } = content.stories[0]!;
  const draft = { ...content, stories: [{ file, story: { ...story, draft: true } }] };
  const record = previewRecordOf(draft, story.slug);
  assert.ok(typeof record !== 'string', String(record));
  assert.equal(record.story.draft, true);
  assert.equal(record.file, file);
  assert.deepEqual(
    record.authors.map((a) => a.id),
    story.authors,
  );
  assert.equal(record.section.id, story.section);
  assert.equal(record.images[story.leadPhoto.src]?.sha256, content.images.get(story.leadPhoto.src)?.sha256);
  // The hash follows the content: the same story gives the same record hash, an edit another.
  assert.equal(previewHash(record), previewHash(previewRecordOf(draft, story.slug) as PreviewRecord));
  const edited = { ...draft, stories: [{ file, story: { ...story, draft: true, headline: 'Edited' } }] };
  assert.notEqual(previewHash(record), previewHash(previewRecordOf(edited, story.slug) as PreviewRecord));
  assert.equal(previewRecordOf(content, 'no-such-story'), 'no story has the slug "no-such-story"');
  const noAuthors = previewRecordOf({ ...draft, authors: [] }, story.slug);
  assert.match(String(noAuthors), new RegExp(`${file} names the author "${story.authors[0]}"`));
});

const sampleRecord = async (): Promise<PreviewRecord> => {
  const { content } = await checkContentTree(PROJECT_ROOT);
  return previewRecordOf(content, content.stories[0]!.story.slug) as PreviewRecord;
};

test('DiskStore keeps a preview record apart from every version, with the later expiry, and drops expired ones', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aju-preview-store-'));
  try {
    const store = new DiskStore(dir);
    const record = await sampleRecord();
    const hash = previewHash(record);
    assert.equal(await store.preview(hash), undefined);
    await store.writePreview(hash, record, new Date(Date.now() + 3_600_000));
    assert.deepEqual(await store.preview(hash), record);
    assert.equal(await store.current(), undefined, 'no version, no pointer: readers see nothing of it');
    // A shorter link to the same record keeps the longer one working.
    await store.writePreview(hash, record, new Date(Date.now() + 60_000));
    assert.deepEqual(await store.preview(hash), record);
    // Another preview written after the first expired removes it.
    const other = { ...record, file: 'content/stories/other.ts' };
    await store.writePreview(previewHash(other), other, new Date(Date.now() - 1000));
    await store.writePreview(hash, record, new Date(Date.now() + 60_000));
    assert.deepEqual(readdirSync(path.join(dir, 'previews')), [`${hash}.json`]);
    assert.equal(await store.preview('../current'), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('RedisStore keeps a preview record until its link expires, never shortened by a later write', async () => {
  const server = await startRedisServer();
  const store = new RedisStore(server.url);
  const client = createClient({ url: server.url });
  await client.connect();
  try {
    const record = await sampleRecord();
    const hash = previewHash(record);
    const expires = new Date(Math.ceil((Date.now() + 3_600_000) / 1000) * 1000);
    await store.writePreview(hash, record, expires);
    assert.deepEqual(await store.preview(hash), record);
    const key = `aju:content:preview:${hash}`;
    assert.equal(await client.pExpireTime(key), expires.getTime());
    await store.writePreview(hash, record, new Date(expires.getTime() - 1_800_000));
    assert.equal(await client.pExpireTime(key), expires.getTime(), 'a shorter link does not shorten it');
    await store.writePreview(hash, record, new Date(expires.getTime() + 1_800_000));
    assert.equal(await client.pExpireTime(key), expires.getTime() + 1_800_000, 'a longer one lengthens it');
    // Gone once expired (Redis removes it: nothing to prune).
    const brief = { ...record, file: 'content/stories/brief.ts' };
    await store.writePreview(previewHash(brief), brief, new Date(Date.now() + 300));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(await store.preview(previewHash(brief)), undefined);
  } finally {
    await client.close();
    await store.close();
    await server.stop();
  }
});

test('content:preview reads one slug and --hours (default 24, at most a week)', () => {
  assert.deepEqual(previewArguments(['a-story']), { slug: 'a-story', hours: 24 });
  assert.deepEqual(previewArguments(['a-story', '--hours', '2']), { slug: 'a-story', hours: 2 });
  assert.deepEqual(previewArguments(['--hours=0.5', 'a-story']), { slug: 'a-story', hours: 0.5 });
  for (const wrong of [
    [],
    ['a', 'b'],
    ['a', '--hours', '0'],
    ['a', '--hours', '169'],
    ['a', '--hours'],
    ['a', '--days', '2'],
  ])
    assert.match(String(previewArguments(wrong)), /Usage: npm run content:preview/, wrong.join(' '));
});
