import { useEffect, useRef, useState } from 'react';
import { moreResults, searchIndex, type Hit, type ResultData } from './pagefind';

export type Outcome =
  | { state: 'idle' }
  | { state: 'searching'; query: string }
  | { state: 'done'; query: string; hits: Hit[]; results: ResultData[] }
  | { state: 'error' };

/** The query and section in the address (?q=…&section=…); empty on the server. */
export function arrivingSearch(sections: string[]): { query: string; section: string } {
  if (typeof location === 'undefined') return { query: '', section: '' };
  const params = new URLSearchParams(location.search);
  const section = params.get('section') ?? '';
  return { query: params.get('q') ?? '', section: sections.includes(section) ? section : '' };
}

/**
 * The latest search and its outcome: `run` puts a search in the address and starts it (a newer one supersedes
 * it), `showMore` adds the next batch of results. The search the page `arrival`ed with starts at once.
 */
export function useSearch(arrival: { query: string; section: string }) {
  // A search in the address starts on arrival (below), so it is already under way at the first render.
  const [outcome, setOutcome] = useState<Outcome>(() =>
    arrival.query.trim() ? { state: 'searching', query: arrival.query.trim() } : { state: 'idle' },
  );
  /** Index of the first result the last "Show more results" added; focus goes there, as the button may go. */
  const [firstAdded, setFirstAdded] = useState<number>();
  const latest = useRef(0);

  /** Puts the search in the address and starts it; returns what to show while it runs. */
  function start(q: string, inSection: string): Outcome {
    const id = ++latest.current;
    const trimmed = q.trim();
    const params = new URLSearchParams();
    if (trimmed) params.set('q', trimmed);
    if (inSection) params.set('section', inSection);
    // The address always holds the search, so it can be shared, bookmarked and reloaded.
    history.replaceState(null, '', params.size ? `/search?${params}` : '/search');
    if (!trimmed) return { state: 'idle' };
    void find(id, trimmed, inSection);
    return { state: 'searching', query: trimmed };
  }

  async function find(id: number, trimmed: string, inSection: string) {
    try {
      const found = await searchIndex(trimmed, inSection);
      if (!found) return; // superseded by a newer search
      if (id === latest.current) setOutcome({ state: 'done', query: trimmed, ...found });
    } catch {
      if (id === latest.current) setOutcome({ state: 'error' });
    }
  }

  function run(q: string, inSection: string) {
    const shown = start(q, inSection);
    setOutcome(shown);
    if (shown.state === 'searching') setFirstAdded(undefined);
  }

  async function showMore() {
    if (outcome.state !== 'done') return;
    const id = latest.current;
    try {
      const more = await moreResults(outcome.hits, outcome.results.length);
      if (id !== latest.current) return;
      setOutcome({ ...outcome, results: [...outcome.results, ...more] });
      setFirstAdded(outcome.results.length);
    } catch {
      // A result file did not load: the button stays, to try again.
    }
  }

  useEffect(() => {
    if (arrival.query.trim()) start(arrival.query, arrival.section);
    // Once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { outcome, firstAdded, run, showMore };
}
