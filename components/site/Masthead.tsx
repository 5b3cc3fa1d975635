import Link from 'next/link';
import { getActiveSections, sectionPath } from '@/lib/content';
import { site } from '@/lib/site';

export async function Masthead() {
  const sections = await getActiveSections();
  return (
    <header className="masthead">
      <div className="masthead__inner">
        <Link href="/" className="wordmark">
          {site.name}
        </Link>
        <nav aria-label="Sections" className="section-nav">
          <ul>
            <li>
              <Link href="/">Home</Link>
            </li>
            {sections.map((section) => (
              <li key={section.id}>
                <Link href={sectionPath(section.id)}>{section.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
