import { sectionPath, type Story } from '@/lib/content';
import { absoluteUrl } from '@/lib/site';
import { AgeNotice } from './AgeNotice';
import { Byline } from './Byline';
import { ShareBar } from './ShareBar';
import { StoryTimes } from './StoryTimes';

/** Kicker, headline (and the age notice of an old story), standfirst, byline, times and sharing. */
export function StoryHeader({ story, now }: { story: Story; now: Date }) {
  return (
    <header className="story-header">
      <p className="kicker">{story.kicker ?? <a href={sectionPath(story.section.id)}>{story.section.name}</a>}</p>
      <h1 className="headline">{story.headline}</h1>
      <AgeNotice postedAt={story.postedAt} now={now} />
      <p className="standfirst">{story.summary}</p>
      <p className="story-url print-only">{absoluteUrl(story.path)}</p>
      <div className="story-meta">
        <Byline authors={story.authors} />
        <StoryTimes story={story} />
        <ShareBar story={story} compact />
      </div>
    </header>
  );
}
