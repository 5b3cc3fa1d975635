// Live coverage's model and rules (decision 0053): updates as files joined to their live story, pages, refusals.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LiveUpdate } from '@/content/schema';
import { liveFirstPage, updatePageOf, updatePath, updatesOnPage, UPDATES_PER_PAGE } from '@/lib/content';
import { isUpdateFile, liveStoryFileOf } from '@/lib/content/model/live';
import { formatProblem, validateContent, type ContentSource } from '@/lib/content/model/validate';
import { createMistakePublicDir, mistakes, mistakeSources, SEED_FILE } from '@/test/support/content-mistakes';

let publicDir: { dir: string; remove(): void };
before(async () => {
  publicDir = await createMistakePublicDir();
});
after(() => publicDir.remove());

const FOLDER = SEED_FILE.replace(/\.ts$/, '');
const STARTED = '2024-06-18T08:25:00+09:00';

const update = (id: string, postedAt: string, more: Record<string, unknown> = {}) => ({
  id,
  postedAt,
  body: [{ type: 'paragraph', text: `Update ${id}.` }],
  ...more,
});

/** The seed story made live (or not), with these update sources. */
async function check(updates: ContentSource[], live: Record<string, unknown> | null = { startedAt: STARTED }) {
  const sources = mistakeSources({
    ...mistakes[0]!,
    stories: (seed) => [{ file: SEED_FILE, data: live ? { ...seed, live } : seed }],
  });
  return validateContent({ ...sources, updates }, { publicDir: publicDir.dir });
}

const at = (id: string, data: unknown): ContentSource => ({ file: `${FOLDER}/${id}.ts`, data });
const errorsOf = (problems: Awaited<ReturnType<typeof check>>['problems']) =>
  problems.filter((p) => p.severity === 'error').map(formatProblem);

test('an update file is one in the folder named after its live story', () => {
  assert.equal(isUpdateFile(`${FOLDER}/20240618-0930-first.ts`), true);
  assert.equal(isUpdateFile(SEED_FILE), false);
  assert.equal(liveStoryFileOf(`${FOLDER}/20240618-0930-first.ts`), SEED_FILE);
});

test('valid updates join their live story newest first, and its updatedAt follows the newest change', async () => {
  const { problems, content } = await check([
    at('a', update('a', '2024-06-18T09:00:00+09:00')),
    at(
      'c',
      update('c', '2024-06-18T23:00:00+09:00', { correction: { date: '2024-06-19T01:00:00+09:00', text: 'Fixed.' } }),
    ),
    at('b', update('b', '2024-06-18T10:00:00+09:00')),
  ]);
  assert.deepEqual(errorsOf(problems), []);
  const story = content.stories[0]!.story;
  assert.deepEqual(
    story.updates?.map((u) => u.id),
    ['c', 'b', 'a'],
  );
  assert.equal(story.updatedAt, '2024-06-19T01:00:00+09:00');
});

describe('refusals name file, field and fix', () => {
  test('an update before the coverage starts, or after it ended', async () => {
    const { problems } = await check(
      [
        at('early', update('early', '2024-06-18T08:00:00+09:00')),
        at('late', update('late', '2024-06-18T20:00:00+09:00')),
      ],
      { startedAt: STARTED, endedAt: '2024-06-18T19:00:00+09:00' },
    );
    assert.deepEqual(errorsOf(problems), [
      `${FOLDER}/early.ts › postedAt: postedAt (2024-06-18T08:00:00+09:00) is before the coverage started (live.startedAt is ${STARTED} in ${SEED_FILE}) — set postedAt to ${STARTED} or later, or move live.startedAt in ${SEED_FILE} earlier`,
      `${FOLDER}/late.ts › postedAt: postedAt (2024-06-18T20:00:00+09:00) is after the coverage ended (live.endedAt is 2024-06-18T19:00:00+09:00 in ${SEED_FILE}) — set postedAt to 2024-06-18T19:00:00+09:00 or earlier, or remove live.endedAt from ${SEED_FILE} to reopen the coverage`,
    ]);
  });

  test('two pinned updates', async () => {
    const { problems } = await check([
      at('a', update('a', '2024-06-18T09:00:00+09:00', { pinned: true })),
      at('b', update('b', '2024-06-18T10:00:00+09:00', { pinned: true })),
    ]);
    assert.deepEqual(errorsOf(problems), [
      `${FOLDER}/b.ts › pinned: pinned is true here and in ${FOLDER}/a.ts — at most one update is pinned: remove pinned: true from one of the two files`,
    ]);
  });

  test('duplicate ids', async () => {
    const { problems } = await check([
      at('a', update('a', '2024-06-18T09:00:00+09:00')),
      at('b', update('a', '2024-06-18T10:00:00+09:00')),
    ]);
    assert.deepEqual(errorsOf(problems), [
      `${FOLDER}/b.ts › id: id "a" does not match the file name — rename the file to a.ts or set id to "b"`,
      `${FOLDER}/b.ts › id: id "a" is already used by ${FOLDER}/a.ts — give this update its own id and file name (npm run new-update makes one)`,
    ]);
  });

  test('an update of a story that is not live coverage', async () => {
    const { problems } = await check([at('a', update('a', '2024-06-18T09:00:00+09:00'))], null);
    assert.deepEqual(errorsOf(problems), [
      `${FOLDER}/a.ts: is an update of ${SEED_FILE}, which is not live coverage — to make it live coverage, add live: { startedAt: "2024-06-18T08:25:00+09:00" } to ${SEED_FILE}; otherwise move this file out of ${FOLDER}/`,
    ]);
  });

  test('an update whose folder has no story file', async () => {
    const { problems } = await check([
      { file: 'content/stories/2024/06/no-such-story/a.ts', data: update('a', STARTED) },
    ]);
    assert.deepEqual(errorsOf(problems), [
      "content/stories/2024/06/no-such-story/a.ts: is an update in content/stories/2024/06/no-such-story/, but there is no story file content/stories/2024/06/no-such-story.ts — an update lives in the folder named after its live story's file: move it there, or add the story",
    ]);
  });

  test("an update's own fields are checked like a story's", async () => {
    const { problems } = await check([at('a', { ...update('a', STARTED), titel: 'Typo' })]);
    assert.deepEqual(errorsOf(problems), [
      `${FOLDER}/a.ts › titel: unknown field "titel" — did you mean "title"? Rename it`,
    ]);
  });
});

describe('pages of updates', () => {
  const updates: LiveUpdate[] = Array.from({ length: 45 }, (_, i) => ({
    id: `u${String(44 - i).padStart(2, '0')}`,
    postedAt: new Date(Date.UTC(2024, 5, 18, 0, 44 - i)).toISOString(),
    body: [],
  })) as unknown as LiveUpdate[];

  test('older pages are fixed from the first update: page 1 holds the first twenty', () => {
    assert.equal(UPDATES_PER_PAGE, 20);
    assert.deepEqual(
      updatesOnPage(updates, 1).map((u) => u.id),
      Array.from({ length: 20 }, (_, i) => `u${String(19 - i).padStart(2, '0')}`),
    );
    assert.equal(updatesOnPage(updates, 3).length, 5);
    assert.equal(updatesOnPage(updates, 4).length, 0);
    assert.equal(updatePageOf(updates, 'u00'), 1);
    assert.equal(updatePageOf(updates, 'u44'), 3);
    assert.equal(updatePath('s', updates, 'u20'), '/stories/s/updates/2#update-u20');
  });

  test('the live page shows the newest twenty and links the page of the next older one', () => {
    const page = liveFirstPage(updates);
    assert.equal(page.newest.length, 20);
    assert.equal(page.newest[0]!.id, 'u44');
    assert.equal(page.olderPage, updatePageOf(updates, 'u24'));
  });
});
