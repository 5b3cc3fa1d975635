// Rules within a story's body its schema alone cannot state: table shape, unique anchors, pull-quotes in the body.
import { anchorOf } from '@/content/schema';
import { plainInline } from '../inline';
import type { Report } from './problems';
import { isRecord, textOf } from './values';
import { isPageAnchor } from '@/lib/page-anchors';

function checkTableShape(b: Record<string, unknown>, i: number, report: Report) {
  if (!Array.isArray(b.header) || !Array.isArray(b.rows)) return;
  const columns = b.header.length;
  b.rows.forEach((row, r) => {
    if (Array.isArray(row) && row.length !== columns && columns > 0) {
      report.error(
        `body[${i}].rows[${r}]`,
        `row ${r + 1} has ${row.length} cell${row.length === 1 ? '' : 's'} but the header has ${columns} columns — give every row one cell per column (write "–" for no figure)`,
      );
    }
  });
}

/** A subheading's anchor exists and is its own; `anchors` holds the block of each anchor seen so far. */
function checkAnchor(b: Record<string, unknown>, i: number, anchors: Map<string, number>, report: Report) {
  if (typeof b.text !== 'string' || !b.text.trim()) return;
  const anchor = anchorOf({ text: b.text, ...(typeof b.id === 'string' ? { id: b.id } : {}) });
  if (!anchor) {
    report.error(
      `body[${i}].text`,
      'subheading has no letters a–z or digits to make its anchor from — add an id, e.g. id: "background"',
    );
    return;
  }
  if (isPageAnchor(anchor)) {
    report.error(
      `body[${i}]`,
      `subheading anchor "${anchor}" is one the story page uses for its own part — reword it or give it its own id, e.g. id: "${anchor}-section"`,
    );
    return;
  }
  const other = anchors.get(anchor);
  if (other !== undefined) {
    report.error(
      `body[${i}]`,
      `subheading anchor "${anchor}" is already used by body[${other}] — reword it or give it its own id, e.g. id: "${anchor}-2"`,
    );
  } else anchors.set(anchor, i);
}

/** Table shape and unique subheading anchors, over the body as written. */
export function checkBlocks(body: unknown[], report: Report): void {
  const anchors = new Map<string, number>();
  body.forEach((block, i) => {
    if (!isRecord(block)) return;
    if (block.type === 'table') checkTableShape(block, i, report);
    if (block.type === 'subheading') checkAnchor(block, i, anchors, report);
  });
}

/** Words only: quotation marks, punctuation and spacing do not count when matching a quote to the body. */
function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/** True when every part of the quote (split at a marked ellipsis) appears in the body, in order. */
export function quoteAppearsIn(quote: string, bodyText: string): boolean {
  const body = ` ${words(bodyText)} `;
  let from = 0;
  for (const part of quote.split(/\.\.\.|…|\[…\]|\[\.\.\.\]/)) {
    const needle = words(part);
    if (!needle) continue;
    const at = body.indexOf(` ${needle} `, from);
    if (at < 0) return false;
    from = at + needle.length;
  }
  return true;
}

/** Each pull-quote of `body` appears in the paragraphs of `rawBody` (the body as written, inline text unparsed). */
export function checkPullQuotes(body: unknown[], rawBody: unknown[], report: Report): void {
  // The paragraphs' words: made only for a story that has a pull-quote.
  let paragraphs: string | undefined;
  const bodyText = () =>
    (paragraphs ??= rawBody
      .map((b) => (isRecord(b) && b.type === 'paragraph' ? plainInline(textOf(b.text)) : ''))
      .join('\n'));
  body.forEach((block, i) => {
    if (
      isRecord(block) &&
      block.type === 'pullQuote' &&
      typeof block.text === 'string' &&
      textOf(block.text) &&
      !quoteAppearsIn(textOf(block.text), bodyText())
    ) {
      report.error(
        `body[${i}].text`,
        "pull-quote does not appear in the story's paragraphs — quote the body word for word (mark skipped words with …)",
      );
    }
  });
}
