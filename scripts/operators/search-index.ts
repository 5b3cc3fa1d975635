/**
 * `npm run search:index`: the Pagefind index of every published story, from the content rather than HTML (most
 * archive stories have no page until asked for); `--snapshot` reads a validated snapshot instead of the story
 * files, as the build does (docs/development/search.md, decision 0013).
 *
 *   npx tsx scripts/operators/search-index.ts [--out DIR (default <dist>/pagefind)] [--snapshot DIR]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Story } from '@/lib/content';
import { writeSearchIndex } from '@/lib/search/pagefind-index';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The build's clock (SITE_BUILT_AT: given, or else the one kept in the build's server config) and production
 * visibility, set before the content modules load, so the index holds what the build published.
 */
function setBuildClock(dist: string): void {
  const serverFiles = path.join(dist, 'required-server-files.json');
  const builtAt = process.env.SITE_BUILT_AT
    ? undefined
    : existsSync(serverFiles)
      ? JSON.parse(readFileSync(serverFiles, 'utf8')).config?.env?.SITE_BUILT_AT
      : undefined;
  if (builtAt) process.env.SITE_BUILT_AT = builtAt;
  Object.assign(process.env, { NODE_ENV: 'production' });
}

/** The content API and the story loaders, imported once the clock is set (they read it when they load). */
async function contentModules() {
  const api = await import('@/lib/content');
  const { DiskStore } = await import('@/lib/content/storage/store');
  const { loadContentSources } = await import('../../lib/content-check/load-sources');
  return { ...api, DiskStore, loadContentSources };
}

/** Whole stories (bodies too), all at once: the site's own getContent() lists stories without bodies. */
async function publishedStories(
  content: Awaited<ReturnType<typeof contentModules>>,
  snapshot: string | undefined,
): Promise<Story[]> {
  if (snapshot) {
    const store = new content.DiskStore(path.resolve(root, snapshot));
    const current = await store.current();
    const listing = current && (await store.listing(current.version));
    if (!listing) throw new Error(`${snapshot} holds no content snapshot: run content:check --build first`);
    return content.snapshotStories(listing, content.productionVisibility().now, (hash) => store.record(hash));
  }
  const { sources } = await content.loadContentSources(root);
  const { stories } = await content.buildContent(sources, {
    publicDir: path.join(root, 'public'),
    visibility: content.productionVisibility(),
  });
  return stories;
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' }, snapshot: { type: 'string' } } });
  const dist = path.resolve(root, process.env.NEXT_DIST_DIR || '.next');
  const out = path.resolve(root, values.out ?? path.join(dist, 'pagefind'));
  setBuildClock(dist);
  const content = await contentModules();
  const started = performance.now();
  const stories = await publishedStories(content, values.snapshot);
  await writeSearchIndex(stories, out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Search index: ${stories.length} stories → ${path.relative(root, out)} in ${seconds} s.`);
}

await main();
