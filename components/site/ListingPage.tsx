import type { ReactNode } from 'react';
import type { Story } from '@/lib/content';
import { StoryList } from './StoryList';

/** An author, section or tag page: what it is, a short introduction, then its stories, newest first. */
export function ListingPage({ label, title, intro, stories }: { label: string; title: string; intro: ReactNode; stories: Story[] }) {
  return (
    <div className="listing">
      <header className="listing__header">
        <p className="kicker">{label}</p>
        <h1 className="listing__title">{title}</h1>
        <p className="standfirst">{intro}</p>
      </header>
      {stories.length > 0 ? <StoryList stories={stories} headingLevel={2} /> : <p>No stories have been published here yet.</p>}
    </div>
  );
}
