import { renderBlock } from '@/components/story/StoryBody';
import { KstTime } from '@/components/ui/KstTime';
import { updateAnchor, updateRevision, type StoryUpdate } from '@/lib/content';

/**
 * One update: its time (a link to its address to share: its older page's anchor, which always holds it), its title, its body through
 * StoryBody's block renderer and its correction; a withdrawn one shows only why. Its revision lets an open tab
 * tell that it changed (./follow.ts).
 */
export function LiveUpdateArticle({ update, href }: { update: StoryUpdate; href: string }) {
  const anchor = updateAnchor(update.id);
  return (
    <article id={anchor} className="live-update" data-live-revision={updateRevision(update)} tabIndex={-1}>
      <p className="live-update__time">
        <a href={href}>
          <KstTime instant={update.postedAt} />
        </a>
      </p>
      {update.withdrawn ? (
        <p className="live-update__withdrawn">
          <strong>Update withdrawn</strong> (<KstTime instant={update.withdrawn.date} />
          ): {update.withdrawn.reason}
        </p>
      ) : (
        <>
          {update.title && <h3 className="live-update__title">{update.title}</h3>}
          <div className="story-body live-update__body">
            {update.body.map((block, i) => renderBlock(block, i, { idPrefix: `${anchor}-`, subheadingLevel: 'h4' }))}
          </div>
          {update.correction && (
            <p className="live-update__correction">
              <strong>Correction</strong> (<KstTime instant={update.correction.date} />
              ): {update.correction.text}
            </p>
          )}
        </>
      )}
    </article>
  );
}
