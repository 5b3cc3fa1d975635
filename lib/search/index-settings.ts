/**
 * How scripts/operators/search-index.ts has Pagefind cut the index: chunks a sixth of the default size, so a
 * full headline's query transfers far less (figures and runs: docs/decisions/0013). Pagefind 1.6 reads it from
 * PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE only: check an upgrade with `npm run bench:archive -- --full`.
 */
export const INDEX_CHUNK_SIZE = 3000;

/** The environment Pagefind's indexing service starts with: the chunk size above unless one is given. */
export function searchIndexEnvironment(env: Record<string, string | undefined>): Record<string, string> {
  return { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE || String(INDEX_CHUNK_SIZE) };
}
