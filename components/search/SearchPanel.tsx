'use client';

import { useRef, useState, type FormEvent } from 'react';
import { useHydrated } from '@/components/ui/browser-value';
import { SearchResults, SearchStatus } from './SearchResults';
import { arrivingSearch, useSearch } from './useSearch';

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
  const { outcome, firstAdded, run, showMore } = useSearch(arrival);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);

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
      <SearchStatus outcome={outcome} section={section} />
      {outcome.state === 'done' && (
        <SearchResults outcome={outcome} firstAdded={firstAdded} onMore={() => void showMore()} />
      )}
    </>
  );
}
