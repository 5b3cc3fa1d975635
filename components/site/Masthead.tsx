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
