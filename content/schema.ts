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
  headline: { max: 200, advised: 110, where: 'news search and link cards cut headlines off after about 110 characters' },
  seoTitle: { max: 120, advised: 60, where: 'search results show about 60 characters of a title' },
  summary: { max: 400, advised: 250, where: 'link cards and search snippets cut descriptions off after about 160 to 250 characters' },
  socialTitle: { max: 150, advised: 70, where: 'social networks cut link-card titles off after about 70 characters' },
  socialDescription: { max: 400, advised: 200, where: 'social networks cut link-card descriptions off after about 200 characters' },
  kicker: { max: 40, advised: 25, where: 'a kicker is a label of one to three words' },
} as const;

/** The word new-story leaves in fields the editor must fill. */
export const PLACEHOLDER = 'TODO';

/** The first stray markup in a text field, described for an editor; undefined for plain text. */
export function strayMarkup(value: string): string | undefined {
  const tag = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>|<!--/.exec(value);
  if (tag) return `contains the HTML tag "${tag[0]}" — remove it and write plain text; the site does the formatting`;
  const entity = /&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]{1,7});/.exec(value);
  if (entity) return `contains the HTML entity "${entity[0]}" — type the character itself (&, ’, “ or a plain space) instead`;
  const link = /\[[^\]\n]+\]\([^)\s]*\)/.exec(value);
  if (link) return `contains a Markdown link "${link[0]}" — write the words only; links inside text are not supported`;
  const emphasis = /(\*\*|__)(?=\S)[^*_\n]*?\S\1|(?<![\p{L}\p{N}*_])([*_])(?=[^\s*_])[^*_\n]*?[^\s*_]\2(?![\p{L}\p{N}*_])/u.exec(value);
  if (emphasis) return `contains Markdown emphasis "${emphasis[0]}" — remove the * or _ marks; the site does the formatting`;
  return undefined;
}

/**
 * Plain text: no HTML tags, entities or Markdown, and no TODO left by new-story. Content reaches pages as
 * text, never as markup. Missing or wrongly typed values get their messages in lib/content/validate.ts.
 */
const plain = (what: string, example: string) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (new RegExp(`\\b${PLACEHOLDER}\\b`).test(value)) {
        ctx.addIssue({ code: 'custom', message: `${what} still says ${PLACEHOLDER} — replace it with the real ${what}, e.g. "${example}"` });
        return;
      }
      const markup = strayMarkup(value);
      if (markup) ctx.addIssue({ code: 'custom', message: `${what} ${markup}` });
    })
    .meta({ example });

const text = (what: string, example: string, maxLength?: number, empty = `${what} is empty — write it as plain text, e.g. "${example}"`) => {
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
      .describe('Path of the image file under `public/`, starting with `/`. Width and height are read from the file at build time, never typed.')
      .meta({ example: '/images/stories/putin-heads-to-pyongyang.jpg' }),
    alt: plain('alt text', 'Two leaders shake hands in front of their flags')
      .optional()
      .describe('What the photo shows, for readers who cannot see it. Required unless `decorative` is true.')
      .meta({ example: 'Two leaders shake hands in front of their flags' }),
    decorative: z
      .literal(true, { error: 'decorative can only be true — delete the line if the photo carries information (then write alt text)' })
      .optional()
      .describe('Set to `true` only for a purely decorative image that carries no information; then `alt` may be left out.')
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
    text: text(
      'paragraph text',
      'Russian President Vladimir Putin is visiting North Korea this week.',
      undefined,
      'paragraph is empty — write its text or delete the block',
    ).describe(
      'One paragraph of the story, plain text. Quotation marks are typed as they should appear.',
    ),
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

/** The body is a list of blocks; `type` tells them apart. One renderer maps each to its component. */
export const blockSchema = z
  .discriminatedUnion('type', [paragraphBlockSchema, pullQuoteBlockSchema, photoBlockSchema])
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
      .describe('The story\'s address: /stories/<slug>. Must equal the file name without ".ts", and be unique across all years.')
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
      .min(1, { error: 'authors is empty — add the id of at least one author from content/authors.ts, e.g. ["park-ung"]' })
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
      .describe('Opens the first paragraph: "SEOUL, June 18 (AJU PRESS) -". The date comes from postedAt, in KST.')
      .meta({ example: { place: 'SEOUL', publication: 'AJU PRESS' } }),
    postedAt: instant('postedAt').describe('When the story was first posted, with offset. Its year and month in Korea name the folder the file lives in: content/stories/2024/06/ for June 2024.').meta({ example: '2024-06-18T08:25:00+09:00' }),
    updatedAt: instant('updatedAt')
      .describe('When the story was last changed, with offset. Not before postedAt.')
      .meta({ example: '2024-06-18T17:17:00+09:00' }),
    publishAt: instant('publishAt')
      .optional()
      .describe('Schedules the story: it stays hidden everywhere until this time, and appears at the first build after it. postedAt must not be earlier.')
      .meta({ example: '2024-06-19T06:00:00+09:00' }),
    draft: z
      .boolean()
      .optional()
      .describe('true keeps the story out of production builds; `npm run dev` shows it with a DRAFT banner.')
      .meta({ example: true }),
    leadPhoto: photoSchema.describe('The photo at the top of the story, also used for the social card. At least 1200 px wide.'),
    body: z
      .array(blockSchema)
      .min(1, { error: 'body is empty — add at least one paragraph block, e.g. { type: "paragraph", text: "…" }' })
      .describe('The story itself: paragraphs, pull-quotes and photos, in reading order.'),
    corrections: z
      .array(correctionSchema)
      .optional()
      .describe('Dated corrections, shown at the foot of the story and in its structured data.')
      .meta({ example: [{ date: '2024-06-19T10:00:00+09:00', text: 'An earlier version misspelled the name of the academy.' }] }),
  })
  .strict();

export const authorSchema = z
  .object({
    id: slug('author id', 'park-ung').describe('Used in stories\' `authors` lists and in the address /authors/<id>.'),
    name: text('name', 'Park Ung').describe('Full name as printed in the byline.'),
    role: text('role', 'Reporter').describe('Job title.'),
    bio: text('bio', 'Park Ung is a reporter for Aju Press.').describe('One or two sentences shown on the author page.'),
  })
  .strict();

export const sectionSchema = z
  .object({
    id: slug('section id', 'north-korea').describe('Used in stories\' `section` and in the address /sections/<id>.'),
    name: text('name', 'North Korea').describe('Name shown in navigation and kickers.'),
    description: text('description', 'News and analysis on North Korea.').describe('One sentence for the section page and its metadata.'),
  })
  .strict();

export const tagSchema = z
  .object({
    id: slug('tag id', 'kim-jong-un').describe('Used in stories\' `tags` and in the address /tags/<id>.'),
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
