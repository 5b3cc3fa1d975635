/**
 * The site's stylesheet (app/styles: its README) is in parts, each marked for one sheet; a page gets the
 * parts of the sheets it uses, in the files' order (decision 0052).
 */
export const SHEET_NAMES = ['site', 'story', 'blocks', 'listings', 'live', 'dev'] as const;

/**
 * - site: every page (the text face, base, masthead, footer, the 404 page, reduced motion);
 * (each sheet's print rules are apart: every page links them all, PRINT_STYLESHEET_PATH);
 * - story: a story's article, its photo dialog, related stories;
 * - blocks: body blocks beyond paragraphs, pull-quotes and photos (tables, fact boxes, embeds…);
 * - listings: the front page, section, tag, author and archive lists, search;
 * - live: a live story's page and its older pages;
 * - dev: /dev/previews and next dev's problem pages.
 */
export type SheetName = (typeof SHEET_NAMES)[number];

export interface SheetPart {
  sheet: SheetName;
  /** The part's rules for the screen, inlined in pages that use its sheet. */
  css: string;
  /** Its `@media print` rules, which every page gets from PRINT_STYLESHEET_PATH instead (decision 0052). */
  print: string;
}

/**
 * Every sheet's print rules, in one file that pages link with media="print": a browser fetches it without
 * waiting for it, and the documents no longer carry rules only paper uses (app/print.css/route.ts).
 */
export const PRINT_STYLESHEET_PATH = '/print.css';

/** The print rules of every part, in the source's order. */
export const printCss = (parts: readonly SheetPart[]): string => parts.map((part) => part.print).join('');

/** The CSS of these sheets: their parts, in the source's order, so the cascade is the one written there. */
export const sheetsCss = (parts: readonly SheetPart[], sheets: ReadonlySet<SheetName>): string =>
  parts
    .filter((part) => sheets.has(part.sheet))
    .map((part) => part.css)
    .join('');

/** Body blocks the story sheet styles itself; a body with any other block needs the blocks sheet too. */
const STORY_SHEET_BLOCKS = new Set(['paragraph', 'pullQuote', 'photo']);

/** The sheets a story's article uses, from its body's block types. */
export const storySheets = (body: readonly { type: string }[]): SheetName[] =>
  body.some((block) => !STORY_SHEET_BLOCKS.has(block.type)) ? ['story', 'blocks'] : ['story'];
