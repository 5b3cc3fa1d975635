import { ResponsiveImage } from '@/components/ui/ResponsiveImage';
import type { StorySummary } from '@/lib/content';
import { objectPosition } from '@/lib/images/focal-point';

interface StoryPhotoLinkProps {
  story: StorySummary;
  className: string;
  /** The slot's layout width, as in `sizes`. */
  sizes: string;
  priority?: boolean;
  /** The CSS widths the slot is shown at, for a card (ResponsiveImage). */
  slotWidths?: readonly number[];
}

/**
 * A story's lead photo as a link to the story, for pointers only: the headline link beside it says where it
 * goes, so the photo is left out of the tab order and of the accessibility tree. Where CSS crops it
 * (object-fit: cover), the crop centres on the photo's focal point.
 */
export function StoryPhotoLink({ story, className, sizes, priority = false, slotWidths }: StoryPhotoLinkProps) {
  const { src, width, height, focalPoint } = story.leadPhoto;
  return (
    <a href={story.path} className={className} tabIndex={-1} aria-hidden="true">
      <ResponsiveImage
        src={src}
        width={width}
        height={height}
        alt=""
        sizes={sizes}
        priority={priority}
        slotWidths={slotWidths}
        objectPosition={focalPoint ? objectPosition(focalPoint) : undefined}
      />
    </a>
  );
}
