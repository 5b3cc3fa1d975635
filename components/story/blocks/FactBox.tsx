import type { Inline } from '@/lib/content/inline';
import { InlineText } from './InlineText';

/** A titled aside of a few short facts ("Key facts"), named by its title for landmark navigation. */
export function FactBox({ title, items, id }: { title: string; items: Inline[][]; id: string }) {
  return (
    <aside className="fact-box" aria-labelledby={id}>
      <h2 className="fact-box__title" id={id}>
        {title}
      </h2>
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            <InlineText nodes={item} />
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** A titled aside of dated events, oldest first. */
export function Timeline({ title, events, id }: { title: string; events: { when: string; text: Inline[] }[]; id: string }) {
  return (
    <aside className="fact-box fact-box--timeline" aria-labelledby={id}>
      <h2 className="fact-box__title" id={id}>
        {title}
      </h2>
      <ol>
        {events.map((event, i) => (
          <li key={i}>
            <span className="fact-box__when">{event.when}</span> <InlineText nodes={event.text} />
          </li>
        ))}
      </ol>
    </aside>
  );
}
