/**
 * A pull-quote repeats words that are already in the body (content:check enforces it), so it is
 * hidden from assistive technology: screen-reader users hear the quote once, in its place in the text.
 */
export function PullQuote({ text, speaker, role }: { text: string; speaker: string; role: string }) {
  return (
    <aside className="pull-quote" aria-hidden="true">
      <blockquote>
        <p>{text}</p>
      </blockquote>
      <p className="pull-quote__source">
        <span className="pull-quote__speaker">{speaker}</span>
        <span className="pull-quote__role">{role}</span>
      </p>
    </aside>
  );
}
