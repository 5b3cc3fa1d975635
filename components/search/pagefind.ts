/** Pagefind's index in the browser: loaded on first search, queried, and read a batch of results at a time. */
import { headlineFirst } from '@/lib/search/headline-first';
import { searchTerms } from '@/lib/search/stop-words';

/** What scripts/operators/search-index.ts stores with each story. */
export interface ResultData {
  url: string;
  meta: { title: string; date: string; dateLabel: string; summary: string; section: string };
}

export type Hit = { id: string; data(): Promise<ResultData> };

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: Hit[] } | null>;
}

/** Written by the build (npm run search:index) and served beside the site; never bundled. */
const PAGEFIND_URL = '/pagefind/pagefind.js';
/** Results loaded at a time: each loads its own small file, so a query stays well under 300 KB. */
const BATCH = 10;

let pagefindLoading: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefindLoading ??= (async () => {
    const pagefind = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ PAGEFIND_URL)) as Pagefind;
    // On the main thread: no worker to allow in the CSP, and a query on a chunked index is quick.
    await pagefind.options({ noWorker: true });
    return pagefind;
  })();
  pagefindLoading.catch(() => (pagefindLoading = undefined));
  return pagefindLoading;
}

/** Every hit for a (trimmed) query, and the first batch's results; undefined when a newer search superseded it. */
export async function searchIndex(trimmed: string, inSection: string) {
  const pagefind = await loadPagefind();
  // The index has no stop words (scripts/operators/search-index.ts): leave them out of the query too.
  const found = await pagefind.search(searchTerms(trimmed), inSection ? { filters: { section: inSection } } : {});
  if (!found) return undefined;
  const results = headlineFirst(await Promise.all(found.results.slice(0, BATCH).map((r) => r.data())), trimmed);
  return { hits: found.results, results };
}

/** The next batch of results after the `shown` ones. */
export const moreResults = (hits: Hit[], shown: number) =>
  Promise.all(hits.slice(shown, shown + BATCH).map((r) => r.data()));
