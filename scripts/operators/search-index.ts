/**
 * npm run search:index — writes the Pagefind search index from the content (not from HTML: most archive
 * stories have no page until a reader asks for one). Every published story is a record: headline, summary,
 * body, authors and tags are searched; headline, date, summary and section are shown with each result;
 * the section is a filter. `npm run build` runs it after `next build`, into <distDir>/pagefind, and
 * scripts/operators/standalone.mjs serves that folder at /pagefind/.
 *
 *   npx tsx scripts/operators/search-index.ts [--out DIR] [--snapshot DIR]
 *
 * --out: where the index goes (default: <NEXT_DIST_DIR or .next>/pagefind).
 * --snapshot: read the stories from a content snapshot already validated (a disk store, such as the build's
 * content/snapshot.generated, its current version) instead of loading and validating every story module again:
 * the build (scripts/operators/build.mjs) indexes the snapshot its content check just wrote, while next build runs.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import type { Story } from '@/lib/content';
import { blockText } from '@/lib/content/model/body-text';
import { searchIndexEnvironment } from '@/lib/search/index-settings';
import { withoutStopWords } from '@/lib/search/stop-words';
import { site } from '@/lib/site';
import { formatKstDate } from '@/lib/time';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.resolve(root, process.env.NEXT_DIST_DIR || '.next');
const { values } = parseArgs({ options: { out: { type: 'string' }, snapshot: { type: 'string' } } });
const out = path.resolve(root, values.out ?? path.join(dist, 'pagefind'));

// The index holds what the build published: the same clock (SITE_BUILT_AT: given, or else the one kept in the
// build's server config) and no drafts or scheduled stories.
const serverFiles = path.join(dist, 'required-server-files.json');
const builtAt = process.env.SITE_BUILT_AT
  ? undefined
  : existsSync(serverFiles)
    ? JSON.parse(readFileSync(serverFiles, 'utf8')).config?.env?.SITE_BUILT_AT
    : undefined;
if (builtAt) process.env.SITE_BUILT_AT = builtAt;
Object.assign(process.env, { NODE_ENV: 'production' });
const { buildContent, productionVisibility, snapshotStories } = await import('@/lib/content');
const { DiskStore } = await import('@/lib/content/storage/store');
const { loadContentSources } = await import('../../lib/content-check/load-sources');

/** Everything a reader might search a story by, as plain text. */
export function searchText(story: Story): string {
  const body = story.body.map(blockText);
  return [
    story.headline,
    story.summary,
    ...body,
    ...story.authors.map((a) => a.name),
    ...story.tags.map((t) => t.name),
    story.section.name,
  ].join('\n');
}

/** Whole stories (bodies too), all at once: the site's own getContent() lists stories without bodies. */
async function publishedStories(): Promise<Story[]> {
  if (values.snapshot) {
    const store = new DiskStore(path.resolve(root, values.snapshot));
    const current = await store.current();
    const listing = current && (await store.listing(current.version));
    if (!listing) throw new Error(`${values.snapshot} holds no content snapshot: run content:check --build first`);
    return snapshotStories(listing, productionVisibility().now, (hash) => store.record(hash));
  }
  const { sources } = await loadContentSources(root);
  const { stories } = await buildContent(sources, {
    publicDir: path.join(root, 'public'),
    visibility: productionVisibility(),
  });
  return stories;
}

const started = performance.now();
const stories = await publishedStories();
// Pagefind's service reads its settings from the environment when it starts (createIndex starts it).
Object.assign(process.env, searchIndexEnvironment(process.env));
const { index, errors } = await pagefind.createIndex({ forceLanguage: site.language });
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);

// Records go to Pagefind's process over a pipe: in batches, so 10,000 stories do not queue 10,000 promises at once.
const BATCH = 200;
for (let i = 0; i < stories.length; i += BATCH) {
  const results = await Promise.all(
    stories.slice(i, i + BATCH).map((story) =>
      index.addCustomRecord({
        url: story.path,
        // Without stop words: they match nearly every story, so their index chunks would be the largest a query loads.
        content: withoutStopWords(searchText(story)),
        language: site.language,
        meta: {
          title: story.headline,
          date: story.postedAt,
          dateLabel: formatKstDate(story.postedAt),
          summary: story.summary,
          section: story.section.name,
        },
        filters: { section: [story.section.name] },
      }),
    ),
  );
  const failed = results.flatMap((r) => r.errors);
  if (failed.length > 0) throw new Error(`Pagefind rejected a record: ${failed.join('; ')}`);
}

rmSync(out, { recursive: true, force: true });
const written = await index.writeFiles({ outputPath: out });
if (written.errors.length > 0) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(
  `Search index: ${stories.length} stories → ${path.relative(root, out)} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
