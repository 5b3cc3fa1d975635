// The live page's plumbing (decision 0053): live.json's answer, which paths a publish refreshes (only the older
// pages whose updates changed), which addresses exist, and how an open tab polls (components/live/follow.ts,
// driven against a real HTTP server with a fast clock).
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { liveFirstPage, liveStatus, liveStatusPath, updatesPagePath, UPDATES_PER_PAGE } from '@/lib/content';
import { validateContent, type ContentSource } from '@/lib/content/model/validate';
import { isMissingPath, pathViewAt } from '@/lib/content/read/known-paths';
import { buildSnapshot } from '@/lib/content/storage/snapshot';
import { contentChanges, type ChangeView } from '@/lib/publish/changes';
import { liveRenderPath } from '@/lib/publish/story-pages';
import {
  follow,
  MAX_BACKOFF_MS,
  pageRevision,
  PAGE_RETRY_MS,
  pollDelay,
  type FollowDeps,
} from '@/components/live/follow';
import { createMistakePublicDir, mistakes, mistakeSources, SEED_FILE } from '@/test/support/content-mistakes';

let publicDir: { dir: string; remove(): void };
before(async () => {
  publicDir = await createMistakePublicDir();
});
after(() => publicDir.remove());

const SLUG = 'putin-heads-to-pyongyang';
const FOLDER = SEED_FILE.replace(/\.ts$/, '');
const STARTED = '2024-06-18T08:00:00+09:00';
const minute = (n: number) => new Date(Date.parse(STARTED) + n * 60_000).toISOString().replace('Z', '+00:00');
const update = (n: number, more: Record<string, unknown> = {}): ContentSource => ({
  file: `${FOLDER}/u${String(n).padStart(4, '0')}.ts`,
  data: {
    id: `u${String(n).padStart(4, '0')}`,
    postedAt: minute(n),
    body: [{ type: 'paragraph', text: `Update ${n}.` }],
    ...more,
  },
});

/** The seed story as live coverage with `count` updates (edited by `edit`), validated and snapshotted. */
async function snapshotOf(
  count: number,
  edit: (n: number) => Record<string, unknown> = () => ({}),
  live: object = { startedAt: STARTED },
) {
  const sources = mistakeSources({
    ...mistakes[0]!,
    stories: (seed) => [{ file: SEED_FILE, data: { ...seed, live } }],
  });
  const updates = Array.from({ length: count }, (_, i) => update(i + 1, edit(i + 1)));
  const { problems, content } = await validateContent({ ...sources, updates }, { publicDir: publicDir.dir });
  assert.deepEqual(
    problems.filter((p) => p.severity === 'error'),
    [],
  );
  return { snapshot: buildSnapshot(content), story: content.stories[0]!.story };
}

const changeView = ({ listing }: { listing: ReturnType<typeof buildSnapshot>['listing'] }): ChangeView => ({
  stories: listing.stories,
  authors: listing.authors,
  sections: listing.sections,
  tags: listing.tags,
  images: listing.images,
});

describe('live.json', () => {
  test('answers live, a revision and each shown update; the revision changes with a post, a correction, a withdrawal, the end', async () => {
    const base = await snapshotOf(3);
    const status = liveStatus(base.story, liveFirstPage(base.story.updates!).newest);
    assert.equal(status.live, true);
    assert.deepEqual(
      status.updates.map((u) => u.id),
      ['u0003', 'u0002', 'u0001'],
    );
    assert.match(status.revision, /^[0-9a-f]{16}$/);
    assert.equal(liveStatus(base.story, []).revision, status.revision, 'the same coverage, the same revision');
    const revisionOf = (story: typeof base.story) => liveStatus(story, story.updates!).revision;
    const posted = await snapshotOf(4);
    const corrected = await snapshotOf(3, (n) => (n === 1 ? { correction: { date: minute(5), text: 'Fixed.' } } : {}));
    const withdrawn = await snapshotOf(3, (n) =>
      n === 2 ? { withdrawn: { date: minute(5), reason: 'Unconfirmed.' } } : {},
    );
    const ended = await snapshotOf(3, () => ({}), { startedAt: STARTED, endedAt: minute(10) });
    const revisions = [base, posted, corrected, withdrawn, ended].map((s) => revisionOf(s.story));
    assert.equal(new Set(revisions).size, 5, 'each change gives a new revision');
    assert.equal(liveStatus(ended.story, []).live, false);
    const correctedStatus = liveStatus(corrected.story, corrected.story.updates!);
    assert.notEqual(correctedStatus.updates.find((u) => u.id === 'u0001')!.revision, status.updates[2]!.revision);
    assert.equal(correctedStatus.updates.find((u) => u.id === 'u0002')!.revision, status.updates[1]!.revision);
    assert.equal(liveStatusPath(SLUG), `/stories/${SLUG}/live.json`);
  });
});

describe('publishing a live story', () => {
  const older = (n: number) => updatesPagePath(SLUG, n);
  test('a new update refreshes the live page, live.json and only the newest older page', async () => {
    // 45 updates: older pages 1 (1–20) and 2 (21–40) are full, 3 holds 41–45.
    const before45 = await snapshotOf(45);
    assert.equal(before45.snapshot.listing.stories[0]!.updatePages?.length, 3);
    const after46 = await snapshotOf(46);
    const { paths } = contentChanges(changeView(before45.snapshot), changeView(after46.snapshot));
    for (const path of [`/stories/${SLUG}`, liveStatusPath(SLUG), liveRenderPath(SLUG), older(3)])
      assert.ok(paths.includes(path), `${path} is refreshed`);
    for (const path of [older(1), older(2)]) assert.ok(!paths.includes(path), `${path} is full: not refreshed`);
  });

  test('the update that starts a new older page refreshes the page before it once (its "Newer updates" link)', async () => {
    const full = await snapshotOf(UPDATES_PER_PAGE * 2);
    const started = await snapshotOf(UPDATES_PER_PAGE * 2 + 1);
    const { paths } = contentChanges(changeView(full.snapshot), changeView(started.snapshot));
    assert.ok(paths.includes(older(2)) && paths.includes(older(3)));
    assert.ok(!paths.includes(older(1)));
    const next = await snapshotOf(UPDATES_PER_PAGE * 2 + 2);
    assert.ok(!contentChanges(changeView(started.snapshot), changeView(next.snapshot)).paths.includes(older(2)));
  });

  test('a correction of an old update refreshes its older page; a new story refreshes every older page', async () => {
    const base = await snapshotOf(45);
    const corrected = await snapshotOf(45, (n) =>
      n === 3 ? { correction: { date: minute(50), text: 'Fixed.' } } : {},
    );
    const { paths } = contentChanges(changeView(base.snapshot), changeView(corrected.snapshot));
    assert.ok(paths.includes(older(1)));
    assert.ok(!paths.includes(older(2)) && !paths.includes(older(3)));
    const empty = { ...changeView(base.snapshot), stories: [] };
    const added = contentChanges(empty, changeView(base.snapshot)).paths;
    for (const n of [1, 2, 3]) assert.ok(added.includes(older(n)));
  });

  test('the older pages and live.json exist only for live coverage, and only as many pages as there are', async () => {
    const { snapshot } = await snapshotOf(UPDATES_PER_PAGE * 2 + 1);
    const view = pathViewAt(snapshot.listing, new Date('2030-01-01'));
    assert.equal(isMissingPath(liveStatusPath(SLUG), view), false);
    for (const n of [1, 2, 3]) assert.equal(isMissingPath(older(n), view), false, `page ${n}`);
    for (const path of [
      older(4),
      `/stories/${SLUG}/updates/0`,
      `/stories/${SLUG}/updates/01`,
      `/stories/${SLUG}/updates`,
    ])
      assert.equal(isMissingPath(path, view), true, path);
    assert.equal(isMissingPath(liveRenderPath(SLUG), view), true, 'the live route is reached only by the rewrite');
    const plainSources = mistakeSources({ ...mistakes[0]!, stories: (seed) => [{ file: SEED_FILE, data: seed }] });
    const plain = buildSnapshot((await validateContent(plainSources, { publicDir: publicDir.dir })).content);
    const plainView = pathViewAt(plain.listing, new Date('2030-01-01'));
    assert.equal(isMissingPath(liveStatusPath(SLUG), plainView), true);
    assert.equal(isMissingPath(older(1), plainView), true);
    assert.equal(isMissingPath(`/stories/${SLUG}`, plainView), false);
  });
});

/** A site answering live.json and the live page from what the test sets, counting requests. */
let server: http.Server;
let base = '';
const site = { status: 200, live: true, revision: 'r1', pageRevisions: [] as string[], requests: [] as string[] };
before(async () => {
  server = http.createServer((request, response) => {
    site.requests.push(request.url!);
    if (request.url === '/live.json') {
      response.writeHead(site.status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ live: site.live, revision: site.revision, updates: [] }));
    } else {
      const revision = site.pageRevisions.length > 1 ? site.pageRevisions.shift() : site.pageRevisions[0];
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(`<article class="story live-story" data-live-coverage-revision="${revision}"></article>`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

/** follow() on a clock 100 times fast, recording the waits it asks for and each poll's outcome. */
function start(visible = () => true) {
  const waits: number[] = [];
  const outcomes: string[] = [];
  const applied: string[] = [];
  let notify: () => void = () => {};
  const deps: FollowDeps = {
    statusUrl: `${base}/live.json`,
    pageUrl: `${base}/page`,
    pollSeconds: 1,
    revision: 'r1',
    fetch: (url, init) => fetch(url, init),
    setTimeout: (run, ms) => {
      waits.push(ms);
      return setTimeout(run, ms / 100);
    },
    clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
    random: () => 0.5,
    visible,
    apply: (html) => applied.push(pageRevision(html)!),
    onPoll: (outcome) => {
      outcomes.push(outcome);
      notify();
    },
  };
  const polls = (n: number) =>
    new Promise<void>((resolve) => {
      notify = () => outcomes.length >= n && resolve();
      notify();
    });
  return { following: follow(deps), waits, outcomes, applied, polls };
}

describe('an open tab following the coverage (components/live/follow.ts)', () => {
  test('pollDelay: about pollSeconds with jitter, doubling per failure up to five minutes', () => {
    assert.equal(
      pollDelay(10, 0, () => 0),
      8000,
    );
    assert.equal(
      pollDelay(10, 0, () => 1),
      12000,
    );
    assert.equal(
      pollDelay(10, 2, () => 0.5),
      40000,
    );
    assert.equal(
      pollDelay(10, 30, () => 1),
      MAX_BACKOFF_MS,
    );
  });

  test('polls, applies a newer page (asking again while the edge has the old one), stops for good when ended', async () => {
    Object.assign(site, { status: 200, live: true, revision: 'r1', pageRevisions: ['r1'], requests: [] });
    const tab = start();
    await tab.polls(2);
    assert.deepEqual(tab.outcomes.slice(0, 2), ['same', 'same']);
    assert.deepEqual(tab.waits.slice(0, 2), [1000, 1000]);
    // A publish: live.json has r2, the edge gives the old page twice, then the new one.
    Object.assign(site, { revision: 'r2', pageRevisions: ['r1', 'r1', 'r2'] });
    const seen = tab.outcomes.length;
    await tab.polls(seen + 1);
    assert.equal(tab.outcomes.at(-1), 'applied');
    assert.deepEqual(tab.applied, ['r2']);
    assert.ok(tab.waits.join(',').includes(PAGE_RETRY_MS.slice(0, 2).join(',')), 'asked again after 1 s, then 2 s');
    // The coverage ends: the page with the end is applied, then no more requests.
    Object.assign(site, { live: false, revision: 'r3', pageRevisions: ['r3'] });
    await tab.polls(tab.outcomes.indexOf('applied') + 2);
    while (!tab.following.stopped) await tab.polls(tab.outcomes.length + 1);
    assert.equal(tab.outcomes.at(-1), 'ended');
    assert.deepEqual(tab.applied, ['r2', 'r3']);
    const requests = site.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(site.requests.length, requests, 'no request after the end');
  });

  test('backs off on errors; does not poll while hidden; polls at once when shown again', async () => {
    Object.assign(site, { status: 500, live: true, revision: 'r1', pageRevisions: ['r1'], requests: [] });
    const tab = start();
    await tab.polls(3);
    tab.following.stop();
    assert.deepEqual(tab.outcomes.slice(0, 3), ['error', 'error', 'error']);
    assert.deepEqual(tab.waits.slice(0, 4), [1000, 2000, 4000, 8000]);

    site.status = 200;
    let visible = false;
    const hidden = start(() => visible);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(hidden.waits, [], 'nothing scheduled while hidden');
    visible = true;
    hidden.following.visibilityChanged();
    await hidden.polls(1);
    assert.equal(hidden.waits[0], 0, 'shown again: polls at once');
    visible = false;
    hidden.following.visibilityChanged();
    const requests = site.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(site.requests.length, requests, 'hidden: no more requests');
    hidden.following.stop();
  });
});

describe('an open tab whose edge keeps an old live page', () => {
  test('backs off from the second poll in a row that finds the page older than live.json', async () => {
    Object.assign(site, { status: 200, live: true, revision: 'r2', pageRevisions: ['r1'], requests: [] });
    const stale = start();
    await stale.polls(4);
    stale.following.stop();
    assert.deepEqual(stale.outcomes.slice(0, 2), ['stale-page', 'stale-page']);
    // Each poll's wait, then the page asked again after 1, 2 and 4 s.
    const everyPoll = PAGE_RETRY_MS.length + 1;
    assert.deepEqual(
      [0, 1, 2, 3].map((n) => stale.waits[n * everyPoll]),
      [1000, 1000, 2000, 4000],
    );
  });
});

describe('an open tab whose live story goes away', () => {
  for (const status of [404, 410])
    test(`live.json answering ${status} (taken down, or no longer live coverage) stops it for good`, async () => {
      Object.assign(site, { status, live: true, revision: 'r1', pageRevisions: ['r1'], requests: [] });
      const gone = start();
      await gone.polls(1);
      assert.deepEqual(gone.outcomes, ['ended']);
      assert.equal(gone.following.stopped, true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(site.requests, ['/live.json'], 'one request, none after it');
    });
});
