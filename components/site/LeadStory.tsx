import { Byline } from '@/components/story/Byline';
import { KstTime } from '@/components/ui/KstTime';
import { LiveCardLine } from '@/components/site/LiveCardLine';
import { StoryPhotoLink } from '@/components/site/StoryPhotoLink';
import type { StorySummary } from '@/lib/content';

/** The front page's top story: photo, headline, summary, byline and time. */
export function LeadStory({ story }: { story: StorySummary }) {
  return (
    <article className="lead-story">
      <StoryPhotoLink story={story} className="lead-story__photo" sizes="(min-width: 1040px) 620px, 100vw" priority />
      <div className="lead-story__text">
        <p className="kicker">{story.kicker ?? story.section.name}</p>
        <h2 className="lead-story__headline">
          <a href={story.path}>{story.headline}</a>
        </h2>
        <LiveCardLine story={story} />
        <p className="standfirst">{story.summary}</p>
        <Byline authors={story.authors} />
        <p className="story-times">
          <KstTime instant={story.postedAt} />
        </p>
      </div>
    </article>
  );
}
