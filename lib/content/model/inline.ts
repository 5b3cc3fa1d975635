/**
 * Inline text: the small Markdown subset editors write in paragraphs, list items, quotations, table cells, fact
 * boxes and timeline events (`[words](address)`, `*em*`, `**strong**`, backslash escapes), parsed once into a typed
 * tree pages render as React elements, never raw HTML; stricter than Markdown
 * (docs/decisions/0040-inline-text-as-a-markdown-subset.md).
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'em'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

/** What a link points at: another page of this site (checked to exist) or an https: address elsewhere. */
export type LinkTarget =
  { kind: 'story' | 'section' | 'author' | 'tag'; id: string; anchor?: string } | { kind: 'external'; url: string };

export interface InlineResult {
  nodes: Inline[];
  /** The first problem, in an editor's words; nodes are then incomplete. */
  error?: string;
}

/** Internal addresses a link may use, by kind: /stories/<slug>, /sections/<id>, /authors/<id>, /tags/<id>. */
export const INTERNAL_LINK_KINDS = { stories: 'story', sections: 'section', authors: 'author', tags: 'tag' } as const;

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Checks a link's address; when it is refused, why, as the end of a sentence about the link. */
export function linkTarget(href: string): { target?: LinkTarget; error?: string } {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href)?.[1]?.toLowerCase();
  if (scheme === 'javascript' || scheme === 'data' || scheme === 'vbscript') {
    return { error: `uses ${scheme}:, which the site never links to — link to an https:// page or to /stories/<slug>` };
  }
  if (scheme === 'http')
    return { error: `is not https — write https://${short(href.slice(7))} (the site links to secure pages only)` };
  if (scheme === 'https') {
    try {
      const url = new URL(href);
      if (!url.hostname.includes('.')) throw new Error('no host');
      return { target: { kind: 'external', url: url.href } };
    } catch {
      return {
        error: `is not a valid address — copy the whole address from the browser, e.g. "https://example.com/page"`,
      };
    }
  }
  if (scheme)
    return { error: `uses ${scheme}:, which is not allowed — link to an https:// page or to /stories/<slug>` };
  const internal = /^\/(stories|sections|authors|tags)\/([^/#?\s]+)(?:#([A-Za-z0-9-]+))?$/.exec(href);
  if (internal) {
    const kind = INTERNAL_LINK_KINDS[internal[1] as keyof typeof INTERNAL_LINK_KINDS];
    return { target: { kind, id: internal[2]!, ...(internal[3] ? { anchor: internal[3] } : {}) } };
  }
  if (href.startsWith('/')) {
    return {
      error: `is not a page links may point at — use /stories/<slug>, /sections/<id>, /authors/<id> or /tags/<id>`,
    };
  }
  return { error: `is not an address — write a full https:// address or a site path such as /stories/<slug>` };
}

/** An open mark; a link's also counts the brackets typed as text inside its words. */
type Frame = { mark: '*' | '**' | '['; children: Inline[]; start: number; brackets: number };

/** A parse in progress: the nodes so far, the marks still open, and text not yet added to a node. */
interface ParseState {
  source: string;
  root: Inline[];
  stack: Frame[];
  text: string;
}

/** What a token handler did: the index of the last character it used, or the problem it found. */
type Step = number | { error: string };

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/** The list new nodes go into: the innermost open mark's, else the root. */
const out = (state: ParseState) => state.stack.at(-1)?.children ?? state.root;

/** Adds the pending text as a node (merged into a text node just before it). */
function flush(state: ParseState) {
  if (!state.text) return;
  const list = out(state);
  const last = list[list.length - 1];
  if (last?.type === 'text') last.text += state.text;
  else list.push({ type: 'text', text: state.text });
  state.text = '';
}

/** `*` or `**` at `i`: closes the open one, opens one before a word, or is a character between spaces. */
function emphasisMark(state: ParseState, i: number): Step {
  const { source, stack } = state;
  const mark = source[i + 1] === '*' ? '**' : '*';
  if (mark === '**' && source[i + 2] === '*')
    return {
      error: `has "***" at "${short(source.slice(i))}" — use *…* for emphasis or **…** for strong, not both at once`,
    };
  const top = stack.at(-1);
  if (stack.some((f) => f.mark === mark) && !isSpace(source[i - 1])) {
    if (top!.mark !== mark) {
      return {
        error: `has ${top!.mark === '[' ? 'a link' : `"${top!.mark}"`} opened inside ${mark}…${mark} but not closed before it — close the inner one first`,
      };
    }
    flush(state);
    const frame = stack.pop()!;
    if (frame.children.length === 0) return { error: `has an empty ${mark}${mark} — delete the marks` };
    out(state).push({ type: mark === '*' ? 'em' : 'strong', children: frame.children });
  } else if (!isSpace(source[i + mark.length])) {
    flush(state);
    stack.push({ mark, children: [], start: i, brackets: 0 });
  } else {
    // A lone asterisk between spaces ("5 * 3") is just a character.
    state.text += mark;
  }
  return i + mark.length - 1;
}

/** `[` at `i`: opens a link's words, or is a character when no "](" follows. */
function openBracket(state: ParseState, i: number): Step {
  const { source, stack } = state;
  // Brackets without "](" after them ("[sic]", "[…]") are text, as in print.
  if (findLinkTextEnd(source, i + 1) < 0) {
    state.text += '[';
    const top = stack.at(-1);
    if (top?.mark === '[') top.brackets++;
    return i;
  }
  if (stack.some((f) => f.mark === '['))
    return { error: `has a link inside a link at "${short(source.slice(i))}" — links cannot be nested` };
  flush(state);
  stack.push({ mark: '[', children: [], start: i, brackets: 0 });
  return i;
}

/** `](address)` at `i`, closing the open link `frame`: the link, once its words and address are sound. */
function closeLink(state: ParseState, frame: Frame, i: number): Step {
  const { source } = state;
  const end = findClosingParen(source, i + 2);
  if (end < 0)
    return {
      error: `has a link "${short(source.slice(frame.start))}" without its closing ")" — close it: [words](address)`,
    };
  const href = source.slice(i + 2, end).trim();
  flush(state);
  state.stack.pop();
  if (frame.children.length === 0)
    return {
      error: `has a link to "${short(href)}" with no words — write them between [ and ]: [words](${short(href)})`,
    };
  if (!href)
    return {
      error: `has a link "${short(source.slice(frame.start, end + 1))}" with no address — put it between ( and )`,
    };
  const { error } = linkTarget(href);
  if (error) return { error: `has a link to "${short(href)}" that ${error}` };
  out(state).push({ type: 'link', href, children: frame.children });
  return end;
}

/** `]` at `i` inside a link's words `frame`: a bracket typed as text, the end of the words, or a mistake. */
function closeBracket(state: ParseState, frame: Frame, i: number): Step {
  if (frame.brackets > 0) {
    // Closes a bracket typed as text inside a link's words ("[the report [sic]](…)").
    frame.brackets--;
    state.text += ']';
    return i;
  }
  if (state.source[i + 1] === '(') return closeLink(state, frame, i);
  return {
    error: `has "[${short(state.source.slice(frame.start + 1, i))}]" opened as a link — follow it with (address), or write \\[ for a bracket`,
  };
}

/** The character at `i`: an escape, a mark, or text. */
function step(state: ParseState, i: number): Step {
  const { source } = state;
  const c = source[i]!;
  if (c === '\\' && /[*[\]\\]/.test(source[i + 1] ?? '')) {
    state.text += source[i + 1];
    return i + 1;
  }
  if (c === '*') return emphasisMark(state, i);
  if (c === '[') return openBracket(state, i);
  const top = state.stack.at(-1);
  if (c === ']' && top?.mark === '[') return closeBracket(state, top, i);
  state.text += c;
  return i;
}

/** The problem with a mark still open at the end, if any. */
function unclosed({ source, stack }: ParseState): string | undefined {
  const frame = stack[0];
  if (!frame) return undefined;
  const what = frame.mark === '[' ? 'a link' : frame.mark === '*' ? 'emphasis' : 'strong emphasis';
  const shown = short(source.slice(frame.start));
  return frame.mark === '['
    ? `has ${what} "${shown}" that is never closed — finish it as [words](address), or write \\[ for a bracket`
    : `has ${what} "${shown}" that is never closed — end it with ${frame.mark} (no space before it), or write \\* for an asterisk`;
}

/** Parses inline text; never throws. */
export function parseInline(source: string): InlineResult {
  const state: ParseState = { source, root: [], stack: [], text: '' };
  for (let i = 0; i < source.length; i++) {
    const next = step(state, i);
    if (typeof next !== 'number') return { nodes: state.root, error: next.error };
    i = next;
  }
  const error = unclosed(state);
  if (error) return { nodes: state.root, error };
  flush(state);
  return { nodes: state.root };
}

/** Index of the ")" closing a link's address that starts at `from` (parentheses inside it balanced); -1 if none. */
function findClosingParen(source: string, from: number): number {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')') {
      if (depth === 0) return i;
      depth--;
    } else if (/\s/.test(source[i]!) && depth === 0 && source[i - 1] !== '(') return -1;
  }
  return -1;
}

/** Index of the "]" of "[...](" that closes link text opened before `from`; -1 when there is none. */
function findLinkTextEnd(source: string, from: number): number {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']') {
      if (depth === 0) return source[i + 1] === '(' ? i : -1;
      depth--;
    }
  }
  return -1;
}

/** The words of inline text, without marks: for search, JSON-LD, quote matching and summaries. */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : inlineText(n.children))).join('');
}

/** The plain words of a source string; the source itself when it does not parse. */
export function plainInline(source: string): string {
  const { nodes, error } = parseInline(source);
  return error ? source : inlineText(nodes);
}

/** Every link in inline text, depth first. */
export function inlineLinks(nodes: readonly Inline[]): { href: string; text: string }[] {
  return nodes.flatMap((n) =>
    n.type === 'text'
      ? []
      : n.type === 'link'
        ? [{ href: n.href, text: inlineText(n.children) }, ...inlineLinks(n.children)]
        : inlineLinks(n.children),
  );
}

/** Text made safe inside HTML elements and double-quoted attributes. */
export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Inline text as escaped HTML, links made absolute with `absolute` (for RSS, where a reader has no React). */
export function inlineHtml(nodes: readonly Inline[], absolute: (href: string) => string): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return escapeHtml(n.text);
        case 'em':
          return `<em>${inlineHtml(n.children, absolute)}</em>`;
        case 'strong':
          return `<strong>${inlineHtml(n.children, absolute)}</strong>`;
        case 'link':
          return `<a href="${escapeHtml(absolute(n.href))}">${inlineHtml(n.children, absolute)}</a>`;
      }
    })
    .join('');
}
