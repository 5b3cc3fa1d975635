// A story record: one file under content/stories/<year>/<month>/<slug>.ts.
import { z } from 'zod';
import { blockSchema } from './blocks';
import { LENGTH_LIMITS, MEANINGFUL_UPDATE_MINUTES, RESERVED_SLUGS } from './constants';
import { instant, slug, text } from './fields';
import { correctionSchema } from './correction';
import { coverageSchema } from './live';
import { photoSchema } from './photo';

export { correctionSchema };

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
    previousSlugs: z
      .array(slug('previous slug', 'putin-to-visit-pyongyang'))
      .optional()
      .describe(
        'When you rename a story (its slug and file name), add its old slug here: its old address, card and photo crops then redirect to the new ones for good. Keep every earlier slug.',
      )
      .meta({ example: ['putin-to-visit-pyongyang'] }),
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
      .describe(
        `When the story was last changed, with offset. Not before postedAt. The page shows "Updated" (and search engines, sitemaps and feeds see a change) only when it is at least ${MEANINGFUL_UPDATE_MINUTES} minutes after postedAt; a correction always counts.`,
      )
      .meta({ example: '2024-06-18T17:17:00+09:00' }),
    publishAt: instant('publishAt')
      .optional()
      .describe(
        'Schedules the story: published like any other, it stays hidden everywhere until this time, then goes live by itself within a minute, with nobody running anything. postedAt must not be earlier.',
      )
      .meta({ example: '2024-06-19T06:00:00+09:00' }),
    draft: z
      .boolean()
      .optional()
      .describe(
        'true keeps the story off the site: `npm run content:publish` leaves it out (a story already published needs a takedown in content/takedowns.ts too). `npm run dev` shows it with a DRAFT banner; `npm run content:preview -- <slug>` makes a link to show it to someone.',
      )
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
    live: coverageSchema
      .optional()
      .describe(
        'Makes the story live coverage (CONTENT.md, "Live coverage"): its updates are files in the folder beside it, content/stories/<year>/<month>/<slug>/, newest shown first; its body is the summary editors keep current above them.',
      )
      .meta({ example: { startedAt: '2026-12-02T09:00:00+09:00' } }),
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
