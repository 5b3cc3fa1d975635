import { KstTime } from '@/components/ui/KstTime';
import { KEY_EVENTS_SHOWN, type StoryUpdate } from '@/lib/content';
import { PAGE_ANCHORS } from '@/lib/page-anchors';

/**
 * The newest key events, each a link to its update: on the live page when it shows that update, else to the
 * older page that holds it (`hrefOf`).
 */
export function KeyEvents({ events, hrefOf }: { events: StoryUpdate[]; hrefOf: (id: string) => string }) {
  if (!events.length) return null;
  return (
    <nav className="live-key-events" aria-labelledby={PAGE_ANCHORS.keyEvents} data-live-part="key-events">
      <h2 id={PAGE_ANCHORS.keyEvents}>Key events</h2>
      <ol>
        {events.slice(0, KEY_EVENTS_SHOWN).map((update) => (
          <li key={update.id}>
            <a href={hrefOf(update.id)}>
              <KstTime instant={update.postedAt} /> {update.title ?? 'Update'}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
