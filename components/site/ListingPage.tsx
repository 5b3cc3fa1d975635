import type { ReactNode } from 'react';
import { UsesSheets } from '@/components/site/InlineStylesheet';
import type { Placed, StorySummary } from '@/lib/content';
import { Pagination } from './Pagination';
import { StoryList } from './StoryList';
import { TopStories } from './TopStories';

interface ListingPageProps {
  label: string;
  title: string;
  intro: ReactNode;
  /** The editors' placements atop a section's first page (content/fronts.ts). */
  top?: Placed<StorySummary>[];
  /** This page's stories only (one page of the listing). */
  stories: StorySummary[];
  /** The listing's own URL and where this page sits in it. */
  pagination?: { basePath: string; page: number; pageCount: number };
}

/** An author, section, tag or month page: what it is, a short introduction, then one page of its stories, newest first. */
export function ListingPage({ label, title, intro, top = [], stories, pagination }: ListingPageProps) {
  const page = pagination && pagination.page > 1 ? pagination : undefined;
  return (
    <div className="listing">
      <UsesSheets sheets={['listings']} />
      <header className="listing__header">
        <p className="kicker">{label}</p>
        <h1 className="listing__title">
          {title}
          {page && (
            <span className="listing__page">
              {' '}
              — page {page.page} of {page.pageCount}
            </span>
          )}
        </h1>
        <p className="standfirst">{intro}</p>
      </header>
      <TopStories placed={top} />
      {stories.length > 0 ? (
        <StoryList stories={stories} headingLevel={2} />
      ) : (
        top.length === 0 && <p>No stories have been published here yet.</p>
      )}
      {pagination && <Pagination {...pagination} />}
    </div>
  );
}
