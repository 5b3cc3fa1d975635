/** What the search panel shows below its form: the status line, the results and "Show more results". */
import type { Outcome } from './useSearch';

/** Moves focus to a link as it appears: the first of the results "Show more results" added. */
const focusOnArrival = (link: HTMLAnchorElement | null) => link?.focus();

export function SearchStatus({ outcome, section }: { outcome: Outcome; section: string }) {
  return (
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
  );
}

export function SearchResults({
  outcome,
  firstAdded,
  onMore,
}: {
  outcome: Extract<Outcome, { state: 'done' }>;
  firstAdded: number | undefined;
  onMore: () => void;
}) {
  return (
    <>
      {outcome.results.length > 0 && (
        <ol className="search-results">
          {outcome.results.map((r, i) => (
            <li key={r.url} className="search-result">
              <h2>
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
      {outcome.results.length < outcome.hits.length && (
        <p className="search-more">
          <button type="button" onClick={onMore}>
            Show more results
          </button>
        </p>
      )}
    </>
  );
}
