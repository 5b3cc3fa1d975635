// The body's blocks, told apart by `type`; one renderer maps each to its component.
import { z } from 'zod';
import { embedOf, EMBED_PROVIDERS } from '@/lib/content/model/embeds';
import { rich, slug, text } from './fields';
import { photoSchema } from './photo';

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
