import { Byline } from '@/components/story/Byline';
import { KstTime } from '@/components/ui/KstTime';
import { ResponsiveImage } from '@/components/ui/ResponsiveImage';
import type { StorySummary } from '@/lib/content';

/** The front page's top story: photo, headline, summary, byline and time. */
export function LeadStory({ story }: { story: StorySummary }) {
  return (
    <article className="lead-story">
      <a href={story.path} className="lead-story__photo" tabIndex={-1} aria-hidden="true">
        <ResponsiveImage
          src={story.leadPhoto.src}
          width={story.leadPhoto.width}
          height={story.leadPhoto.height}
          alt=""
          sizes="(min-width: 1040px) 620px, 100vw"
          priority
        />
      </a>
      <div className="lead-story__text">
        <p className="kicker">{story.kicker ?? story.section.name}</p>
        <h2 className="lead-story__headline">
          <a href={story.path}>{story.headline}</a>
        </h2>
        <p className="standfirst">{story.summary}</p>
        <Byline authors={story.authors} />
        <p className="story-times">
          <KstTime instant={story.postedAt} />
        </p>
      </div>
    </article>
  );
}
