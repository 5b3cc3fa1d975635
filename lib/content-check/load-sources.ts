/**
 * Loads every content module from a project folder the way an editor sees them: every story file under
 * content/stories/ (any depth), each import failure reported as a problem; and writes the generated story
 * index (lib/content/model/story-index.ts) from what it found.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isUpdateFile } from '@/lib/content/model/live';
import {
  listedRecord,
  PRODUCTION_STORY_INDEX_FILE,
  STORY_INDEX_FILE,
  storyIndexSource,
  type StoryListing,
} from '@/lib/content/model/story-index';
import {
  BREAKING_NEWS_FILE,
  FRONTS_FILE,
  PUBLISHED_ADDRESSES_FILE,
  TAKEDOWNS_FILE,
  type ContentProblem,
  type ContentSource,
  type ContentSources,
  type ValidContent,
} from '@/lib/content/model/validate';
import type { CheckCache } from './check-cache';

export const STORIES_DIR = 'content/stories';

const isStoryFile = (name: string) =>
  /\.tsx?$/.test(name) && !name.endsWith('.d.ts') && !/\.generated\.tsx?$/.test(name) && !/^index\.tsx?$/.test(name);

/** Story and live-update module files under content/stories/, relative to the project root, sorted. */
export function storyFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory() && !entry.name.startsWith('.')) walk(child);
      else if (entry.isFile() && isStoryFile(entry.name)) found.push(child);
    }
  };
  walk(STORIES_DIR);
  return found.sort();
}

/** The first lines of an import failure, with the project's absolute path taken out. */
function describeFailure(root: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split(root + path.sep)
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 3)
    .join(' ');
}

/** content/published-addresses.json as a source; undefined when the project has none. */
export function readLedger(root: string, problems: ContentProblem[]): ContentSource | undefined {
  const file = path.join(root, PUBLISHED_ADDRESSES_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return { file: PUBLISHED_ADDRESSES_FILE, data: JSON.parse(readFileSync(file, 'utf8')) as unknown };
  } catch (error) {
    problems.push({
      file: PUBLISHED_ADDRESSES_FILE,
      field: '',
      message: `cannot be read — ${error instanceof Error ? error.message : String(error)} — restore it from git (content:publish writes it)`,
      severity: 'error',
    });
    return undefined;
  }
}

export async function loadContentSources(
  root: string,
  files: string[] = storyFiles(root),
  cache?: CheckCache,
): Promise<{ sources: ContentSources; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = [];
  const load = async (file: string): Promise<ContentSource> => {
    try {
      const loaded = (await import(pathToFileURL(path.join(root, file)).href)) as { default?: unknown };
      if (loaded.default === undefined) {
        problems.push({
          file,
          field: '',
          message: `has no default export — end the record with export default ${isUpdateFile(file) ? 'defineUpdate' : 'defineStory'}({ … }) (or the list for authors, sections, tags)`,
          severity: 'error',
        });
      }
      return { file, data: loaded.default };
    } catch (error) {
      problems.push({
        file,
        field: '',
        message: `cannot be read — ${describeFailure(root, error)} — fix the file's syntax at that line`,
        severity: 'error',
      });
      return { file, data: undefined };
    }
  };

  // Files a run has loaded before, as they are now, come from the cache; the others are loaded.
  const remembered = files.map((file) => cache?.sourceData(file));
  const toLoad = files.filter((_, i) => !remembered[i]);
  const fresh = toLoad.length
    ? ((await loadStoriesBundled(root, toLoad)) ?? (await Promise.all(toLoad.map(load))))
    : [];
  const freshByFile = new Map(fresh.map((source) => [source.file, source]));
  const loaded = files.map((file, i): ContentSource => {
    const hit = remembered[i];
    if (hit) return { file, data: hit.data };
    const source = freshByFile.get(file)!;
    if (source.data !== undefined && cache)
      cache.rememberSource(file, readFileSync(path.join(root, file), 'utf8'), source.data);
    return source;
  });
  const present = loaded.filter((source) => source.data !== undefined);
  const sources: ContentSources = {
    stories: present.filter(({ file }) => !isUpdateFile(file)),
    updates: present.filter(({ file }) => isUpdateFile(file)),
    authors: await load('content/authors.ts'),
    sections: await load('content/sections.ts'),
    tags: await load('content/tags.ts'),
    // Optional: a project without them arranges nothing and shows no banner.
    ...(existsSync(path.join(root, FRONTS_FILE)) ? { fronts: await load(FRONTS_FILE) } : {}),
    ...(existsSync(path.join(root, BREAKING_NEWS_FILE)) ? { breakingNews: await load(BREAKING_NEWS_FILE) } : {}),
    // Both optional (a fresh project, the test archives): no takedowns, nothing published yet.
    takedowns: existsSync(path.join(root, TAKEDOWNS_FILE)) ? await load(TAKEDOWNS_FILE) : undefined,
    published: readLedger(root, problems),
  };
  return { sources, problems };
}

/**
 * Every story module at once: esbuild bundles them into one ES module, imported once. Importing 10,000 files
 * one by one through tsx costs 10–20 s; this takes a few. Undefined when any file fails to bundle or run: the
 * caller then imports them one by one, which names each broken file and line.
 */
let bundleLoads = 0;
async function loadStoriesBundled(root: string, files: string[]): Promise<ContentSource[] | undefined> {
  const outFile = path.join(root, 'node_modules/.cache/aju-content-check', `stories-${process.pid}.mjs`);
  try {
    const entry = [
      ...files.map((file, i) => `import * as m${i} from ${JSON.stringify(`./${file}`)};`),
      `export default [${files.map((_, i) => `m${i}`).join(', ')}];`,
    ].join('\n');
    await build({
      stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'stories.ts' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      outfile: outFile,
      logLevel: 'silent',
      tsconfig: path.join(root, 'tsconfig.json'),
    });
    // A fresh URL each time: in one process, a second load must not get the first bundle from the module cache.
    const url = `${pathToFileURL(outFile).href}?load=${++bundleLoads}`;
    const modules = ((await import(url)) as { default: { default?: unknown }[] }).default;
    if (modules.some((module) => module.default === undefined)) return undefined;
    return modules.map((module, i) => ({ file: files[i]!, data: module.default }));
  } catch {
    return undefined;
  } finally {
    rmSync(outFile, { force: true });
  }
}

/**
 * Writes content/stories/*.generated.ts (each only when it changes, so next dev does not reload for nothing),
 * and PRODUCTION_STORY_INDEX_FILE: the same index with no story, which a production build uses in its place
 * (lib/content-check/content-gate.js aliases it): the server reads the content snapshot at run time, so the build
 * compiles no story module.
 */
export function writeStoryIndex(
  root: string,
  files: string[],
  content: Pick<ValidContent, 'stories' | 'images'>,
): void {
  const listing: StoryListing = {
    stories: content.stories.map(({ file, story }) => listedRecord(file, story)),
    images: Object.fromEntries(content.images),
  };
  // Left by earlier versions (the proxy now reads the run-time snapshot): a stale one would break the type check.
  for (const obsolete of ['slugs.generated.ts', 'listing-pages.generated.ts'])
    rmSync(path.join(root, STORIES_DIR, obsolete), { force: true });
  for (const [file, source] of [
    [STORY_INDEX_FILE, storyIndexSource(files, listing)],
    [PRODUCTION_STORY_INDEX_FILE, storyIndexSource([], { stories: [], images: {} })],
  ] as const) {
    const target = path.join(root, file);
    if (existsSync(target) && readFileSync(target, 'utf8') === source) continue;
    writeFileSync(target, source);
  }
}
