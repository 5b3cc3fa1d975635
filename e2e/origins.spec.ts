/**
 * Origins of one release (docs/operations/deploys.md): serving only reads the release folder, so several
 * start at once beside a running one without disturbing it; SIGTERM drains an origin without losing a
 * request, directly and behind the edge. Uses the release the webServer built (`npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Edge, LATEST_RELEASE, Origin, READY_PATH, request } from '../test/support/edge-harness';
import { freePort } from '../test/support/free-port';
import { Readers, staticFilesOf } from '../test/support/readers';

test.describe.configure({ mode: 'serial' });

const ROOT = path.resolve(import.meta.dirname, '..');

/** Every file of a folder with its size and modification time: what "untouched" means. */
function snapshot(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) return snapshot(dir, relative);
    const stat = statSync(path.join(dir, relative));
    return [`${relative} ${stat.size} ${stat.mtimeMs}`];
  });
}

async function pagesToRead(base: string) {
  const front = await request(base, '/');
  const story = front.body.match(/href="(\/stories\/[^"/?#]+)"/)![1]!;
  const storyPage = await request(base, story);
  const photo = storyPage.body.match(/<img[^>]*src="(\/_next\/image\?[^"]+)"/)![1]!.replaceAll('&amp;', '&');
  return { story, photo, chunks: staticFilesOf(front.body) };
}

test('three origins started at once from one build all serve, and the origin already serving sees no error', async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  const release = realpathSync(LATEST_RELEASE);
  const before = snapshot(release);
  const { story, photo, chunks } = await pagesToRead(baseURL!);
  const readers = new Readers(baseURL!, ['/', story, photo, ...chunks, '/pagefind/pagefind.js'], {
    connections: 4,
    maxSeconds: 90,
  });

  const ports = await Promise.all([freePort(), freePort(), freePort()]);
  const servers: ChildProcess[] = ports.map((port) =>
    spawn(process.execPath, ['scripts/operators/standalone.mjs', 'serve', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  try {
    for (const port of ports) {
      const base = `http://127.0.0.1:${port}`;
      await expect
        .poll(
          () =>
            request(base, READY_PATH, { timeoutMs: 2_000 }).then(
              (a) => a.status,
              () => 0,
            ),
          { timeout: 60_000 },
        )
        .toBe(200);
      for (const p of ['/', story, photo, chunks[0]!, '/pagefind/pagefind.js']) {
        const answer = await request(base, p);
        expect(answer.status, `${base}${p}`).toBe(200);
      }
    }
  } finally {
    const codes = await Promise.all(
      servers.map(
        (child) =>
          new Promise<number | null>((resolve) => {
            child.once('exit', (code) => resolve(code));
            child.kill('SIGTERM');
          }),
      ),
    );
    expect(codes, 'each stops cleanly on SIGTERM').toEqual([0, 0, 0]);
  }
  await readers.stop();
  expect(readers.answered).toBeGreaterThan(0);
  expect(readers.failures).toEqual([]);
  expect(snapshot(release), 'serving never writes to the release').toEqual(before);
});

test('SIGTERM: readiness fails at once, requests in flight and arriving during the drain are answered, exit 0', async ({
  baseURL,
}) => {
  test.setTimeout(60_000);
  const { photo } = await pagesToRead(baseURL!);
  const origin = await Origin.start();
  try {
    // Resizes are the slowest answers: several in flight when the signal arrives (AVIF, widths not yet made).
    const widths = [640, 750, 828, 1080, 1200, 1920];
    const inFlight = widths.map((w) =>
      request(origin.url, photo.replace(/w=\d+/, `w=${w}`), { headers: { Accept: 'image/avif' }, timeoutMs: 30_000 }),
    );
    await new Promise((r) => setTimeout(r, 100));
    const exited = origin.signal('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    expect((await request(origin.url, READY_PATH)).status, 'readiness while draining').toBe(503);
    const duringDrain = await request(origin.url, '/');
    expect(duringDrain.status, 'a request during the drain delay').toBe(200);
    for (const answer of await Promise.all(inFlight)) {
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('image/avif');
    }
    expect(await exited, 'exit code').toBe(0);
  } finally {
    await origin.stop();
  }
});

test('behind the edge, an origin stopped with SIGTERM under load costs readers nothing', async ({ baseURL }) => {
  test.setTimeout(90_000);
  const { story } = await pagesToRead(baseURL!);
  const origins = [await Origin.start(), await Origin.start()];
  // No miss limit: every reader here is one address, and each of these requests reaches an origin.
  const edge = await Edge.start(origins, { EDGE_MISS_LIMIT: '0' });
  try {
    // Authorization makes the edge pass every request on: all of them reach an origin, none is a cached copy.
    const readers = new Readers(edge.url, ['/', story, '/feed.xml'], {
      connections: 6,
      maxSeconds: 60,
      headers: { Authorization: 'Bearer reader' },
    });
    await new Promise((r) => setTimeout(r, 1_000));
    const before = origins[0]!.requests;
    expect(await origins[0]!.signal('SIGTERM')).toBe(0);
    await new Promise((r) => setTimeout(r, 2_000));
    await readers.stop();
    expect(before, 'the stopped origin had served readers').toBeGreaterThan(0);
    expect(readers.answered).toBeGreaterThan(50);
    expect(readers.failures).toEqual([]);
  } finally {
    await edge.stop();
    await Promise.all(origins.map((o) => o.stop()));
  }
});
