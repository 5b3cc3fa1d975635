import { KstTime } from '@/components/ui/KstTime';
import { StoryPhotoLink } from '@/components/site/StoryPhotoLink';
import type { StorySummary } from '@/lib/content';

/** A list of stories, newest first: a small photo, headline link, summary and posted time. */
export function StoryList({ stories, headingLevel = 3 }: { stories: StorySummary[]; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="story-list">
      {stories.map((story) => (
        <li key={story.slug} className="story-list__item">
          <StoryPhotoLink story={story} className="story-list__thumb" sizes="(min-width: 48rem) 160px, 96px" />
          <div className="story-list__text">
            <Heading className="story-list__headline">
              <a href={story.path}>{story.headline}</a>
            </Heading>
            <p className="story-list__summary">{story.summary}</p>
            <p className="story-list__time">
              <KstTime instant={story.postedAt} />
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
