import { getActiveSections, sectionPath } from '@/lib/content';
import { site } from '@/lib/site';

export async function Masthead() {
  const sections = await getActiveSections();
  return (
    <header className="masthead">
      <div className="masthead__inner">
        <a href="/" className="wordmark">
          {site.name}
        </a>
        {/* A plain GET form: works without JavaScript, and the search page reads ?q= to run the query. */}
        <form role="search" aria-label="Site search" action="/search" method="get" className="masthead-search">
          <label htmlFor="masthead-q" className="visually-hidden">
            Search Aju Press
          </label>
          <input id="masthead-q" type="search" name="q" placeholder="Search" autoComplete="off" enterKeyHint="search" />
          <button type="submit">Search</button>
        </form>
        <nav aria-label="Sections" className="section-nav">
          <ul>
            <li>
              <a href="/">Home</a>
            </li>
            {sections.map((section) => (
              <li key={section.id}>
                <a href={sectionPath(section.id)}>{section.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
