/**
 * The one content model. Every TypeScript type for content is derived from these schemas
 * (z.input for what editors write, z.output for what pages read), and CONTENT.md's field
 * reference is generated from the descriptions below, so docs, types and checks cannot drift.
 *
 * Cross-record rules (references exist, slugs unique, images exist, quotes match the body)
 * need more than one record and live in lib/content/validate.ts.
 */
import { z } from 'zod';

/** Lowercase words joined by single hyphens: URL-safe and readable. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = (what: string) =>
  z
    .string({ error: `${what} is missing — use lowercase words joined by hyphens, e.g. "north-korea"` })
    .regex(SLUG_PATTERN, {
      error: `${what} must be lowercase letters, digits and single hyphens, e.g. "north-korea"`,
    });

/** Plain text: no HTML tags or Markdown. Content reaches pages as text, never as markup. */
const text = (what: string, example: string) =>
  z
    .string({ error: `${what} is missing — write it as plain text, e.g. "${example}"` })
    .trim()
    .min(1, { error: `${what} is empty — write it as plain text, e.g. "${example}"` });

/** An instant with an explicit offset, e.g. 2024-06-18T08:25:00+09:00 (KST). */
const instant = (what: string) =>
  z.iso.datetime({
    offset: true,
    local: false,
    error: `${what} must be an ISO 8601 time with an offset, e.g. "2024-06-18T08:25:00+09:00" for 08:25 KST`,
  });

export const photoSchema = z
  .object({
    src: z
      .string({ error: 'src is missing — give the path of a file under public/, e.g. "/images/stories/my-photo.jpg"' })
      .regex(/^\/[^\s?#]+\.(?:jpe?g|png|webp|avif)$/i, {
        error: 'src must be a path under public/ starting with "/" and ending in .jpg, .png, .webp or .avif, e.g. "/images/stories/my-photo.jpg"',
      })
      .describe('Path of the image file under `public/`, starting with `/`. Width and height are read from the file at build time.')
      .meta({ example: '/images/stories/putin-heads-to-pyongyang.jpg' }),
    alt: z
      .string()
      .trim()
      .optional()
      .describe('What the photo shows, for readers who cannot see it. Required unless `decorative` is true.')
      .meta({ example: 'Two leaders shake hands in front of flags' }),
    decorative: z
      .literal(true)
      .optional()
      .describe('Set to `true` only for a purely decorative image that carries no information; then `alt` may be left out.'),
    caption: text('caption', 'Putin and Kim shake hands in Russia')
      .describe('The caption printed under the photo. Leave the credit out of it: it has its own field.')
      .meta({ example: 'Russian President Vladimir Putin (right) and North Korean leader Kim Jong-un shake hands.' }),
    credit: text('credit', 'Yonhap')
      .describe('Who took or supplied the photo: agency or photographer.')
      .meta({ example: 'Yonhap' }),
  })
  .strict();

export const paragraphBlockSchema = z
  .object({
    type: z.literal('paragraph'),
    text: text('paragraph text', 'Russian President Vladimir Putin is visiting North Korea this week.').describe(
      'One paragraph of the story, plain text.',
    ),
  })
  .strict();

export const pullQuoteBlockSchema = z
  .object({
    type: z.literal('pullQuote'),
    text: text('pull-quote text', 'The impending visit could be seen as an expression of gratitude.').describe(
      'The quoted words, without quotation marks. They must appear in the body word for word (a marked ellipsis … may skip words).',
    ),
    speaker: text('speaker', 'Lee Tae-lim').describe('Who said it.'),
    role: text('role', 'Professor, Korea National Diplomatic Academy').describe("The speaker's role or title."),
  })
  .strict();

export const photoBlockSchema = z
  .object({
    type: z.literal('photo'),
    photo: photoSchema.describe('A photo inside the body, with caption and credit.'),
  })
  .strict();

/** The body is a list of blocks; `type` tells them apart. One renderer maps each to its component. */
export const blockSchema = z.discriminatedUnion(
  'type',
  [paragraphBlockSchema, pullQuoteBlockSchema, photoBlockSchema],
  { error: 'block type must be one of "paragraph", "pullQuote" or "photo"' },
);

export const correctionSchema = z
  .object({
    date: instant('correction date').describe('When the correction was made, with offset.'),
    text: text('correction text', 'An earlier version misspelled the name of the academy.').describe(
      'What was wrong and what is right now.',
    ),
  })
  .strict();

export const storySchema = z
  .object({
    slug: slug('slug')
      .describe('The story\'s address: /stories/<slug>. Must equal the file name without ".ts", and be unique.')
      .meta({ example: 'putin-heads-to-pyongyang' }),
    headline: text('headline', 'Putin heads to Pyongyang amid deepening military ties')
      .describe('The headline, as printed on the page.')
      .meta({ example: 'Putin heads to Pyongyang amid deepening military ties' }),
    kicker: text('kicker', 'Analysis')
      .optional()
      .describe('A short label above the headline, e.g. "Analysis". Defaults to the section name.'),
    summary: text('summary', 'Putin visits Pyongyang for the first time since 2000.')
      .describe('The standfirst under the headline; also the description for search and social previews.')
      .meta({ example: 'Russian President Vladimir Putin visits North Korea for two days.' }),
    seoTitle: text('seoTitle', 'Putin visits Pyongyang')
      .optional()
      .describe('A shorter title for search results. Defaults to the headline.'),
    socialTitle: text('socialTitle', 'Putin visits Pyongyang')
      .optional()
      .describe('Title for link previews on social networks. Defaults to the headline.'),
    socialDescription: text('socialDescription', 'Putin visits Pyongyang.')
      .optional()
      .describe('Description for link previews on social networks. Defaults to the summary.'),
    canonicalUrl: z
      .url({ protocol: /^https$/, error: 'canonicalUrl must be a full https:// address, e.g. "https://example.com/original-story"' })
      .optional()
      .describe('Only for syndicated stories: the address of the original, which search engines should index instead.'),
    section: slug('section')
      .describe('The id of the section the story belongs to (see content/sections.ts).')
      .meta({ example: 'north-korea' }),
    tags: z
      .array(slug('tag'), { error: 'tags must be a list of tag ids, e.g. ["north-korea", "vladimir-putin"]' })
      .min(1, { error: 'tags is empty — add at least one tag id from content/tags.ts' })
      .describe('Ids of tags from content/tags.ts; each gets a link to its tag page.')
      .meta({ example: ['north-korea', 'vladimir-putin'] }),
    authors: z
      .array(slug('author'), { error: 'authors must be a list of author ids, e.g. ["park-ung"]' })
      .min(1, { error: 'authors is empty — add the id of at least one author from content/authors.ts' })
      .describe('Ids of the story\'s authors from content/authors.ts, in byline order.')
      .meta({ example: ['park-ung'] }),
    dateline: z
      .object({
        place: text('dateline place', 'SEOUL').describe('Where the story was filed, in capitals.').meta({ example: 'SEOUL' }),
        publication: text('dateline publication', 'AJU PRESS')
          .describe('Who filed it, in capitals.')
          .meta({ example: 'AJU PRESS' }),
      })
      .strict()
      .describe('Opens the first paragraph: "SEOUL, June 18 (AJU PRESS) -". The date comes from postedAt, in KST.'),
    postedAt: instant('postedAt').describe('When the story was first posted, with offset.').meta({ example: '2024-06-18T08:25:00+09:00' }),
    updatedAt: instant('updatedAt')
      .describe('When the story was last changed, with offset. Not before postedAt.')
      .meta({ example: '2024-06-18T17:17:00+09:00' }),
    publishAt: instant('publishAt')
      .optional()
      .describe('Schedules the story: it stays hidden everywhere until this time, and appears at the next build after it.'),
    draft: z
      .boolean({ error: 'draft must be true or false' })
      .optional()
      .describe('true keeps the story out of production builds; `npm run dev` shows it with a DRAFT banner.'),
    leadPhoto: photoSchema.describe('The photo at the top of the story, also used for the social card. At least 1200 px wide.'),
    body: z
      .array(blockSchema, { error: 'body must be a list of blocks, e.g. [{ type: "paragraph", text: "…" }]' })
      .min(1, { error: 'body is empty — add at least one paragraph block' })
      .describe('The story itself: paragraphs, pull-quotes and photos, in reading order.'),
    corrections: z
      .array(correctionSchema)
      .optional()
      .describe('Dated corrections, shown at the foot of the story and in its structured data.'),
  })
  .strict();

export const authorSchema = z
  .object({
    id: slug('author id').describe('Used in stories\' `authors` lists and in the address /authors/<id>.'),
    name: text('name', 'Park Ung').describe('Full name as printed in the byline.'),
    role: text('role', 'Reporter').describe('Job title.'),
    bio: text('bio', 'Park Ung is a reporter for Aju Press.').describe('One or two sentences shown on the author page.'),
  })
  .strict();

export const sectionSchema = z
  .object({
    id: slug('section id').describe('Used in stories\' `section` and in the address /sections/<id>.'),
    name: text('name', 'North Korea').describe('Name shown in navigation and kickers.'),
    description: text('description', 'News and analysis on North Korea.').describe('One sentence for the section page and its metadata.'),
  })
  .strict();

export const tagSchema = z
  .object({
    id: slug('tag id').describe('Used in stories\' `tags` and in the address /tags/<id>.'),
    name: text('name', 'Kim Jong-un').describe('Name shown on the story and the tag page.'),
  })
  .strict();

export type PhotoInput = z.input<typeof photoSchema>;
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
