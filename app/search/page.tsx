import type { Metadata } from 'next';
import { SearchPanel } from '@/components/search/SearchPanel';
import { UsesSheets } from '@/components/site/InlineStylesheet';
import { ARCHIVE_PATH, getActiveSections } from '@/lib/content';
import { pageMetadata } from '@/lib/seo/metadata';
import { site } from '@/lib/site';

export const metadata: Metadata = {
  ...pageMetadata({ path: '/search', title: 'Search', description: `Search every ${site.name} story.` }),
  // Result pages are made in the browser; there is nothing here for a search engine to index.
  robots: { index: false, follow: true },
};

export default async function SearchPage() {
  const sections = await getActiveSections();
  return (
    <div className="search">
      <UsesSheets sheets={['listings']} />
      <h1 className="listing__title">Search</h1>
      <noscript>
        <p>
          Search runs in your browser and needs JavaScript, which is turned off. Every story is also listed by month in{' '}
          <a href={ARCHIVE_PATH}>the archive</a>.
        </p>
      </noscript>
      <SearchPanel sections={sections.map((s) => s.name)} />
    </div>
  );
}
