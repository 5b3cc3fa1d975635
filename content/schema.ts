/**
 * The one content model. Every TypeScript type for content is derived from these schemas
 * (z.input for what editors write, z.output for what pages read), and CONTENT.md's field
 * reference is generated from the descriptions below, so docs, types and checks cannot drift.
 *
 * Cross-record rules (references exist, slugs unique, images exist, quotes match the body)
 * need more than one record and live in lib/content/model/validate/index.ts.
 */
import { z } from 'zod';
import { embedOf, EMBED_PROVIDERS } from '@/lib/content/model/embeds';
import { parseInline } from '@/lib/content/model/inline';

/** Lowercase words joined by single hyphens: URL-safe and readable. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Story slugs that would clash with a route, a generated file or a tool. Each maps to why.
 * (Reserved for stories only: /stories/<slug> and content/stories/<year>/<month>/<slug>.ts.)
 */
export const RESERVED_SLUGS: Record<string, string> = {
  index: 'content/stories/index.generated.ts is the generated list of stories',
  schema: 'it names the content schema module',
  'opengraph-image': 'it is the name of the generated social card route',
  'twitter-image': 'it is the name of a generated image route',
  feed: 'it is reserved for a stories feed',
  rss: 'it is reserved for a stories feed',
  sitemap: 'it is reserved for a sitemap',
  page: 'it is the name of an App Router file',
  new: 'it is reserved for tools',
  draft: 'it is reserved for tools',
  preview: 'it is reserved for tools',
};

/**
 * Lengths, in characters. Beyond `max` the check fails (no headline is 300 characters long on purpose);
 * beyond `advised` it warns, because search results and link cards cut the text off there.
 */
export const LENGTH_LIMITS = {
  headline: {
    max: 200,
    advised: 110,
    where: 'news search and link cards cut headlines off after about 110 characters',
  },
  seoTitle: { max: 120, advised: 60, where: 'search results show about 60 characters of a title' },
  summary: {
    max: 400,
    advised: 250,
    where: 'link cards and search snippets cut descriptions off after about 160 to 250 characters',
  },
  socialTitle: { max: 150, advised: 70, where: 'social networks cut link-card titles off after about 70 characters' },
  socialDescription: {
    max: 400,
    advised: 200,
    where: 'social networks cut link-card descriptions off after about 200 characters',
  },
  kicker: { max: 40, advised: 25, where: 'a kicker is a label of one to three words' },
} as const;

/** The word new-story leaves in fields the editor must fill. */
export const PLACEHOLDER = 'TODO';

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

/**
 * Plain text: no HTML tags, entities or Markdown, and no TODO left by new-story. Content reaches pages as
 * text, never as markup. Missing or wrongly typed values get their messages in lib/content/model/validate/index.ts.
 */
const plain = (what: string, example: string) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (new RegExp(`\\b${PLACEHOLDER}\\b`).test(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `${what} still says ${PLACEHOLDER} — replace it with the real ${what}, e.g. "${example}"`,
        });
        return;
      }
      const markup = strayMarkup(value);
      if (markup) ctx.addIssue({ code: 'custom', message: `${what} ${markup}` });
    })
    .meta({ example });

/**
 * Inline text (lib/content/model/inline.ts): links, emphasis and strong emphasis in a small Markdown subset, parsed
 * here, once, into the typed tree pages render. HTML is refused as in plain text.
 */
const rich = (what: string, example: string, empty = `${what} is empty — write it, or delete it`) =>
  z
    .string()
    .trim()
    .min(1, { error: empty })
    .superRefine((value, ctx) => {
      if (new RegExp(`\\b${PLACEHOLDER}\\b`).test(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `${what} still says ${PLACEHOLDER} — replace it with the real ${what}, e.g. "${example}"`,
        });
        return;
      }
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

const text = (
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

const slug = (what: string, example: string) =>
  z
    .string()
    .regex(SLUG_PATTERN, {
      error: (issue) =>
        `${what} "${String(issue.input)}" is not a valid id — use lowercase letters, digits and single hyphens, e.g. "${example}"`,
    })
    .meta({ example });

const LOCAL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/;

/** An instant with an explicit offset, e.g. 2024-06-18T08:25:00+09:00 (KST). */
const instant = (what: string) =>
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
const focalCoordinate = (axis: 'x' | 'y', zero: string, one: string) => {
  const range = (issue: { input?: unknown }) =>
    `focalPoint.${axis} is ${String(issue.input)} — it must be between 0 (${zero}) and 1 (${one}), e.g. 0.5 for the middle`;
  return z.number().min(0, { error: range }).max(1, { error: range }).meta({ example: 0.5 });
};

export const photoSchema = z
  .object({
    src: z
      .string()
      .regex(/^\/[^\s?#]+\.(?:jpe?g|png|webp|avif)$/i, {
        error: (issue) =>
          `src "${String(issue.input)}" is not the path of an image under public/ — start it with "/" and end it in .jpg, .png, .webp or .avif, e.g. "/images/stories/my-photo.jpg"`,
      })
      .describe(
        'Path of the image file under `public/`, starting with `/`. Width and height are read from the file at build time, never typed.',
      )
      .meta({ example: '/images/stories/putin-heads-to-pyongyang.jpg' }),
    alt: plain('alt text', 'Two leaders shake hands in front of their flags')
      .optional()
      .describe('What the photo shows, for readers who cannot see it. Required unless `decorative` is true.')
      .meta({ example: 'Two leaders shake hands in front of their flags' }),
    decorative: z
      .literal(true, {
        error: 'decorative can only be true — delete the line if the photo carries information (then write alt text)',
      })
      .optional()
      .describe(
        'Set to `true` only for a purely decorative image that carries no information; then `alt` may be left out.',
      )
      .meta({ example: true }),
    caption: text('caption', 'Putin and Kim shake hands in Russia')
      .describe('The caption printed under the photo. Leave the credit out of it: it has its own field.')
      .meta({ example: 'Russian President Vladimir Putin (right) and North Korean leader Kim Jong-un shake hands.' }),
    credit: text('credit', 'Yonhap')
      .describe('Who took or supplied the photo: agency or photographer.')
      .meta({ example: 'Yonhap' }),
    focalPoint: z
      .object({
        x: focalCoordinate('x', 'the left edge', 'the right edge'),
        y: focalCoordinate('y', 'the top', 'the bottom'),
      })
      .strict()
      .optional()
      .describe(
        'The point every crop keeps in view (social card, structured-data crops, listing thumbnails), as fractions of the width (`x`, 0 = left edge, 1 = right edge) and height (`y`, 0 = top, 1 = bottom). Leave it out to crop around the centre.',
      )
      .meta({ example: { x: 0.5, y: 0.3 } }),
  })
  .strict();

export const paragraphBlockSchema = z
  .object({
    type: z.literal('paragraph').describe('Always "paragraph" for a paragraph.'),
    text: rich(
      'paragraph text',
      'Putin met Kim in [Vladivostok](/stories/putin-heads-to-pyongyang) *last year*.',
      'paragraph is empty — write its text or delete the block',
    )
      .describe(
        'One paragraph of the story. Quotation marks are typed as they should appear. May hold links, *emphasis* and **strong emphasis** (see "Inline text").',
      )
      .meta({
        example: 'Russian President Vladimir Putin is visiting [North Korea](/sections/north-korea) this week.',
      }),
  })
  .strict();

export const pullQuoteBlockSchema = z
  .object({
    type: z.literal('pullQuote').describe('Always "pullQuote" for a pull-quote.'),
    text: text('pull-quote text', 'The impending visit could be seen as an expression of gratitude.').describe(
      'The quoted words, without quotation marks. They must appear in the body word for word (a marked ellipsis … may skip words).',
    ),
    speaker: text('speaker', 'Lee Tae-lim').describe('Who said it.'),
    role: text('role', 'Professor, Korea National Diplomatic Academy').describe("The speaker's role or title."),
  })
  .strict();

export const photoBlockSchema = z
  .object({
    type: z.literal('photo').describe('Always "photo" for a photo.'),
    photo: photoSchema.describe('A photo inside the body, with the same fields as `leadPhoto`.'),
  })
  .strict();

/** A stable anchor for a subheading: its own `id`, else its words as a slug. */
export const anchorOf = (block: { text: string; id?: string }) =>
  block.id ??
  block.text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');

export const subheadingBlockSchema = z
  .object({
    type: z.literal('subheading').describe('Always "subheading" for a subheading that breaks a long story into parts.'),
    text: text('subheading', 'What Kim wants from Moscow', 120).describe(
      'The subheading, plain text (no links). Printed as a heading with an anchor, so /stories/<slug>#<anchor> links to it.',
    ),
    id: slug('subheading id', 'what-kim-wants')
      .optional()
      .describe(
        'The anchor, if it must not follow the words: keeps old links working when the subheading is reworded. Defaults to the words as a slug.',
      ),
  })
  .strict();

export const listBlockSchema = z
  .object({
    type: z.literal('list').describe('Always "list" for a bulleted or numbered list.'),
    style: z
      .enum(['bulleted', 'numbered'], { error: 'style must be "bulleted" or "numbered"' })
      .describe('"bulleted" for points in no order, "numbered" for steps or a ranking.')
      .meta({ example: 'bulleted' }),
    items: z
      .array(rich('list item', 'Putin last visited Pyongyang in July 2000.'))
      .min(1, { error: 'items is empty — add at least one item, e.g. items: ["…"], or delete the block' })
      .describe('The items, each a short text with inline links and emphasis allowed.')
      .meta({ example: ['Putin last visited Pyongyang in July 2000.', 'The two leaders met in Vladivostok in 2023.'] }),
  })
  .strict();

export const quoteBlockSchema = z
  .object({
    type: z
      .literal('quote')
      .describe(
        'Always "quote" for a quotation given at length (unlike a pull-quote, it is not repeated in the body).',
      ),
    text: rich('quotation', 'We will respond firmly to any provocation.').describe(
      'The quoted words, without quotation marks; inline links and emphasis allowed.',
    ),
    source: text('quotation source', 'Ministry of Foreign Affairs, statement of June 19').describe(
      'Who said or wrote it, and where or when.',
    ),
  })
  .strict();

export const tableBlockSchema = z
  .object({
    type: z.literal('table').describe('Always "table" for a table of figures.'),
    caption: text('table caption', 'Trade between Russia and North Korea, in million dollars').describe(
      'What the table shows, printed above it and naming it for screen readers.',
    ),
    header: z
      .array(text('column heading', 'Year'))
      .min(1, { error: 'header is empty — add the heading of each column, e.g. header: ["Year", "Exports"]' })
      .describe('The heading of each column, in order.')
      .meta({ example: ['Year', 'Exports', 'Imports'] }),
    rows: z
      .array(z.array(rich('table cell', '2023', 'table cell is empty — write "–" for no figure')))
      .min(1, {
        error:
          'table has no rows — add at least one row of cells, e.g. rows: [["2023", "34", "12"]], or delete the block',
      })
      .describe('The rows, each a list with one cell per column; cells may hold inline links and emphasis.')
      .meta({
        example: [
          ['2022', '12', '3'],
          ['2023', '34', '12'],
        ],
      }),
  })
  .strict();

export const factBoxBlockSchema = z
  .object({
    type: z.literal('factBox').describe('Always "factBox" for a titled box of a few short facts beside the story.'),
    title: text('fact box title', 'Key facts', 60).describe('The box\'s title, e.g. "Key facts".'),
    items: z
      .array(rich('fact', 'Putin last visited Pyongyang in July 2000.'))
      .min(1, { error: 'items is empty — add at least one fact, e.g. items: ["…"], or delete the block' })
      .max(8, { error: 'items has more than 8 facts — a fact box holds a few; move the rest into the story' })
      .describe('A few short facts (at most 8), with inline links and emphasis allowed.')
      .meta({ example: ['Putin last visited Pyongyang in July 2000.', 'Kim visited Vladivostok in 2019 and 2023.'] }),
  })
  .strict();

export const timelineBlockSchema = z
  .object({
    type: z.literal('timeline').describe('Always "timeline" for a titled box of dated events.'),
    title: text('timeline title', 'Timeline', 60).describe('The box\'s title, e.g. "Timeline".'),
    events: z
      .array(
        z
          .object({
            when: text('event date', 'July 2000', 40).describe(
              'When it happened, as it should read: "July 2000", "June 18".',
            ),
            text: rich('event', 'Putin visits Pyongyang for the first time.').describe(
              'What happened; inline links and emphasis allowed.',
            ),
          })
          .strict(),
      )
      .min(1, {
        error:
          'events is empty — add at least one event, e.g. events: [{ when: "July 2000", text: "…" }], or delete the block',
      })
      .max(12, { error: 'events has more than 12 events — a timeline box holds a few; keep the milestones' })
      .describe('The events, oldest first (at most 12).')
      .meta({
        example: [
          { when: 'July 2000', text: 'Putin visits Pyongyang.' },
          { when: 'Sept. 2023', text: 'Kim visits Vostochny.' },
        ],
      }),
  })
  .strict();

export const storyLinkBlockSchema = z
  .object({
    type: z.literal('storyLink').describe('Always "storyLink" for a card linking to another story of ours.'),
    slug: slug('story', 'putin-heads-to-pyongyang').describe(
      'The slug of the story to link to; the card shows its headline, lead photo and date.',
    ),
  })
  .strict();

export const embedBlockSchema = z
  .object({
    type: z
      .literal('embed')
      .describe('Always "embed" for a post or video from another site, loaded only when the reader asks.'),
    url: z
      .string()
      .superRefine((value, ctx) => {
        if (!embedOf(value)) {
          const names = Object.values(EMBED_PROVIDERS).map((p) => p.name);
          ctx.addIssue({
            code: 'custom',
            message: `url "${value.length > 60 ? `${value.slice(0, 60)}…` : value}" is not a post the site can embed (${names.slice(0, -1).join(', ')} or ${names.at(-1)}) — copy the post's own address, or link to it from a paragraph instead`,
          });
        }
      })
      .describe(
        'The address of the post or video as the browser shows it: YouTube (youtube.com/watch?v=… or youtu.be/…), X (x.com/<user>/status/<id>) or Instagram (instagram.com/p/<id>/).',
      )
      .meta({ example: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }),
    title: text('embed title', 'Putin arrives in Pyongyang').describe(
      'What the post or video is, shown on the placeholder and naming the frame.',
    ),
    caption: text('embed caption', 'Footage released by the Kremlin shows the arrival.')
      .optional()
      .describe("A caption under it, like a photo's."),
  })
  .strict();

/** The body is a list of blocks; `type` tells them apart. One renderer maps each to its component. */
export const blockSchema = z
  .discriminatedUnion('type', [
    paragraphBlockSchema,
    pullQuoteBlockSchema,
    photoBlockSchema,
    subheadingBlockSchema,
    listBlockSchema,
    quoteBlockSchema,
    tableBlockSchema,
    factBoxBlockSchema,
    timelineBlockSchema,
    storyLinkBlockSchema,
    embedBlockSchema,
  ])
  .meta({ example: { type: 'paragraph', text: '…' } });

export const correctionSchema = z
  .object({
    date: instant('correction date').describe('When the correction was made, with offset.'),
    text: text('correction text', 'An earlier version misspelled the name of the academy.')
      .describe('What was wrong and what is right now.')
      .meta({ example: 'An earlier version of this story misspelled the name of the academy.' }),
  })
  .strict();

const limited = (field: keyof typeof LENGTH_LIMITS, example: string) => text(field, example, LENGTH_LIMITS[field].max);

export const storySchema = z
  .object({
    slug: slug('slug', 'putin-heads-to-pyongyang')
      .refine((value) => !Object.hasOwn(RESERVED_SLUGS, value), {
        error: (issue) =>
          `slug "${String(issue.input)}" is reserved because ${RESERVED_SLUGS[String(issue.input)]} — choose another slug (and file name)`,
      })
      .describe(
        'The story\'s address: /stories/<slug>. Must equal the file name without ".ts", and be unique across all years.',
      )
      .meta({ example: 'putin-heads-to-pyongyang' }),
    headline: limited('headline', 'Putin heads to Pyongyang amid deepening military ties')
      .describe('The headline, as printed on the page.')
      .meta({ example: 'Putin heads to Pyongyang amid deepening military ties' }),
    kicker: limited('kicker', 'Analysis')
      .optional()
      .describe('A short label above the headline, e.g. "Analysis". Defaults to the section name.')
      .meta({ example: 'Analysis' }),
    summary: limited('summary', 'Putin visits Pyongyang for the first time since 2000.')
      .describe('The standfirst under the headline; also the description for search and social previews.')
      .meta({ example: 'Russian President Vladimir Putin visits North Korea for two days.' }),
    seoTitle: limited('seoTitle', 'Putin visits Pyongyang')
      .optional()
      .describe('A shorter title for search results. Defaults to the headline.')
      .meta({ example: 'Putin visits Pyongyang amid military ties' }),
    socialTitle: limited('socialTitle', 'Putin visits Pyongyang')
      .optional()
      .describe('Title for link previews on social networks. Defaults to the headline.')
      .meta({ example: 'Putin is in Pyongyang: what Kim wants' }),
    socialDescription: limited('socialDescription', 'Putin visits Pyongyang.')
      .optional()
      .describe('Description for link previews on social networks. Defaults to the summary.')
      .meta({ example: 'His first visit since 2000, amid suspicions of arms deals.' }),
    canonicalUrl: z
      .url({
        protocol: /^https$/,
        error: (issue) =>
          `canonicalUrl "${String(issue.input)}" is not a full https:// address — copy the whole address of the original, e.g. "https://example.com/original-story"`,
      })
      .optional()
      .describe('Only for syndicated stories: the address of the original, which search engines should index instead.')
      .meta({ example: 'https://example.com/news/original-story' }),
    section: slug('section', 'north-korea')
      .describe('The id of the section the story belongs to (see content/sections.ts).')
      .meta({ example: 'north-korea' }),
    tags: z
      .array(slug('tag', 'north-korea'))
      .min(1, { error: 'tags is empty — add at least one tag id from content/tags.ts, e.g. ["north-korea"]' })
      .describe('Ids of tags from content/tags.ts; each gets a link to its tag page.')
      .meta({ example: ['north-korea', 'vladimir-putin'] }),
    authors: z
      .array(slug('author', 'park-ung'))
      .min(1, {
        error: 'authors is empty — add the id of at least one author from content/authors.ts, e.g. ["park-ung"]',
      })
      .describe("Ids of the story's authors from content/authors.ts, in byline order.")
      .meta({ example: ['park-ung'] }),
    dateline: z
      .object({
        place: text('dateline place', 'SEOUL')
          .describe('Where the story was filed, in capitals.')
          .meta({ example: 'SEOUL' }),
        publication: text('dateline publication', 'AJU PRESS')
          .describe('Who filed it, in capitals.')
          .meta({ example: 'AJU PRESS' }),
      })
      .strict()
      .describe('Opens the first paragraph: "SEOUL, June 18 (AJU PRESS) -". The date comes from postedAt, in KST.')
      .meta({ example: { place: 'SEOUL', publication: 'AJU PRESS' } }),
    postedAt: instant('postedAt')
      .describe(
        'When the story was first posted, with offset. Its year and month in Korea name the folder the file lives in: content/stories/2024/06/ for June 2024.',
      )
      .meta({ example: '2024-06-18T08:25:00+09:00' }),
    updatedAt: instant('updatedAt')
      .describe('When the story was last changed, with offset. Not before postedAt.')
      .meta({ example: '2024-06-18T17:17:00+09:00' }),
    publishAt: instant('publishAt')
      .optional()
      .describe(
        'Schedules the story: it stays hidden everywhere until this time, and appears at the first build after it. postedAt must not be earlier.',
      )
      .meta({ example: '2024-06-19T06:00:00+09:00' }),
    draft: z
      .boolean()
      .optional()
      .describe('true keeps the story out of production builds; `npm run dev` shows it with a DRAFT banner.')
      .meta({ example: true }),
    leadPhoto: photoSchema.describe(
      'The photo at the top of the story, also used for the social card. At least 1200 px wide.',
    ),
    body: z
      .array(blockSchema)
      .min(1, { error: 'body is empty — add at least one paragraph block, e.g. { type: "paragraph", text: "…" }' })
      .describe(
        'The story itself, in reading order: paragraphs, subheadings, lists, quotations, pull-quotes, photos, tables, fact boxes, timelines, story links and embeds.',
      ),
    corrections: z
      .array(correctionSchema)
      .optional()
      .describe('Dated corrections, shown at the foot of the story and in its structured data.')
      .meta({
        example: [
          { date: '2024-06-19T10:00:00+09:00', text: 'An earlier version misspelled the name of the academy.' },
        ],
      }),
  })
  .strict();

export const authorSchema = z
  .object({
    id: slug('author id', 'park-ung').describe("Used in stories' `authors` lists and in the address /authors/<id>."),
    name: text('name', 'Park Ung').describe('Full name as printed in the byline.'),
    role: text('role', 'Reporter').describe('Job title.'),
    bio: text('bio', 'Park Ung is a reporter for Aju Press.').describe(
      'One or two sentences shown on the author page.',
    ),
  })
  .strict();

export const sectionSchema = z
  .object({
    id: slug('section id', 'north-korea').describe("Used in stories' `section` and in the address /sections/<id>."),
    name: text('name', 'North Korea').describe('Name shown in navigation and kickers.'),
    description: text('description', 'News and analysis on North Korea.').describe(
      'One sentence for the section page and its metadata.',
    ),
  })
  .strict();

export const tagSchema = z
  .object({
    id: slug('tag id', 'kim-jong-un').describe("Used in stories' `tags` and in the address /tags/<id>."),
    name: text('name', 'Kim Jong-un').describe('Name shown on the story and the tag page.'),
  })
  .strict();

export type PhotoInput = z.input<typeof photoSchema>;
export type FocalPoint = NonNullable<PhotoInput['focalPoint']>;
export type BlockInput = z.input<typeof blockSchema>;
export type StoryInput = z.input<typeof storySchema>;
export type AuthorInput = z.input<typeof authorSchema>;
export type SectionInput = z.input<typeof sectionSchema>;
export type TagInput = z.input<typeof tagSchema>;

export type StoryRecord = z.output<typeof storySchema>;
export type Block = z.output<typeof blockSchema>;
export type Author = z.output<typeof authorSchema>;
export type Section = z.output<typeof sectionSchema>;
export type Tag = z.output<typeof tagSchema>;

/** Identity functions that give editors type checking and autocompletion in content files. */
export const defineStory = (story: StoryInput): StoryInput => story;
export const defineAuthors = (authors: AuthorInput[]): AuthorInput[] => authors;
export const defineSections = (sections: SectionInput[]): SectionInput[] => sections;
export const defineTags = (tags: TagInput[]): TagInput[] => tags;
