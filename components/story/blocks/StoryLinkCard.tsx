import { ResponsiveImage } from '@/components/ui/ResponsiveImage';
import { KstTime } from '@/components/ui/KstTime';
import type { LinkedStory } from '@/lib/content';

/** A card linking to another story of ours: its photo, headline and date; the headline is the link. */
export function StoryLinkCard({ story }: { story: LinkedStory }) {
  const photo = story.leadPhoto;
  return (
    <div className="story-link">
      <ResponsiveImage
        src={photo.src}
        width={photo.width}
        height={photo.height}
        alt=""
        sizes="8rem"
        slotWidths={[128]}
      />
      <p className="story-link__text">
        <a className="story-link__headline" href={story.path}>
          {story.headline}
        </a>
        <KstTime instant={story.postedAt} show="date" />
      </p>
    </div>
  );
}
