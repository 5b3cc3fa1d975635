import { sectionPath, type Story } from '@/lib/content';
import { absoluteUrl } from '@/lib/site';
import { Byline } from './Byline';
import { ShareBar } from './ShareBar';
import { StoryTimes } from './StoryTimes';

export function StoryHeader({ story }: { story: Story }) {
  return (
    <header className="story-header">
      <p className="kicker">{story.kicker ?? <a href={sectionPath(story.section.id)}>{story.section.name}</a>}</p>
      <h1 className="headline">{story.headline}</h1>
      <p className="standfirst">{story.summary}</p>
      <p className="story-url print-only">{absoluteUrl(story.path)}</p>
      <div className="story-meta">
        <Byline authors={story.authors} />
        <StoryTimes postedAt={story.postedAt} updatedAt={story.updatedAt} />
        <ShareBar story={story} />
      </div>
    </header>
  );
}
