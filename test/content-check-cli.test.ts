/**
 * The commands as editors run them, on a throwaway copy of the project: content:check, new-story, and
 * next build stopping on a broken story before it compiles anything.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { createTempProject, type TempProject } from '@/test/support/temp-project';

const run = promisify(execFile);
let project: TempProject;
before(() => {
  project = createTempProject('aju-cli-');
});
after(() => project.remove());

/** Runs a command in the temp project; never throws, returns exit code and all output. */
async function sh(command: string, args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd: project.dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', AJU_CONTENT_CHECKED: '' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const tsx = (script: string, ...args: string[]) =>
  sh(process.execPath, [path.join(project.dir, 'node_modules/tsx/dist/cli.mjs'), script, ...args]);
const contentCheck = () => tsx('scripts/editors/content-check.ts');
const problemLines = (out: string) => out.split('\n').filter((line) => /^(✖ error|⚠ warning) /.test(line));

const SEED = 'content/stories/2024/06/putin-heads-to-pyongyang.ts';
let seedSource: string;

test('content:check passes the seed story', async () => {
  seedSource = readFileSync(path.join(project.dir, SEED), 'utf8');
  const { code, out } = await contentCheck();
  assert.equal(code, 0, out);
  assert.deepEqual(problemLines(out), []);
  assert.match(out, /✔ No errors\./);
});

test('content:check reports every problem in every file at once, sorted by file, and exits 1', async () => {
  project.write(
    SEED,
    seedSource
      .replace("credit: 'Yonhap'", "credit: 'Yonhap',\n    captoin: 'x'")
      .replace("authors: ['park-ung']", "authors: ['park-un']"),
  );
  project.write(
    'content/stories/2024/05/misplaced-story.ts',
    seedSource.replace("slug: 'putin-heads-to-pyongyang'", "slug: 'misplaced-story'"),
  );
  project.write(
    'content/stories/2024/06/broken-syntax.ts',
    "import { defineStory } from '@/content/schema';\nexport default defineStory({\n  slug: 'broken-syntax,\n});\n",
  );
  const { code, out } = await contentCheck();
  assert.equal(code, 1, out);
  assert.deepEqual(problemLines(out), [
    '✖ error   content/stories/2024/05/misplaced-story.ts: is in content/stories/2024/05/, but a story lives in the folder of the year and month it was posted (postedAt is June 2024 in Korea) — move the file to content/stories/2024/06/misplaced-story.ts',
    "✖ error   content/stories/2024/06/broken-syntax.ts: cannot be read — Transform failed with 1 error: content/stories/2024/06/broken-syntax.ts:3:23: ERROR: Unterminated string literal — fix the file's syntax at that line",
    `✖ error   ${SEED} › leadPhoto.captoin: unknown field "captoin" — did you mean "caption"? Rename it`,
    `✖ error   ${SEED} › authors[0]: author "park-un" does not exist — did you mean "park-ung"? (content/authors.ts lists them all)`,
  ]);
  assert.match(out, /✖ 4 errors and 0 warnings\./);
});

test('next build stops with the same messages before compiling anything', async () => {
  const { code, out } = await sh(path.join(project.dir, 'node_modules/.bin/next'), ['build']);
  assert.notEqual(code, 0);
  assert.ok(out.includes(`${SEED} › authors[0]: author "park-un" does not exist — did you mean "park-ung"?`), out);
  assert.match(out, /Build stopped: the content has errors/);
  assert.doesNotMatch(out, /Creating an optimized production build|Compiled/);
});

test('new-story scaffolds a draft that content:check accepts once its TODOs are filled', async () => {
  project.write(SEED, seedSource);
  for (const file of ['2024/05/misplaced-story', '2024/06/broken-syntax'])
    rmSync(path.join(project.dir, `content/stories/${file}.ts`));

  const created = await tsx(
    'scripts/editors/new-story.ts',
    '--headline',
    'Kim Jong-un’s train reaches Moscow',
    '--author',
    'park-ung',
    '--section',
    'north-korea',
  );
  assert.equal(created.code, 0, created.out);
  const file = /Created (content\/stories\/\d{4}\/\d\d\/kim-jong-uns-train-reaches-moscow\.ts)/.exec(created.out)?.[1];
  assert.ok(file, created.out);
  const scaffold = readFileSync(path.join(project.dir, file), 'utf8');
  assert.match(scaffold, /postedAt: '\d{4}-\d\d-\d\dT\d\d:\d\d:00\+09:00'/);
  assert.match(scaffold, /draft: true/);

  // As created, it fails only on the fields it tells the editor to fill.
  const check = await contentCheck();
  assert.equal(check.code, 1);
  assert.deepEqual(
    problemLines(check.out).map((line) => line.split(' › ')[1]!.split(':')[0]),
    ['summary', 'tags', 'leadPhoto.alt', 'leadPhoto.caption', 'leadPhoto.credit', 'body[0].text', 'leadPhoto.src'],
  );
  assert.ok(problemLines(check.out).every((line) => line.includes(file)));

  // Filled in as an editor would.
  project.write(
    file,
    scaffold
      .replace(
        /summary: '[^']*'/,
        "summary: 'North Korean leader Kim Jong-un arrived in Moscow by armoured train on Tuesday.'",
      )
      .replace('tags: []', "tags: ['north-korea', 'russia']")
      .replace(/alt: '[^']*'/, "alt: 'A green armoured train stands at a platform.'")
      .replace(/caption: '[^']*'/, "caption: 'The train of Kim Jong-un at a Moscow station.'")
      .replace(/credit: '[^']*'/, "credit: 'Yonhap'")
      .replace(/text: 'TODO[^\n]*/, "text: 'North Korean leader Kim Jong-un arrived in Moscow on Tuesday.',"),
  );
  project.write(
    'public/images/stories/kim-jong-uns-train-reaches-moscow.jpg',
    readFileSync(path.join(project.dir, 'public/images/stories/putin-heads-to-pyongyang.jpg')),
  );
  const filled = await contentCheck();
  assert.equal(filled.code, 0, filled.out);
  assert.deepEqual(problemLines(filled.out), []);
  // Found in its folder: the generated index loads it, and no shared file was edited to list it.
  const index = readFileSync(path.join(project.dir, 'content/stories/index.generated.ts'), 'utf8');
  assert.ok(index.includes(`${JSON.stringify(file)}: () => import(`), index.slice(0, 2000));
});

test('new-story refuses an author that does not exist, suggesting the right one', async () => {
  const { code, out } = await tsx(
    'scripts/editors/new-story.ts',
    '--headline',
    'Another story',
    '--author',
    'park-un',
    '--section',
    'north-korea',
  );
  assert.equal(code, 1);
  assert.match(out, /author "park-un" does not exist — did you mean "park-ung"\?/);
});
