/** /dev/previews' search: a GET form (filtered on the server), and how many stories matched. */
export function PreviewSearch({ query, found, shown }: { query: string; found: number; shown: number }) {
  return (
    <>
      <form method="get" role="search" className="previews__search">
        <label htmlFor="previews-q">Find a story by slug or headline</label>{' '}
        <input id="previews-q" name="q" type="search" defaultValue={query} /> <button type="submit">Find</button>
        {query && (
          <>
            {' '}
            <a href="/dev/previews">Show drafts, scheduled and recent</a>
          </>
        )}
      </form>
      {query && (
        <p role="status">
          {found === 0
            ? `No story’s slug or headline contains “${query}”.`
            : `${found} stor${found === 1 ? 'y matches' : 'ies match'} “${query}”${found > shown ? `; the newest ${shown} are shown` : ''}.`}
        </p>
      )}
    </>
  );
}
