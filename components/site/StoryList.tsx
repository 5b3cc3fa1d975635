import { KstTime } from '@/components/ui/KstTime';
import { LiveCardLine } from '@/components/site/LiveCardLine';
import { StoryPhotoLink } from '@/components/site/StoryPhotoLink';
import type { StorySummary } from '@/lib/content';

interface StoryListProps {
  stories: StorySummary[];
  headingLevel?: 2 | 3;
  /** Slugs the editors gave more room (content/fronts.ts `size: "large"`): a photo across the column. */
  large?: ReadonlySet<string>;
}

/**
 * The CSS widths a card's photo is shown at (app/styles/11-listings.css .story-list__thumb): a thumbnail 96 px on a
 * phone and 160 px from 48rem; a large card's photo across the column, a phone's width up to --wide (60rem).
 */
export const CARD_SLOT_WIDTHS = { thumb: [96, 160], large: [390, 960] } as const;

/** A list of stories: a small photo (or a large one), headline link, a live story's newest update, summary and posted time. */
export function StoryList({ stories, headingLevel = 3, large }: StoryListProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="story-list">
      {stories.map((story) => {
        const isLarge = large?.has(story.slug) ?? false;
        return (
          // The item, its text and its headline are styled by their place in .story-list (app/styles/07-lists.css):
          // classes on them would be repeated in every card's markup and flight data, a tenth of its bytes.
          <li key={story.slug} className={isLarge ? 'story-list__item--large' : undefined}>
            <StoryPhotoLink
              story={story}
              className="story-list__thumb"
              sizes={isLarge ? '(min-width: 1040px) 620px, 100vw' : '(min-width: 48rem) 160px, 96px'}
              slotWidths={isLarge ? CARD_SLOT_WIDTHS.large : CARD_SLOT_WIDTHS.thumb}
            />
            <div>
              <Heading>
                <a href={story.path}>{story.headline}</a>
              </Heading>
              <LiveCardLine story={story} />
              <p className="story-list__summary">{story.summary}</p>
              <p className="story-list__time">
                <KstTime instant={story.postedAt} />
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
