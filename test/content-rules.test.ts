import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { storySchema } from '@/content/schema';
import { isVisible, type VisibilityOptions } from '@/lib/content';
import { closest, formatProblem, quoteAppearsIn, validateContent } from '@/lib/content/model/validate';
import {
  createMistakePublicDir,
  freshSeed,
  mistakes,
  mistakeSources,
  SEED_FILE,
} from '@/test/support/content-mistakes';
import { PROJECT_ROOT } from '@/test/support/temp-project';

let publicDir: { dir: string; remove(): void };
before(async () => {
  publicDir = await createMistakePublicDir();
});
after(() => publicDir.remove());

const problemsOf = async (sources: Parameters<typeof validateContent>[0]) =>
  (await validateContent(sources, { publicDir: publicDir.dir })).problems;

describe('each rule reports exactly its file › field message', () => {
  for (const mistake of mistakes) {
    test(`${mistake.rule}: ${mistake.mistake}`, async () => {
      const problems = await problemsOf(mistakeSources(mistake));
      assert.deepEqual(problems.map(formatProblem), mistake.expected);
      const warningOnly = mistake.mistake.endsWith('(warning)');
      assert.ok(problems.every((p) => p.severity === (warningOnly ? 'warning' : 'error')));
    });
  }
});

test('the seed story passes with no error and no warning', async () => {
  const sources = mistakeSources({ ...mistakes[0]!, stories: (s) => [{ file: SEED_FILE, data: s }] });
  const { problems, content } = await validateContent(sources, { publicDir: path.join(PROJECT_ROOT, 'public') });
  assert.deepEqual(problems, []);
  assert.equal(content.stories.length, 1);
  // Its photo: pixel size, and the file's length and hash (how a publish stores it).
  const file = readFileSync(path.join(PROJECT_ROOT, 'public/images/stories/putin-heads-to-pyongyang.jpg'));
  assert.deepEqual(content.images.get('/images/stories/putin-heads-to-pyongyang.jpg'), {
    width: 2400,
    height: 1600,
    bytes: file.length,
    sha256: createHash('sha256').update(file).digest('hex'),
  });
});

test('one run reports every problem of a story, schema and cross-record alike', async () => {
  const story = freshSeed();
  delete story.summary;
  story.authors = ['park-un'];
  delete story.leadPhoto.alt;
  const problems = await problemsOf(
    mistakeSources({ ...mistakes[0]!, stories: () => [{ file: SEED_FILE, data: story }] }),
  );
  assert.deepEqual(
    problems.map((p) => p.field),
    ['summary', 'authors[0]', 'leadPhoto.alt'],
  );
});

test('a file that is not an image is reported as such', async () => {
  const story = freshSeed();
  story.body.push({ type: 'photo', photo: { ...story.leadPhoto, src: '/images/stories/not-a-photo.jpg' } });
  const problems = await problemsOf(
    mistakeSources({ ...mistakes[0]!, stories: () => [{ file: SEED_FILE, data: story }] }),
  );
  assert.deepEqual(problems.map(formatProblem), [
    `${SEED_FILE} › body[12].photo.src: image file public/images/stories/not-a-photo.jpg was not found or is not an image — add the file under public/ or correct the path`,
  ]);
});

test('an image path cannot reach outside public/', async () => {
  const story = freshSeed();
  story.leadPhoto.src = '/../public/images/stories/putin-heads-to-pyongyang.jpg';
  const problems = await problemsOf(
    mistakeSources({ ...mistakes[0]!, stories: () => [{ file: SEED_FILE, data: story }] }),
  );
  assert.deepEqual(
    problems.map((p) => p.field),
    ['leadPhoto.src'],
  );
});

describe('no message is raw schema output', () => {
  // Every field, top-level and in the lead photo and a body block, given each kind of wrong value.
  const wrongValues: unknown[] = [undefined, null, 42, true, 'x', '', [], {}, [1], new Date(0)];
  const paths: string[][] = [
    ...Object.keys(storySchema.shape).map((k) => [k]),
    ...['src', 'alt', 'decorative', 'caption', 'credit', 'focalPoint'].map((k) => ['leadPhoto', k]),
    ['body', '2', 'type'],
    ['body', '2', 'speaker'],
    ['body', '0'],
    ['dateline', 'place'],
    ['corrections'],
  ];
  for (const fieldPath of paths) {
    test(fieldPath.join('.'), async () => {
      for (const value of wrongValues) {
        const story = freshSeed();
        const parent = fieldPath.slice(0, -1).reduce((at, key) => at[key], story);
        parent[fieldPath.at(-1)!] = value;
        const problems = await problemsOf(
          mistakeSources({ ...mistakes[0]!, stories: () => [{ file: SEED_FILE, data: story }] }),
        );
        for (const p of problems) {
          const line = formatProblem(p);
          assert.doesNotMatch(
            p.message,
            /Invalid|expected [a-z]+, received|Unrecognized key|Too (big|small)|\{"|\[object/,
            line,
          );
          assert.match(p.message, / — /, `${line} says what is wrong but not how to fix it`);
          assert.ok(p.field, `${line} names no field`);
        }
      }
    });
  }
});

test('pull-quotes may drop quotation marks and skip words at a marked ellipsis', () => {
  const body = '"North Korea has persistently shown support to Russia since the war in Ukraine," Lee said.';
  assert.ok(quoteAppearsIn('North Korea has persistently shown support to Russia since the war in Ukraine', body));
  assert.ok(quoteAppearsIn('“North Korea has … shown support to Russia”', body));
  assert.ok(quoteAppearsIn('North Korea has [...] support to Russia', body));
  assert.ok(!quoteAppearsIn('North Korea has shown support to Russia', body), 'skipped words need a marked ellipsis');
  assert.ok(!quoteAppearsIn('Russia … North Korea', body), 'parts must appear in order');
});

test('"did you mean" suggests the nearest id, and nothing when none is near', () => {
  assert.equal(closest('kim-jon-un', ['north-korea', 'kim-jong-un']), 'kim-jong-un');
  assert.equal(closest('Headline', ['slug', 'headline']), 'headline');
  assert.equal(closest('lead_photo', ['leadPhoto', 'body']), 'leadPhoto');
  assert.equal(closest('economy', ['north-korea', 'russia']), undefined);
});

describe('editorial visibility', () => {
  const now = new Date('2024-06-18T12:00:00+09:00');
  const production: VisibilityOptions = { now, includeDrafts: false, includeScheduled: false };
  const development: VisibilityOptions = { now, includeDrafts: true, includeScheduled: true };
  test('a draft never shows in production, and shows in development', () => {
    assert.equal(isVisible({ draft: true }, production), false);
    assert.equal(isVisible({ draft: true }, development), true);
    assert.equal(isVisible({ draft: false }, production), true);
  });
  test('a scheduled story shows only once its time has come', () => {
    assert.equal(isVisible({ publishAt: '2024-06-18T12:00:01+09:00' }, production), false);
    assert.equal(isVisible({ publishAt: '2024-06-18T03:00:00Z' }, production), true);
    assert.equal(isVisible({ publishAt: '2024-06-19T00:00:00+09:00' }, development), true);
  });
});

describe('story files live in the folder of the month they were posted, in Korea', () => {
  const check = async (file: string, postedAt: string) => {
    const story = freshSeed();
    Object.assign(story, { postedAt, updatedAt: postedAt });
    return (await problemsOf(mistakeSources({ ...mistakes[0]!, stories: () => [{ file, data: story }] }))).map(
      formatProblem,
    );
  };
  test('evening of June 30 in New York is July 1 in Seoul: the July folder', async () => {
    assert.deepEqual(
      await check('content/stories/2024/07/putin-heads-to-pyongyang.ts', '2024-06-30T20:00:00-04:00'),
      [],
    );
    assert.match(
      (await check('content/stories/2024/06/putin-heads-to-pyongyang.ts', '2024-06-30T20:00:00-04:00'))[0]!,
      /postedAt is July 2024 in Korea\) — move the file to content\/stories\/2024\/07\/putin-heads-to-pyongyang\.ts$/,
    );
  });
  test('a scheduled story posted when it goes live passes', async () => {
    const story = freshSeed();
    Object.assign(story, { publishAt: '2024-06-18T08:25:00+09:00' });
    assert.deepEqual(
      await problemsOf(mistakeSources({ ...mistakes[0]!, stories: () => [{ file: SEED_FILE, data: story }] })),
      [],
    );
  });
});
