/**
 * A rolling deploy and a rollback under load, through real Varnish (docs/operations/deploys.md): release A is
 * the webServer's build, release B a copy of the site whose client component changed (one more build, the
 * slow part). Readers fetch pages and, like a browser, every static file each page references.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SERVER_TZ } from '../playwright.config';
import { buildRelease, changeClientComponent, deploy, Origins, releaseOfBuild } from '../test/support/deploy-harness';
import { Edge, request } from '../test/support/edge-harness';
import { Readers, staticFilesOf } from '../test/support/readers';
import { addEveryBlockStory, EVERY_BLOCK_SLUG } from '../test/support/synthetic-archive';
import {
  CONTENT_PUBLISH_ARGS,
  createTempProject,
  PROJECT_ROOT,
  seedBuildCache,
  type TempProject,
} from '../test/support/temp-project';

const DIST = process.env.NEXT_DIST_DIR || '.next';

type Store = Record<'CONTENT_STORE_DIR' | 'PUBLISH_SECRET', string>;

/** Runs `npm run content:publish` in the project copy, to the origins and the edge. */
function publishFrom(project: TempProject, origins: Origins, edge: Edge, store: Store) {
  execFileSync(process.execPath, CONTENT_PUBLISH_ARGS, {
    cwd: project.dir,
    env: {
      ...process.env,
      ...store,
      PUBLISH_ORIGINS: origins.ports.map((port) => `http://127.0.0.1:${port}`).join(','),
      EDGE_URL: edge.url,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Readers of cached pages, and readers whose every request reaches an origin (Authorization: passed on). */
function startReaders(edgeUrl: string, paths: string[]) {
  const options = { connections: 2, maxSeconds: 180, fetchAssets: true };
  return {
    cachedReaders: new Readers(edgeUrl, paths, options),
    originReaders: new Readers(edgeUrl, paths, { ...options, headers: { Authorization: 'Bearer reader' } }),
  };
}

interface Rollout {
  releasesDir: string;
  edge: Edge;
  releases: { a: string; b: string };
  story: string;
  section: string;
  /** The published story's status at each origin. */
  publishedAtOrigins: () => Promise<number[]>;
}

/** Deploys B while readers read, then rolls back to A; the edge follows each by itself. */
async function deployThenRollBack({
  releasesDir,
  edge,
  releases: { a, b },
  story,
  section,
  publishedAtOrigins,
}: Rollout) {
  // A page the edge holds from release A (its freshness is five minutes).
  expect((await request(edge.url, section)).headers['x-release']).toBe(a);
  const deployed = await deploy(releasesDir, [], { EDGE_URL: edge.url });
  expect(deployed.output).toContain(`Deployed ${b}`);
  expect(deployed.output).toMatch(/Edge http:\/\/127\.0\.0\.1:\d+: [1-9]\d* objects of earlier releases marked stale/);
  expect((await request(edge.url, story, { headers: { Authorization: 'x' } })).headers['x-release']).toBe(b);
  // The edge follows by itself: the next reader gets the stale page at once, a refetch brings B's.
  const stale = await request(edge.url, section, { timeoutMs: 2_000 });
  expect(stale.status).toBe(200);
  await expect.poll(async () => (await request(edge.url, section)).headers['x-release'], { timeout: 10_000 }).toBe(b);
  await new Promise((r) => setTimeout(r, 1_000));
  const rolledBack = await deploy(releasesDir, ['--rollback'], { EDGE_URL: edge.url });
  expect(rolledBack.output).toContain(`Rolled back ${a}`);
  // Neither the deploy nor the rollback undid the publish: release A's build never had this story.
  expect(await publishedAtOrigins()).toEqual([200, 200]);
  await expect.poll(async () => (await request(edge.url, section)).headers['x-release'], { timeout: 10_000 }).toBe(a);
}

/**
 * After the rollback, every file any served page references answers 200 at each of `bases`, and no page mixes
 * releases: each references only files its own build made (`ownStatic`: each release's static folder).
 */
async function checkServedFiles(pages: Map<string, string>, ownStatic: Record<string, string>, bases: string[]) {
  for (const [key, html] of pages) {
    const release = key.split(' ')[0]!;
    for (const file of staticFilesOf(html)) {
      expect(
        existsSync(path.join(ownStatic[release]!, file.replace('/_next/static/', ''))),
        `${key}: ${file} is its own build's`,
      ).toBe(true);
      for (const base of bases) expect((await request(base, file)).status, `${base}${file} (from ${key})`).toBe(200);
    }
  }
}

test('a rolling deploy of a changed client component, then a rollback: readers see no error, every chunk answers 200, and what was published in between stays', async ({
  baseURL,
}) => {
  test.setTimeout(480_000);
  const releasesDir = mkdtempSync(path.join(os.tmpdir(), 'aju-releases-'));
  // The published content lives outside every release (docs/decisions/0030): a store of the test's own.
  const store: Store = {
    CONTENT_STORE_DIR: mkdtempSync(path.join(os.tmpdir(), 'aju-deploy-store-')),
    PUBLISH_SECRET: randomBytes(24).toString('hex'),
  };
  const project = createTempProject('aju-deploy-b-');
  let origins: Origins | undefined;
  let edge: Edge | undefined;
  try {
    const a = releaseOfBuild(PROJECT_ROOT, releasesDir);
    changeClientComponent(project, 'b');
    // B is A's code but one component: its build reuses what A's compiled (B's own chunk is checked below).
    seedBuildCache(project.dir);
    const b = buildRelease(project.dir, releasesDir, { TZ: SERVER_TZ, SITE_URL: baseURL! });
    // Each release's own files, as its build made them (the release folders also hold the other's).
    const ownStatic = { [a]: path.join(PROJECT_ROOT, DIST, 'static'), [b]: path.join(project.dir, '.next', 'static') };

    await deploy(releasesDir, ['--release', a]);
    origins = await Origins.start(releasesDir, 2, [], store);
    edge = await Edge.start(origins.addresses, { EDGE_MISS_LIMIT: '0' });
    const front = await request(edge.url, '/');
    const story = front.body.match(/href="(\/stories\/[^"/?#]+)"/)![1]!;
    const section = (await request(edge.url, story)).body.match(/href="(\/sections\/[^"/?#]+)"/)![1]!;
    const paths = ['/', story, section, '/search'];
    const atOrigins = async (path: string) =>
      Promise.all(origins!.ports.map(async (port) => (await request(`http://127.0.0.1:${port}`, path)).status));

    // Published with neither release's build having it: a story added to B's tree after its build.
    addEveryBlockStory(project);
    const published = `/stories/${EVERY_BLOCK_SLUG}`;
    expect(await atOrigins(published)).toEqual([404, 404]);
    publishFrom(project, origins, edge, store);
    expect(await atOrigins(published)).toEqual([200, 200]);

    const { cachedReaders, originReaders } = startReaders(edge.url, paths);
    await new Promise((r) => setTimeout(r, 1_000));
    const publishedAtOrigins = () => atOrigins(published);
    await deployThenRollBack({ releasesDir, edge, releases: { a, b }, story, section, publishedAtOrigins });
    await new Promise((r) => setTimeout(r, 1_000));
    await Promise.all([cachedReaders.stop(), originReaders.stop()]);

    expect(cachedReaders.failures, 'readers of cached pages').toEqual([]);
    expect(originReaders.failures, 'readers whose requests reach an origin').toEqual([]);
    const pages = new Map([...cachedReaders.pages, ...originReaders.pages]);
    const releasesSeen = new Set([...pages.keys()].map((key) => key.split(' ')[0]));
    expect([...releasesSeen].sort(), 'pages of both releases were served').toEqual([a, b].sort());

    // The changed component: B's pages load a chunk that A's build never had.
    const bFiles = [...pages].filter(([key]) => key.startsWith(`${b} `)).flatMap(([, html]) => staticFilesOf(html));
    const onlyInB = bFiles.filter((file) => !existsSync(path.join(ownStatic[a]!, file.replace('/_next/static/', ''))));
    expect(onlyInB.length, 'B changed a client chunk').toBeGreaterThan(0);

    await checkServedFiles(pages, ownStatic, [edge.url, ...origins.ports.map((port) => `http://127.0.0.1:${port}`)]);
  } finally {
    await edge?.stop();
    if (origins) expect(await origins.stop(), 'npm run origins exits 0 on SIGTERM').toBe(0);
    project.remove();
    rmSync(releasesDir, { recursive: true, force: true });
    rmSync(store.CONTENT_STORE_DIR, { recursive: true, force: true });
  }
});
