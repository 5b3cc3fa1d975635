import { KstTime } from '@/components/ui/KstTime';

/** Posted and updated times; "Updated" only when the story changed after it was posted. */
export function StoryTimes({ postedAt, updatedAt }: { postedAt: string; updatedAt: string }) {
  const updated = Date.parse(updatedAt) > Date.parse(postedAt);
  return (
    <p className="story-times">
      <span>
        Posted <KstTime instant={postedAt} />
      </span>
      {updated && (
        <span>
          Updated <KstTime instant={updatedAt} />
        </span>
      )}
    </p>
  );
}
