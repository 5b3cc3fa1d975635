'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useHydrated } from '@/components/ui/browser-value';
import { headlineFirst } from '@/lib/search/headline-first';
import { searchTerms } from '@/lib/search/stop-words';

/** Moves focus to a link as it appears: the first of the results "Show more results" added. */
const focusOnArrival = (link: HTMLAnchorElement | null) => link?.focus();

/** What scripts/operators/search-index.ts stores with each story. */
interface ResultData {
  url: string;
  meta: { title: string; date: string; dateLabel: string; summary: string; section: string };
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: Hit[] } | null>;
}

/** Written by the build (npm run search:index) and served beside the site; never bundled. */
const PAGEFIND_URL = '/pagefind/pagefind.js';
/** Results loaded at a time: each loads its own small file, so a query stays well under 300 KB. */
const BATCH = 10;

type Hit = { id: string; data(): Promise<ResultData> };

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

/** The query and section in the address (?q=…&section=…); empty on the server. */
function arrivingSearch(sections: string[]): { query: string; section: string } {
  if (typeof location === 'undefined') return { query: '', section: '' };
  const params = new URLSearchParams(location.search);
  const section = params.get('section') ?? '';
  return { query: params.get('q') ?? '', section: sections.includes(section) ? section : '' };
}

type Outcome =
  | { state: 'idle' }
  | { state: 'searching'; query: string }
  | { state: 'done'; query: string; hits: Hit[]; results: ResultData[] }
  | { state: 'error' };

/**
 * The search page's form and results, over Pagefind's static index. Loaded on /search only; the page is
 * static, so the query comes from the address (?q=…&section=…) once the page runs in the browser.
 */
export function SearchPanel({ sections }: { sections: string[] }) {
  const hydrated = useHydrated();
  // The search the page arrived with; nothing shows before hydration, so the server's empty values never render.
  const [arrival] = useState(() => arrivingSearch(sections));
  const [query, setQuery] = useState(arrival.query);
  const [section, setSection] = useState(arrival.section);
  // A search in the address starts on arrival (below), so it is already under way at the first render.
  const [outcome, setOutcome] = useState<Outcome>(() =>
    arrival.query.trim() ? { state: 'searching', query: arrival.query.trim() } : { state: 'idle' },
  );
  /** Index of the first result the last "Show more results" added; focus goes there, as the button may go. */
  const [firstAdded, setFirstAdded] = useState<number>();
  const latest = useRef(0);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);

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
      const pagefind = await loadPagefind();
      // The index has no stop words (scripts/operators/search-index.ts): leave them out of the query too.
      const found = await pagefind.search(searchTerms(trimmed), inSection ? { filters: { section: inSection } } : {});
      if (!found) return; // superseded by a newer search
      const results = headlineFirst(await Promise.all(found.results.slice(0, BATCH).map((r) => r.data())), trimmed);
      if (id === latest.current) setOutcome({ state: 'done', query: trimmed, hits: found.results, results });
    } catch {
      if (id === latest.current) setOutcome({ state: 'error' });
    }
  }

  function run(q: string, inSection: string) {
    const shown = start(q, inSection);
    setOutcome(shown);
    if (shown.state === 'searching') setFirstAdded(undefined);
  }

  useEffect(() => {
    if (arrival.query.trim()) start(arrival.query, arrival.section);
    // Once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!hydrated) return null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    clearTimeout(typing.current);
    run(query, section);
  };
  const onType = (value: string) => {
    setQuery(value);
    clearTimeout(typing.current);
    typing.current = setTimeout(() => run(value, section), 250);
  };
  const showMore = async () => {
    if (outcome.state !== 'done') return;
    const id = latest.current;
    try {
      const more = await Promise.all(
        outcome.hits.slice(outcome.results.length, outcome.results.length + BATCH).map((r) => r.data()),
      );
      if (id !== latest.current) return;
      setOutcome({ ...outcome, results: [...outcome.results, ...more] });
      setFirstAdded(outcome.results.length);
    } catch {
      // A result file did not load: the button stays, to try again.
    }
  };
  const onSection = (value: string) => {
    // A search still waiting on typing would run with the old section and undo this one.
    clearTimeout(typing.current);
    setSection(value);
    run(query, value);
  };

  return (
    <>
      <form
        role="search"
        aria-label="Search stories"
        action="/search"
        method="get"
        className="search-form"
        onSubmit={onSubmit}
      >
        <label className="search-form__query">
          Search stories
          <input
            type="search"
            name="q"
            value={query}
            onChange={(e) => onType(e.target.value)}
            autoComplete="off"
            enterKeyHint="search"
          />
        </label>
        <label>
          Section
          <select name="section" value={section} onChange={(e) => onSection(e.target.value)}>
            <option value="">All sections</option>
            {sections.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      <p role="status" className="search-status">
        {outcome.state === 'searching' && 'Searching…'}
        {outcome.state === 'done' &&
          outcome.hits.length > 0 &&
          `${outcome.hits.length.toLocaleString('en-US')} ${outcome.hits.length === 1 ? 'story matches' : 'stories match'} “${outcome.query}”${section ? ` in ${section}` : ''}, best first.`}
        {outcome.state === 'done' && outcome.hits.length === 0 && (
          <>
            No stories match “{outcome.query}”{section ? ` in ${section}` : ''}. Check the spelling, try fewer or
            different words
            {section ? ', search all sections' : ''}, or browse <a href="/archive">the archive</a> by month.
          </>
        )}
        {outcome.state === 'error' && (
          <>
            Search is not available just now. Every story is listed by month in <a href="/archive">the archive</a>.
          </>
        )}
      </p>
      {outcome.state === 'done' && outcome.results.length > 0 && (
        <ol className="story-list search-results">
          {outcome.results.map((r, i) => (
            <li key={r.url} className="search-result">
              <h2 className="story-list__headline">
                <a href={r.url} ref={i === firstAdded ? focusOnArrival : undefined}>
                  {r.meta.title}
                </a>
              </h2>
              <p className="search-result__meta">
                {r.meta.section} · <time dateTime={r.meta.date}>{r.meta.dateLabel}</time>
              </p>
              <p className="story-list__summary">{r.meta.summary}</p>
            </li>
          ))}
        </ol>
      )}
      {outcome.state === 'done' && outcome.results.length < outcome.hits.length && (
        <p className="search-more">
          <button type="button" onClick={() => void showMore()}>
            Show more results
          </button>
        </p>
      )}
    </>
  );
}
