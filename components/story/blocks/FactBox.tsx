import type { Inline } from '@/lib/content';
import { InlineText } from './InlineText';

/**
 * A titled box of a few short facts ("Key facts"): a region named by its title, so it can be found by landmark
 * (a section, not an aside: an aside inside the main landmark is not top level).
 */
export function FactBox({ title, items, id }: { title: string; items: Inline[][]; id: string }) {
  return (
    <section className="fact-box" aria-labelledby={id}>
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
    </section>
  );
}

/** A titled box of dated events, oldest first. */
export function Timeline({
  title,
  events,
  id,
}: {
  title: string;
  events: { when: string; text: Inline[] }[];
  id: string;
}) {
  return (
    <section className="fact-box fact-box--timeline" aria-labelledby={id}>
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
    </section>
  );
}
