import { KstTime } from '@/components/ui/KstTime';
import { meaningfulUpdate, type Story } from '@/lib/content';

/**
 * Posted and updated times; "Updated" only for a meaningful update (updatedAt at least MEANINGFUL_UPDATE_MINUTES
 * after postedAt, or a correction: lib/content/model/story-times.ts, decision 0049).
 */
export function StoryTimes({ story }: { story: Pick<Story, 'postedAt' | 'updatedAt' | 'corrections'> }) {
  const updated = meaningfulUpdate(story);
  return (
    <p className="story-times">
      <span>
        Posted <KstTime instant={story.postedAt} />
      </span>
      {updated && (
        <span>
          Updated <KstTime instant={updated} />
        </span>
      )}
    </p>
  );
}
