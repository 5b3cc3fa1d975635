/**
 * The live coverage commands as editors run them, on a throwaway copy of the project: new-story --live scaffolds a
 * live story, new-update scaffolds an update content:check accepts, two in the same minute get two files, and a
 * story that is not live, or whose coverage ended, is refused (CONTENT.md, "Live coverage").
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { createTempProject, type TempProject } from '@/test/support/temp-project';

const run = promisify(execFile);
let project: TempProject;
before(() => {
  project = createTempProject('aju-live-cli-');
});
after(() => project.remove());

async function tsx(script: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [path.join(project.dir, 'node_modules/tsx/dist/cli.mjs'), script, ...args],
      { cwd: project.dir, env: { ...process.env, AJU_CONTENT_CHECKED: '' }, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const newUpdate = (...args: string[]) => tsx('scripts/editors/new-update.ts', ...args);
const contentCheck = () => tsx('scripts/editors/content-check.ts');
const problemLines = (out: string) => out.split('\n').filter((line) => /^(✖ error|⚠ warning) /.test(line));

const SLUG = 'putin-heads-to-pyongyang';
const SEED = `content/stories/2024/06/${SLUG}.ts`;
const FOLDER = `content/stories/2024/06/${SLUG}`;
let seedSource: string;

/** The seed story as live coverage from its posted time; ended at `endedAt` when given. */
function makeSeedLive(endedAt?: string) {
  const live = `live: { startedAt: '2024-06-18T08:25:00+09:00'${endedAt ? `, endedAt: '${endedAt}'` : ''} },`;
  project.write(SEED, seedSource.replace(/(\n\s*postedAt:)/, `\n  ${live}$1`));
}

const createdFile = (out: string) => /Created (content\/\S+\.ts)/.exec(out)?.[1];

test('new-update refuses a story that is not live coverage, or a slug no story has', async () => {
  seedSource = readFileSync(path.join(project.dir, SEED), 'utf8');
  const plain = await newUpdate(SLUG, '--title', 'Putin lands');
  assert.equal(plain.code, 1);
  assert.match(plain.out, new RegExp(`✖ ${SEED} is not live coverage — an update belongs to a live story: add live:`));
  const unknown = await newUpdate('putin-heads-to-pyongyan');
  assert.equal(unknown.code, 1);
  assert.match(
    unknown.out,
    /no story has the slug "putin-heads-to-pyongyan" — did you mean "putin-heads-to-pyongyang"\?/,
  );
});

test('new-update writes an update content:check accepts, and counts the updates', async () => {
  makeSeedLive();
  const { code, out } = await newUpdate(
    SLUG,
    '--title',
    'Putin lands in Pyongyang',
    '--key-event',
    '--text',
    'Vladimir Putin landed at Pyongyang airport shortly before 3 a.m.',
    '--at',
    '2024-06-18T10:15:20+09:00',
  );
  assert.equal(code, 0, out);
  const file = createdFile(out);
  assert.equal(file, `${FOLDER}/20240618-1015-putin-lands-in-pyongyang.ts`);
  const source = readFileSync(path.join(project.dir, file!), 'utf8');
  assert.match(source, /export default defineUpdate\(\{/);
  assert.match(source, /id: '20240618-1015-putin-lands-in-pyongyang',/);
  assert.match(source, /postedAt: '2024-06-18T10:15:20\+09:00',/);
  assert.match(source, /keyEvent: true,/);
  const check = await contentCheck();
  assert.equal(check.code, 0, check.out);
  assert.deepEqual(problemLines(check.out), []);
  assert.match(check.out, /Checked 1 story file and 1 update, /);
});

test('two new-updates in the same minute write two files, never one', async () => {
  const args = [SLUG, '--title', 'Putin lands in Pyongyang', '--at', '2024-06-18T10:15:40+09:00'];
  const second = await newUpdate(...args);
  const third = await newUpdate(...args);
  const untitled = await newUpdate(SLUG, '--at', '2024-06-18T10:15:41+09:00');
  assert.equal(createdFile(second.out), `${FOLDER}/20240618-1015-putin-lands-in-pyongyang-2.ts`, second.out);
  assert.equal(createdFile(third.out), `${FOLDER}/20240618-1015-putin-lands-in-pyongyang-3.ts`, third.out);
  assert.equal(createdFile(untitled.out), `${FOLDER}/20240618-101541.ts`, untitled.out);
  assert.equal(readdirSync(path.join(project.dir, FOLDER)).length, 4);
  // As created, an update without --text fails only on the paragraph it tells the editor to write.
  const check = await contentCheck();
  assert.deepEqual(
    problemLines(check.out).map((line) => line.replace(/^✖ error +/, '').split(':')[0]),
    [
      `${FOLDER}/20240618-1015-putin-lands-in-pyongyang-2.ts › body[0].text`,
      `${FOLDER}/20240618-1015-putin-lands-in-pyongyang-3.ts › body[0].text`,
      `${FOLDER}/20240618-101541.ts › body[0].text`,
    ],
  );
});

test('new-update refuses a live story whose coverage ended', async () => {
  makeSeedLive('2024-06-19T18:00:00+09:00');
  const { code, out } = await newUpdate(SLUG, '--title', 'Late news');
  assert.equal(code, 1);
  assert.match(
    out,
    new RegExp(
      `✖ ${SEED}'s coverage ended at 2024-06-19T18:00:00\\+09:00 — no update can be posted after it: to reopen the coverage, remove live.endedAt from the story first`,
    ),
  );
  assert.equal(readdirSync(path.join(project.dir, FOLDER)).length, 4);
});

test('new-story --live scaffolds live coverage starting now, ready for updates', async () => {
  const created = await tsx(
    'scripts/editors/new-story.ts',
    '--headline',
    'Missile launch: live',
    '--author',
    'park-ung',
    '--section',
    'north-korea',
    '--live',
  );
  assert.equal(created.code, 0, created.out);
  const file = createdFile(created.out)!;
  assert.match(file, /^content\/stories\/\d{4}\/\d\d\/missile-launch-live\.ts$/);
  const source = readFileSync(path.join(project.dir, file), 'utf8');
  const startedAt = /live: \{ startedAt: '([^']+)' \}/.exec(source)?.[1];
  assert.ok(startedAt, source);
  assert.match(source, new RegExp(`postedAt: '${startedAt!.replace('+', '\\+')}'`));
  assert.match(created.out, /npm run new-update -- missile-launch-live/);
  // new-update takes it straight away (a draft is still live coverage).
  const update = await newUpdate('missile-launch-live', '--title', 'First reports');
  assert.equal(update.code, 0, update.out);
  assert.ok(createdFile(update.out)!.startsWith(file.replace(/\.ts$/, '/')), update.out);
});
