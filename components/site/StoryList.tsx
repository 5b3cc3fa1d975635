import { KstTime } from '@/components/ui/KstTime';
import { ResponsiveImage } from '@/components/ui/ResponsiveImage';
import type { Photo, StorySummary } from '@/lib/content';
import { objectPosition as focalObjectPosition } from '@/lib/images/focal-point';

/** Where a crop of the photo centres: its focal point when it has one (x, y in 0..1), else the middle. */
export function objectPosition(photo: Photo): string | undefined {
  return photo.focalPoint ? focalObjectPosition(photo.focalPoint) : undefined;
}

/** A list of stories, newest first: a small photo, headline link, summary and posted time. */
export function StoryList({ stories, headingLevel = 3 }: { stories: StorySummary[]; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="story-list">
      {stories.map((story) => (
        <li key={story.slug} className="story-list__item">
          {/* The headline link says where it goes; the photo repeats it for pointers only. */}
          <a href={story.path} className="story-list__thumb" tabIndex={-1} aria-hidden="true">
            <ResponsiveImage
              src={story.leadPhoto.src}
              width={story.leadPhoto.width}
              height={story.leadPhoto.height}
              alt=""
              sizes="(min-width: 48rem) 160px, 96px"
              objectPosition={objectPosition(story.leadPhoto)}
            />
          </a>
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
