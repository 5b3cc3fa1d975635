/**
 * How an open tab of a live story follows it (LiveFollower.tsx; decision 0053): while visible and live, it polls
 * live.json every `pollSeconds` with jitter, backing off on errors (and on a page the edge still keeps older than
 * live.json) up to MAX_BACKOFF_MS; on a new revision it fetches the live page (the one renderer of updates) and
 * applies it: inserted at the top, or counted on the "N new updates" button once scrolled. It stops while the tab
 * is hidden and for good once the coverage ended.
 */

/** What live.json answers (lib/content/model/live-status.ts). */
export interface LiveStatusAnswer {
  live: boolean;
  revision: string;
  updates: Array<{ id: string; revision: string }>;
}

export const MAX_BACKOFF_MS = 5 * 60_000;
/** Waits before asking the page again when the edge still has the previous one. */
export const PAGE_RETRY_MS = [1000, 2000, 4000];

/** Milliseconds until the next poll: pollSeconds ±20 %, doubled per failure in a row, at most MAX_BACKOFF_MS. */
export function pollDelay(pollSeconds: number, failures: number, random: () => number = Math.random): number {
  const base = pollSeconds * 1000 * 2 ** Math.min(failures, 20);
  return Math.round(Math.min(MAX_BACKOFF_MS, base * (0.8 + 0.4 * random())));
}

/** The coverage revision a live page's HTML was made from (its data-live-coverage-revision). */
export function pageRevision(html: string): string | undefined {
  return /\bdata-live-coverage-revision="([^"]*)"/.exec(html)?.[1];
}

export interface FollowDeps {
  statusUrl: string;
  pageUrl: string;
  pollSeconds: number;
  /** The revision the page shows now. */
  revision: string;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
  random?: () => number;
  visible: () => boolean;
  /** Shows a newer page's HTML. */
  apply: (html: string) => void;
  /** Each poll's outcome, for tests and debugging. */
  onPoll?: (outcome: 'same' | 'applied' | 'stale-page' | 'error' | 'ended') => void;
}

/** The live page as new as `shown` is not: asked again after 1, 2 and 4 s while the edge has the old one. */
export async function fetchNewerPage(deps: FollowDeps, shown: string): Promise<string | undefined> {
  for (let attempt = 0; ; attempt++) {
    const response = await deps.fetch(deps.pageUrl, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`the live page answered ${response.status}`);
    const html = await response.text();
    const revision = pageRevision(html);
    if (revision && revision !== shown) return html;
    if (attempt >= PAGE_RETRY_MS.length) return undefined;
    await new Promise((resolve) => deps.setTimeout(() => resolve(undefined), PAGE_RETRY_MS[attempt]!));
  }
}

export interface Following {
  /** Call on visibilitychange: stops polling while hidden, polls again at once when shown. */
  visibilityChanged(): void;
  stop(): void;
  /** True once the coverage ended (or stop() was called): no more requests. */
  readonly stopped: boolean;
}

export function follow(deps: FollowDeps): Following {
  let shown = deps.revision;
  let failures = 0;
  let stalePages = 0;
  let timer: unknown;
  let running = false;
  let stopped = false;
  const schedule = (ms = pollDelay(deps.pollSeconds, failures, deps.random)) => {
    if (stopped || running || timer !== undefined || !deps.visible()) return;
    timer = deps.setTimeout(() => {
      timer = undefined;
      void poll();
    }, ms);
  };
  const poll = async () => {
    running = true;
    let outcome: Parameters<NonNullable<FollowDeps['onPoll']>>[0] = 'same';
    try {
      const response = await deps.fetch(deps.statusUrl, { cache: 'no-cache' });
      // Gone (taken down, or no longer live coverage): nothing more to follow.
      if (response.status === 404 || response.status === 410) stopped = true;
      if (!response.ok) throw new Error(`live.json answered ${response.status}`);
      const status = (await response.json()) as LiveStatusAnswer;
      if (status.revision !== shown) {
        const html = await fetchNewerPage(deps, shown);
        if (stopped) return;
        if (html) {
          shown = pageRevision(html)!;
          deps.apply(html);
          outcome = 'applied';
        } else outcome = 'stale-page';
      }
      // A page still older than live.json after every retry, twice in a row, backs off like an error: once is
      // an edge refetching it, more is an edge or origin stuck, not helped by four requests a poll from each tab.
      stalePages = outcome === 'stale-page' ? stalePages + 1 : 0;
      failures = stalePages > 1 ? failures + 1 : 0;
      // Ended: the page just applied says so; no tab asks again.
      if (!status.live && outcome !== 'stale-page') {
        stopped = true;
        outcome = 'ended';
      }
    } catch {
      failures++;
      outcome = stopped ? 'ended' : 'error';
    }
    running = false;
    deps.onPoll?.(outcome);
    schedule();
  };
  schedule();
  return {
    visibilityChanged() {
      if (deps.visible()) schedule(0);
      else if (timer !== undefined) {
        deps.clearTimeout(timer);
        timer = undefined;
      }
    },
    stop() {
      stopped = true;
      if (timer !== undefined) deps.clearTimeout(timer);
      timer = undefined;
    },
    get stopped() {
      return stopped;
    },
  };
}
