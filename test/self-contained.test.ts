/**
 * The repository stands on its own: a clone with nothing beside it must pass its tests. These checks fail
 * when a tracked file reaches outside the project again, or when the browser finder loses its fallbacks.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { findChromium, NO_BROWSER_MESSAGE } from './support/chromium';

const ROOT = path.resolve(import.meta.dirname, '..');
// Split so this file does not name the folder it forbids.
const STEERING_FOLDER = ['shared', 'seed'].join('/');

const trackedTextFiles = () =>
  execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(
      (file) =>
        file &&
        !file.startsWith('public/') &&
        file !== 'package-lock.json' &&
        !/\.(png|jpe?g|webp|avif|ico|woff2?|ttf|otf)$/.test(file),
    );

const CODE = /\.(tsx?|m?js|cjs|json|sh|vcl)$|^\.ci\//;

/** Where a file's text reaches outside the repository: the steering folder by name, or (in code) a quoted path climbing past the root. */
function outsideReferences(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    if (line.includes(`../${STEERING_FOLDER}`)) found.push(`${where} names ../${STEERING_FOLDER}`);
    // Prose shows example code relative to other folders; only code's own paths are resolved.
    if (!CODE.test(file)) return;
    for (const match of line.matchAll(/(['"`])((?:\.\.\/)+[^'"`\s]*)\1/g)) {
      const resolved = path.resolve(ROOT, path.dirname(file), match[2]!);
      if (resolved !== ROOT && !resolved.startsWith(ROOT + path.sep))
        found.push(`${where} climbs out of the repository: ${match[2]}`);
    }
  });
  return found;
}

test('no tracked file points at a path outside the repository', () => {
  const offenders = trackedTextFiles().flatMap((file) =>
    outsideReferences(file, readFileSync(path.join(ROOT, file), 'utf8')),
  );
  assert.deepEqual(offenders, []);
});

test('the check catches the ways a file can reach outside', () => {
  // Sample lines are put together at run time, so this file holds no climbing path of its own.
  const quoted = (levels: number, rest: string) => `'${'../'.repeat(levels)}${rest}'`;
  const climbing = `const SEED = path.resolve(import.meta.dirname, ${quoted(3, `${STEERING_FOLDER}/story.txt`)});`;
  assert.equal(outsideReferences('e2e/support/seed.ts', climbing).length, 2);
  assert.deepEqual(outsideReferences('README.md', `Read ../${STEERING_FOLDER}/story.txt`), [
    `README.md:1 names ../${STEERING_FOLDER}`,
  ]);
  assert.deepEqual(
    outsideReferences('e2e/support/seed.ts', `path.resolve(import.meta.dirname, ${quoted(2, 'test/fixtures/x.txt')})`),
    [],
  );
});

test('the site and its scripts never import test code from e2e/', () => {
  // scripts/ is copied into temporary projects without e2e/, so nothing there may import it.
  const offenders = trackedTextFiles()
    .filter((file) => /^(app|components|content|lib|scripts)\//.test(file) && /\.(tsx?|m?js)$/.test(file))
    .filter((file) => /from\s+['"][^'"]*\/e2e\//.test(readFileSync(path.join(ROOT, file), 'utf8')));
  assert.deepEqual(offenders, []);
});

test('the browser comes from CHROMIUM_PATH first, and a wrong one is named', () => {
  const saved = process.env.CHROMIUM_PATH;
  try {
    process.env.CHROMIUM_PATH = process.execPath; // any existing file
    assert.equal(findChromium(), process.execPath);
    process.env.CHROMIUM_PATH = path.join(ROOT, 'no-such-browser');
    assert.throws(() => findChromium(), /CHROMIUM_PATH is set to .*no-such-browser/);
  } finally {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  }
});

test('with no browser anywhere, the message names both ways to get one', () => {
  const saved = process.env.CHROMIUM_PATH;
  delete process.env.CHROMIUM_PATH;
  try {
    assert.throws(
      () => findChromium(() => false),
      (error: Error) => error.message === NO_BROWSER_MESSAGE,
    );
    assert.match(NO_BROWSER_MESSAGE, /apt-get install -y chromium/);
    assert.match(NO_BROWSER_MESSAGE, /npx playwright install chromium/);
  } finally {
    if (saved !== undefined) process.env.CHROMIUM_PATH = saved;
  }
});

test("without a system browser, Playwright's own Chromium is used", () => {
  const saved = process.env.CHROMIUM_PATH;
  delete process.env.CHROMIUM_PATH;
  try {
    // Only Playwright's download location "exists": that is the one chosen.
    const found = findChromium((candidate) => candidate.includes('ms-playwright'));
    assert.match(found, /ms-playwright/);
  } finally {
    if (saved !== undefined) process.env.CHROMIUM_PATH = saved;
  }
});
