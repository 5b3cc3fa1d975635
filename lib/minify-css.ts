/**
 * A small CSS minifier for the stylesheet the root layout inlines (docs/decisions/0052): comments and
 * layout whitespace go, quoted strings stay exactly as written. Enough for app/globals.css, not a general tool.
 */

/** A quoted string or a comment, whichever starts first: a comment's opener inside a string is text. */
const STRING_OR_COMMENT = /('(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|\/\*[\s\S]*?\*\/)/;

/** `css` with `change` applied to what lies outside strings; comments are dropped. */
function outsideStrings(css: string, change: (text: string) => string): string {
  // split with a capturing group: odd indexes are the strings and comments.
  return css
    .split(STRING_OR_COMMENT)
    .map((part, index) => (index % 2 === 0 ? change(part) : part.startsWith('/*') ? '' : part))
    .join('');
}

/** `css` without comments and layout whitespace; strings untouched. */
export function minifyCss(css: string): string {
  const withoutComments = outsideStrings(css, (text) => text);
  return outsideStrings(withoutComments, (text) =>
    text
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      // A declaration's colon (a selector's `a :hover` keeps its space: it is a combinator there).
      .replace(/([{;]-{0,2}[a-z][a-z-]*):\s+/g, '$1:')
      .replace(/;}/g, '}'),
  ).trim();
}
