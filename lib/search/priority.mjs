/**
 * The search indexer runs below normal priority wherever it shares the machine: beside `next build`
 * (scripts/operators/build.mjs), and beside the origins rendering the pages a publish just purged (scripts/editors/content-publish.ts):
 * pages have 10 s to reach readers, search has 60 (docs/decisions/0013, 0028). Plain JavaScript: build.mjs runs
 * before anything is compiled.
 */
import os from 'node:os';

/** The search indexer's niceness (0 normal, 19 lowest); the programs it starts (Pagefind) inherit it. */
export const SEARCH_INDEX_NICENESS = 10;

/** Lowers a child process's priority; where that is not permitted it runs at the normal one, which only costs time. */
export function lowerPriority(child, niceness = SEARCH_INDEX_NICENESS) {
  if (!child.pid) return;
  try {
    os.setPriority(child.pid, niceness);
  } catch {
    // not permitted here
  }
}
