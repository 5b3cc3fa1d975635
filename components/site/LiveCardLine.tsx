import { KstTime } from '@/components/ui/KstTime';
import { isLive, type StorySummary } from '@/lib/content';

/**
 * A live story's line on its card while the coverage is live: a "Live" marker, the newest update's title and
 * its KST time. Nothing for any other story, or once the coverage has ended.
 */
export function LiveCardLine({ story }: { story: Pick<StorySummary, 'live' | 'latestUpdate'> }) {
  if (!isLive(story)) return null;
  const latest = story.latestUpdate;
  return (
    <p className="live-card">
      <strong className="live-card__marker">Live</strong>
      {latest ? (
        <span className="live-card__latest">
          {latest.title ? `${latest.title} · ` : 'Latest update · '}
          <KstTime instant={latest.postedAt} />
        </span>
      ) : null}
    </p>
  );
}
