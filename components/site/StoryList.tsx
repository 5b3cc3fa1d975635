import { KstTime } from '@/components/ui/KstTime';
import type { Story } from '@/lib/content';

/** A list of stories, newest first: headline link, summary and posted time. */
export function StoryList({ stories, headingLevel = 3 }: { stories: Story[]; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="story-list">
      {stories.map((story) => (
        <li key={story.slug} className="story-list__item">
          <Heading className="story-list__headline">
            <a href={story.path}>{story.headline}</a>
          </Heading>
          <p className="story-list__summary">{story.summary}</p>
          <p className="story-list__time">
            <KstTime instant={story.postedAt} />
          </p>
        </li>
      ))}
    </ol>
  );
}
