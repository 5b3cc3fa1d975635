/**
 * npm run content:publish — publishes the content tree as it stands to the running site, without a build
 * (docs/operations/publishing.md, docs/decisions/0020–0023):
 *   1. every rule of content:check; on any error nothing changes, and the same messages are printed;
 *   2. under a lock (a second publish waits for the first, PUBLISH_LOCK_WAIT_S, then fails with a message), every origin
 *      asked first whether it answers and takes the secret: if not, nothing changes;
 *   3. the photo files the store lacks (by content hash: origins serve those their release lacks), then the
 *      content snapshot (lib/content/storage/snapshot.ts) written to the store (REDIS_URL, else the folder
 *      CONTENT_STORE_DIR, default .content-store/), then made current in one step;
 *   4. every origin in PUBLISH_ORIGINS told to sync (POST /api/publish with PUBLISH_SECRET): each reads the
 *      new version from the store and revalidates the pages that changed;
 *   5. every edge in EDGE_URL soft-purges those pages (by xkey);
 *   6. the search index of this version (scripts/operators/search-index.ts) written to the store, which origins serve at
 *      /pagefind/, and its entry files purged at the edge.
 * It prints what changed (with URLs) and how long each step took. Exit code 1 when anything failed.
 *
 *   PUBLISH_ORIGINS   origin base URLs, comma-separated (default http://127.0.0.1:3000)
 *   PUBLISH_SECRET    shared with the origins (default: the disk store's publish.secret, made on first use)
 *   EDGE_URL          edges to purge, comma-separated (default http://127.0.0.1:$EDGE_PORT (8080), skipped when none answers there)
 *   REDIS_URL, CONTENT_STORE_DIR   the store (see lib/content/storage/store.ts)
 */
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ContentChanges } from '@/lib/publish/changes';
import { embargoesLifted } from '@/lib/content/serving/served-content';
import { buildSnapshot, type SnapshotListing } from '@/lib/content/storage/snapshot';
import { DiskStore, searchIndexId, type ContentStore } from '@/lib/content/storage/store';
import { edgeUrls, softPurgeKeys } from '@/lib/edge/xkey';
import { checkContentTree, checkReport } from '../../lib/content-check/check-tree';
import { openStore, PUBLISH_LOCK_WAIT_S } from '../../lib/content/storage/open-store';
import { lowerPriority } from '../../lib/search/priority.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const started = performance.now();
const timings: Array<[string, number]> = [];
let last = started;
const step = (name: string) => {
  const now = performance.now();
  timings.push([name, now - last]);
  last = now;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The secret: PUBLISH_SECRET, else the disk store's publish.secret (made here on first use; the server reads it). */
function publishSecret(store: ContentStore): string {
  if (process.env.PUBLISH_SECRET) return process.env.PUBLISH_SECRET;
  if (!(store instanceof DiskStore))
    throw new Error(
      'PUBLISH_SECRET is not set: with REDIS_URL, set the same PUBLISH_SECRET (16 characters or more) here and on every origin.',
    );
  const file = path.join(store.dir, 'publish.secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(store.dir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}

interface OriginAnswer extends ContentChanges {
  version: string;
  /** Milliseconds each part of the origin's sync took. */
  timings?: Record<string, number>;
}

async function syncOrigin(origin: string, secret: string): Promise<OriginAnswer> {
  const url = new URL('/api/publish', origin);
  let answer: Response;
  try {
    answer = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}` },
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    throw new Error(`${origin} did not answer (${(error as Error).cause ?? (error as Error).message})`);
  }
  if (answer.status === 401)
    throw new Error(`${origin} refused the secret (401): set the same PUBLISH_SECRET here and on the origin`);
  if (!answer.ok) throw new Error(`${origin} answered ${answer.status}: ${(await answer.text()).trim()}`);
  return (await answer.json()) as OriginAnswer;
}

/** How many embargoes ahead a publish writes search indexes for; later ones get theirs from a later publish. */
const MAX_EMBARGO_INDEXES = 5;

/** The distinct future publishAt times of a listing, soonest first. */
function embargoTimes(listing: SnapshotListing): Date[] {
  const now = Date.now();
  const times = new Set(
    listing.stories.flatMap((s) => (s.publishAt && Date.parse(s.publishAt) > now ? [Date.parse(s.publishAt)] : [])),
  );
  return [...times].sort((a, b) => a - b).map((t) => new Date(t));
}

/**
 * The Pagefind index of the tree as visible at `at` (default now), from scripts/operators/search-index.ts run on its own
 * with that clock, by file name.
 */
async function buildSearchIndex(snapshotDir: string, at?: Date): Promise<Map<string, Buffer>> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'aju-search-'));
  try {
    await new Promise<void>((resolve, reject) => {
      // NEXT_DIST_DIR at an empty folder: the index holds what is visible at `at`, not at the last build's clock.
      const indexer = execFile(
        process.execPath,
        [
          path.join(root, 'node_modules/tsx/dist/cli.mjs'),
          'scripts/operators/search-index.ts',
          '--out',
          path.join(out, 'index'),
          '--snapshot',
          snapshotDir,
        ],
        {
          cwd: root,
          env: { ...process.env, NEXT_DIST_DIR: path.relative(root, out), SITE_BUILT_AT: at?.toISOString() ?? '' },
          maxBuffer: 16 * 2 ** 20,
        },
        (error, _stdout, stderr) =>
          error ? reject(new Error(stderr.trim().split('\n').slice(-3).join(' ') || error.message)) : resolve(),
      );
      // Below the origins' priority: the pages this publish purged render while the index is made.
      lowerPriority(indexer);
    });
    const files = new Map<string, Buffer>();
    const walk = (dir: string, prefix: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
        else files.set(`${prefix}${entry.name}`, readFileSync(path.join(dir, entry.name)));
      }
    };
    walk(path.join(out, 'index'), '');
    return files;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const siteUrl = (p: string) => new URL(p, process.env.SITE_URL || 'https://www.ajupress.com').toString();

async function main(): Promise<number> {
  const check = await checkContentTree(root, { deferCacheSave: true });
  step('check');
  if (check.errors > 0) {
    console.log(checkReport(check, seconds(performance.now() - started).replace(' s', ''), 'a publish').join('\n'));
    console.log('\nNothing was published: the site is unchanged.');
    check.saveCache();
    return 1;
  }
  if (check.warnings > 0)
    console.log(
      checkReport(check, seconds(performance.now() - started).replace(' s', ''), 'a publish').join('\n'),
      '\n',
    );
  const snapshot = buildSnapshot(check.content);
  step('snapshot');

  const store = await openStore(root);
  let release: (() => Promise<void>) | undefined;
  try {
    release = await store.lock(`${os.hostname()} pid ${process.pid}`, PUBLISH_LOCK_WAIT_S * 1000);
    const previous = await store.current();
    const secret = publishSecret(store);
    const origins = (process.env.PUBLISH_ORIGINS || 'http://127.0.0.1:3000')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    // Before anything changes: every origin must answer and take the secret (a sync to the current
    // version, which changes nothing), so a wrong secret or an origin down leaves the site as it was.
    const preflight = await Promise.allSettled(origins.map((origin) => syncOrigin(origin, secret)));
    const refused = preflight.flatMap((answer) =>
      answer.status === 'rejected' ? [(answer.reason as Error).message] : [],
    );
    if (refused.length) throw new Error(refused.map((m) => `origin ${m}`).join('\n✖ '));
    step('origins reachable');
    // Photos first (by content, only those the store lacks): a release's public/ may not have a new one.
    const photos = await store.writePhotos(
      Object.entries(snapshot.listing.images).map(([src, file]) => ({
        sha256: file.sha256,
        read: () => readFile(path.join(root, 'public', src)),
      })),
    );
    step('photos');
    const written = await store.write(snapshot);
    await store.setCurrent({ version: snapshot.listing.version, createdAt: snapshot.listing.createdAt });
    step('store');
    console.log(
      `Content ${snapshot.listing.version} (${check.storyCount} stories, ${written} story records and ${photos} photos written) is current in ${store.description}` +
        (previous?.version === snapshot.listing.version ? ' (it already was).' : '.'),
    );

    const answers = await Promise.allSettled(origins.map((origin) => syncOrigin(origin, secret)));
    step('origins');
    let failed = false;
    // Pages the preflight brought up to date (a publish that failed half-way before) are purged too.
    const paths = new Set<string>(
      preflight.flatMap((answer) => (answer.status === 'fulfilled' ? answer.value.paths : [])),
    );
    let everything = false;
    let changes: OriginAnswer | undefined;
    answers.forEach((answer, i) => {
      if (answer.status === 'rejected') {
        failed = true;
        console.error(`✖ origin ${(answer.reason as Error).message}`);
        return;
      }
      const { value } = answer;
      if (value.version !== snapshot.listing.version) {
        failed = true;
        console.error(
          `✖ origin ${origins[i]} serves ${value.version}, not ${snapshot.listing.version}: does it read the same store (REDIS_URL / CONTENT_STORE_DIR)?`,
        );
        return;
      }
      const took = Object.entries(value.timings ?? {}).map(([part, ms]) => `${part} ${seconds(ms)}`);
      console.log(
        `✔ origin ${origins[i]}: ${value.paths.length} pages revalidated${took.length ? ` (${took.join(', ')})` : ''}`,
      );
      for (const p of value.paths) paths.add(p);
      everything ||= value.everything;
      changes ??= value;
    });

    const explicitEdges = edgeUrls();
    const edges = explicitEdges.length ? explicitEdges : [`http://127.0.0.1:${process.env.EDGE_PORT || 8080}`];
    if (paths.size > 0) {
      for (const edge of edges) {
        try {
          const purged = await softPurgeKeys(edge, everything ? ['site'] : [...paths]);
          console.log(
            `✔ edge ${edge}: ${purged} stored objects marked stale (${everything ? 'every page' : `${paths.size} pages`})`,
          );
        } catch (error) {
          const refused = ((error as NodeJS.ErrnoException).code ?? '') === 'ECONNREFUSED';
          if (!explicitEdges.length && refused) {
            console.log(`  no edge at ${edge} (EDGE_URL unset): nothing to purge`);
            continue;
          }
          failed = true;
          console.error(`✖ edge ${edge}: ${(error as Error).message}`);
        }
      }
    }
    step('edge');

    // Search last: pages are live first. One index for what is visible now, and one for each of the next
    // embargoes (an index cannot gain a story when its embargo lifts; origins pick the one for the hour).
    const nowSearch = searchIndexId(snapshot.listing.version, embargoesLifted(snapshot.listing, new Date()));
    if (paths.size > 0 || !(await store.searchFile(nowSearch, 'pagefind-entry.json'))) {
      const times = [undefined, ...embargoTimes(snapshot.listing).slice(0, MAX_EMBARGO_INDEXES)];
      // The snapshot this publish checked, on disk for the indexer: it reads that, not every story file again.
      const snapshotDir = mkdtempSync(path.join(os.tmpdir(), 'aju-publish-snapshot-'));
      try {
        const checked = new DiskStore(snapshotDir);
        await checked.write(snapshot);
        await checked.setCurrent({ version: snapshot.listing.version, createdAt: snapshot.listing.createdAt });
        for (const at of times) {
          const files = await buildSearchIndex(snapshotDir, at);
          await store.writeSearch(
            searchIndexId(snapshot.listing.version, embargoesLifted(snapshot.listing, at ?? new Date())),
            files,
          );
          if (!at) {
            const entryFiles = [...files.keys()]
              .filter((name) => !name.includes('/'))
              .map((name) => `/pagefind/${name}`);
            for (const edge of edges) await softPurgeKeys(edge, entryFiles).catch(() => undefined);
          }
        }
        console.log(
          `✔ search: the index of this version${times.length > 1 ? `, and of it after each of the next ${times.length - 1} embargoes` : ''}`,
        );
      } catch (error) {
        failed = true;
        console.error(
          `✖ search: the index could not be written (${(error as Error).message}); pages are published, search shows the previous index`,
        );
      } finally {
        rmSync(snapshotDir, { recursive: true, force: true });
      }
      step('search');
    }

    if (changes) {
      const list = (label: string, slugs: string[]) => {
        console.log(`${label}: ${slugs.length}`);
        for (const slug of slugs) console.log(`  ${siteUrl(`/stories/${slug}`)}`);
      };
      list('added', changes.added);
      list('updated', changes.updated);
      list('removed', changes.removed);
      if (changes.everything) console.log('authors, sections, tags or photos changed: every page revalidated');
    }
    console.log(
      `\nSteps: ${timings.map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}; total ${seconds(performance.now() - started)}.`,
    );
    if (failed) {
      console.error(
        '✖ The store holds the new content, but the site above did not all follow: fix what is named and run content:publish again.',
      );
      return 1;
    }
    console.log('✔ Published.');
    return 0;
  } finally {
    await release?.();
    await store.close();
    // Last: the site has the new content before the check's cache is written for the next publish.
    check.saveCache();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`✖ ${error.message}\nNothing was published: the site is unchanged.`);
    process.exitCode = 1;
  },
);
