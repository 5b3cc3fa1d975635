// What editors place by hand: the fronts (content/fronts.ts) and the breaking-news banner (content/breaking-news.ts).
import { z } from 'zod';
import { instant, slug, text } from './fields';

const until = (what: string) =>
  instant(`${what} until`)
    .optional()
    .describe(
      'Optional: when this ends, with offset. The running site drops it by itself at that time (within a minute), with nobody publishing.',
    )
    .meta({ example: '2024-06-19T06:00:00+09:00' });

export const placementSchema = z
  .object({
    story: slug('story', 'putin-heads-to-pyongyang')
      .describe(
        'The slug of the story placed here. A story that is a draft, scheduled for later or taken down drops out by itself; the newest stories fill its place.',
      )
      .meta({ example: 'putin-heads-to-pyongyang' }),
    size: z
      .enum(['large', 'standard'])
      .optional()
      .describe('"large" gives the story more room (a bigger photo and its standfirst); "standard" is the default.')
      .meta({ example: 'large' }),
    until: until('placement'),
  })
  .strict();

export const arrangementSchema = z
  .object({
    lead: placementSchema
      .optional()
      .describe('The story on top. Without one (or when it drops out), the first top story leads, else the newest.'),
    top: z
      .array(placementSchema)
      .max(12, { error: 'top has more than 12 stories — a front arranges its top stories; the newest fill the rest' })
      .optional()
      .describe('The top stories under the lead, in the editors’ order (at most 12). The newest stories follow them.')
      .meta({ example: [{ story: 'putin-heads-to-pyongyang', size: 'large' }] }),
  })
  .strict();

export const frontsSchema = z
  .object({
    home: arrangementSchema
      .optional()
      .describe('The front page (/). Published by `npm run content:publish` like any change: live in seconds.'),
    sections: z
      .record(slug('section id', 'north-korea'), arrangementSchema)
      .optional()
      .describe('Section fronts, by section id (content/sections.ts): the top of the section page’s first page.')
      .meta({ example: { 'north-korea': { lead: { story: 'putin-heads-to-pyongyang' } } } }),
  })
  .strict();

export const bannerSchema = z
  .object({
    text: text('breaking news text', 'Putin arrives in Pyongyang', 120)
      .describe('What happened, in a few words (at most 120 characters). Shown on every page, linked to the story.')
      .meta({ example: 'Putin arrives in Pyongyang for talks with Kim Jong-un' }),
    story: slug('story', 'putin-heads-to-pyongyang')
      .describe(
        'The slug of the story the banner links to. While that story is a draft or scheduled for later, the banner waits for it.',
      )
      .meta({ example: 'putin-heads-to-pyongyang' }),
    until: until('banner'),
  })
  .strict();

export const breakingNewsSchema = bannerSchema
  .nullable()
  .describe('The breaking-news banner at the top of every page, or null for none.');
