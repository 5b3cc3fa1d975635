// Field builders the content schema is made of: plain and inline text, slugs, instants, focal points.
import { z } from 'zod';
import { parseInline } from '@/lib/content/model/inline';
import { PLACEHOLDER, SLUG_PATTERN } from './constants';

/** How inline text is written, for messages. */
const INLINE_HELP = 'write *words* for emphasis, **words** for strong and [words](address) for a link';

/** The first HTML in a text field, described for an editor; undefined when there is none. */
function strayHtml(value: string, fix: string): string | undefined {
  const tag = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>|<!--/.exec(value);
  if (tag) return `contains the HTML tag "${tag[0]}" — ${fix}`;
  const entity = /&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]{1,7});/.exec(value);
  if (entity)
    return `contains the HTML entity "${entity[0]}" — type the character itself (&, ’, “ or a plain space) instead`;
  return undefined;
}

/** The first stray markup in a plain-text field, described for an editor; undefined for plain text. */
export function strayMarkup(value: string): string | undefined {
  const html = strayHtml(value, 'remove it and write plain text; the site does the formatting');
  if (html) return html;
  const link = /\[[^\]\n]+\]\([^)\s]*\)/.exec(value);
  if (link)
    return `contains a Markdown link "${link[0]}" — write the words only; links belong in paragraphs, lists, quotations, tables and fact boxes`;
  const emphasis =
    /(\*\*|__)(?=\S)[^*_\n]*?\S\1|(?<![\p{L}\p{N}*_])([*_])(?=[^\s*_])[^*_\n]*?[^\s*_]\2(?![\p{L}\p{N}*_])/u.exec(
      value,
    );
  if (emphasis)
    return `contains Markdown emphasis "${emphasis[0]}" — remove the * or _ marks; the site does the formatting`;
  return undefined;
}

/** Reports a TODO the scaffold left in the text; true when it did (nothing else is worth saying then). */
function stillPlaceholder(value: string, ctx: z.RefinementCtx, what: string, example: string): boolean {
  if (!new RegExp(`\\b${PLACEHOLDER}\\b`).test(value)) return false;
  ctx.addIssue({
    code: 'custom',
    message: `${what} still says ${PLACEHOLDER} — replace it with the real ${what}, e.g. "${example}"`,
  });
  return true;
}

/**
 * Plain text: no HTML tags, entities or Markdown, and no TODO left by new-story. Content reaches pages as
 * text, never as markup. Missing or wrongly typed values get their messages in
 * lib/content/model/validate/parse.ts.
 */
export const plain = (what: string, example: string) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (stillPlaceholder(value, ctx, what, example)) return;
      const markup = strayMarkup(value);
      if (markup) ctx.addIssue({ code: 'custom', message: `${what} ${markup}` });
    })
    .meta({ example });

/**
 * Inline text (lib/content/model/inline.ts): links, emphasis and strong emphasis in a small Markdown subset, parsed
 * here, once, into the typed tree pages render. HTML is refused as in plain text.
 */
export const rich = (what: string, example: string, empty = `${what} is empty — write it, or delete it`) =>
  z
    .string()
    .trim()
    .min(1, { error: empty })
    .superRefine((value, ctx) => {
      if (stillPlaceholder(value, ctx, what, example)) return;
      const html = strayHtml(value, `remove it; ${INLINE_HELP}`);
      if (html) {
        ctx.addIssue({ code: 'custom', message: `${what} ${html}` });
        return;
      }
      const { error } = parseInline(value);
      if (error) ctx.addIssue({ code: 'custom', message: `${what} ${error}` });
    })
    .transform((value) => parseInline(value).nodes)
    .meta({ example });

export const text = (
  what: string,
  example: string,
  maxLength?: number,
  empty = `${what} is empty — write it as plain text, e.g. "${example}"`,
) => {
  const base = plain(what, example).min(1, { error: empty });
  if (maxLength === undefined) return base;
  return base.max(maxLength, {
    error: (issue) =>
      `${what} is ${String(issue.input ?? '').length} characters long — it must be at most ${maxLength}; shorten it`,
  });
};

export const slug = (what: string, example: string) =>
  z
    .string()
    .regex(SLUG_PATTERN, {
      error: (issue) =>
        `${what} "${String(issue.input)}" is not a valid id — use lowercase letters, digits and single hyphens, e.g. "${example}"`,
    })
    .meta({ example });

const LOCAL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/;

/** An instant with an explicit offset, e.g. 2024-06-18T08:25:00+09:00 (KST). */
export const instant = (what: string) =>
  z.iso
    .datetime({
      offset: true,
      local: false,
      error: (issue) =>
        typeof issue.input === 'string' && LOCAL_TIME.test(issue.input)
          ? `${what} "${issue.input}" has no offset — add one, e.g. "+09:00" for Korea Standard Time: "${issue.input.length === 16 ? `${issue.input}:00` : issue.input}+09:00"`
          : `${what} "${String(issue.input)}" is not an ISO 8601 time with an offset — write it like "2024-06-18T08:25:00+09:00" (08:25 KST)`,
    })
    .meta({ example: '2024-06-18T08:25:00+09:00' });

/** One coordinate of a photo's focal point: a fraction of the width or height. */
export const focalCoordinate = (axis: 'x' | 'y', zero: string, one: string) => {
  const range = (issue: { input?: unknown }) =>
    `focalPoint.${axis} is ${String(issue.input)} — it must be between 0 (${zero}) and 1 (${one}), e.g. 0.5 for the middle`;
  return z.number().min(0, { error: range }).max(1, { error: range }).meta({ example: 0.5 });
};
