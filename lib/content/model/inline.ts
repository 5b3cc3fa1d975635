/**
 * Inline text: the small Markdown subset editors write inside a paragraph, list item, quotation, table cell
 * or fact-box item (docs/decisions/0040): `[words](address)` for a link, `*words*` for emphasis, `**words**`
 * for strong emphasis, and a backslash before `*`, `[`, `]` or `\` for the character itself. Parsed once, in
 * the content schema, into a typed tree that pages render as React elements: content never becomes raw HTML.
 *
 * Stricter than Markdown on purpose: an opening mark without its closing one is an error an editor is told
 * about, not text silently printed with stray asterisks.
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

/** Parses inline text; never throws. */
export function parseInline(source: string): InlineResult {
  const root: Inline[] = [];
  const stack: Frame[] = [];
  let text = '';
  const out = () => (stack.length ? stack[stack.length - 1]!.children : root);
  const flush = () => {
    if (!text) return;
    const list = out();
    const last = list[list.length - 1];
    if (last?.type === 'text') last.text += text;
    else list.push({ type: 'text', text });
    text = '';
  };
  const fail = (error: string): InlineResult => ({ nodes: root, error });
  const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\' && /[*[\]\\]/.test(source[i + 1] ?? '')) {
      text += source[++i];
      continue;
    }
    if (c === '*') {
      const mark = source[i + 1] === '*' ? '**' : '*';
      if (mark === '**' && source[i + 2] === '*')
        return fail(
          `has "***" at "${short(source.slice(i))}" — use *…* for emphasis or **…** for strong, not both at once`,
        );
      const before = source[i - 1];
      const after = source[i + mark.length];
      const top = stack[stack.length - 1];
      const open = stack.findIndex((f) => f.mark === mark);
      if (open >= 0 && !isSpace(before)) {
        if (top!.mark !== mark) {
          return fail(
            `has ${top!.mark === '[' ? 'a link' : `"${top!.mark}"`} opened inside ${mark}…${mark} but not closed before it — close the inner one first`,
          );
        }
        flush();
        const frame = stack.pop()!;
        if (frame.children.length === 0) return fail(`has an empty ${mark}${mark} — delete the marks`);
        out().push({ type: mark === '*' ? 'em' : 'strong', children: frame.children });
        i += mark.length - 1;
        continue;
      }
      if (!isSpace(after)) {
        flush();
        stack.push({ mark, children: [], start: i, brackets: 0 });
        i += mark.length - 1;
        continue;
      }
      // A lone asterisk between spaces ("5 * 3") is just a character.
      text += mark;
      i += mark.length - 1;
      continue;
    }
    if (c === '[') {
      // Brackets without "](" after them ("[sic]", "[…]") are text, as in print.
      const close = findLinkTextEnd(source, i + 1);
      if (close < 0) {
        text += c;
        const top = stack[stack.length - 1];
        if (top?.mark === '[') top.brackets++;
        continue;
      }
      if (stack.some((f) => f.mark === '['))
        return fail(`has a link inside a link at "${short(source.slice(i))}" — links cannot be nested`);
      flush();
      stack.push({ mark: '[', children: [], start: i, brackets: 0 });
      continue;
    }
    if (c === ']' && stack[stack.length - 1]?.mark === '[' && stack[stack.length - 1]!.brackets > 0) {
      // Closes a bracket typed as text inside a link's words ("[the report [sic]](…)").
      stack[stack.length - 1]!.brackets--;
      text += c;
      continue;
    }
    if (c === ']' && source[i + 1] === '(' && stack[stack.length - 1]?.mark === '[') {
      const end = findClosingParen(source, i + 2);
      const href = end < 0 ? '' : source.slice(i + 2, end).trim();
      if (end < 0)
        return fail(
          `has a link "${short(source.slice(stack[stack.length - 1]!.start))}" without its closing ")" — close it: [words](address)`,
        );
      flush();
      const frame = stack.pop()!;
      if (frame.children.length === 0)
        return fail(
          `has a link to "${short(href)}" with no words — write them between [ and ]: [words](${short(href)})`,
        );
      if (!href)
        return fail(
          `has a link "${short(source.slice(frame.start, end + 1))}" with no address — put it between ( and )`,
        );
      const { error } = linkTarget(href);
      if (error) return fail(`has a link to "${short(href)}" that ${error}`);
      out().push({ type: 'link', href, children: frame.children });
      i = end;
      continue;
    }
    if (c === ']' && stack[stack.length - 1]?.mark === '[') {
      return fail(
        `has "[${short(source.slice(stack[stack.length - 1]!.start + 1, i))}]" opened as a link — follow it with (address), or write \\[ for a bracket`,
      );
    }
    text += c;
  }
  if (stack.length) {
    const frame = stack[0]!;
    const what = frame.mark === '[' ? 'a link' : frame.mark === '*' ? 'emphasis' : 'strong emphasis';
    const shown = short(source.slice(frame.start));
    return fail(
      frame.mark === '['
        ? `has ${what} "${shown}" that is never closed — finish it as [words](address), or write \\[ for a bracket`
        : `has ${what} "${shown}" that is never closed — end it with ${frame.mark} (no space before it), or write \\* for an asterisk`,
    );
  }
  flush();
  return { nodes: root };
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

const escapeHtml = (s: string) =>
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
