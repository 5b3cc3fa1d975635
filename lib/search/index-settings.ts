/**
 * How scripts/operators/search-index.ts has Pagefind cut the index. A query loads, besides Pagefind's script, wasm and
 * metadata (about 145 KB at 10,000 stories, whatever the query), one index chunk per word it searches: a chunk
 * holds every word of an alphabetical range with where each occurs. Pagefind's default chunk (about 32 KB on
 * average at 10,000 stories) made a headline typed in full, six words once stop words are gone, transfer 370–390
 * KB. Chunks a sixth of that size (about 11 KB on average; a word found in most stories still fills one alone)
 * bring it to about 200–260 KB, for 4 KB more metadata: docs/decisions/0013.
 *
 * Pagefind 1.6 (pinned in package.json) takes this setting from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE only: an
 * upgrade must be checked against `npm run bench:archive -- --full` (both search rows).
 */
export const INDEX_CHUNK_SIZE = 3000;

/** The environment Pagefind's indexing service starts with: the chunk size above unless one is given. */
export function searchIndexEnvironment(env: Record<string, string | undefined>): Record<string, string> {
  return { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE || String(INDEX_CHUNK_SIZE) };
}
