// A takedown: one entry of content/takedowns.ts, a published story's address that now answers 410 Gone.
import { z } from 'zod';
import { instant, slug, text } from './fields';

export const takedownSchema = z
  .object({
    slug: slug('takedown slug', 'putin-heads-to-pyongyang')
      .describe(
        'The slug of the story taken down (its file deleted, or made a draft): /stories/<slug> then answers 410 Gone, and links to it show as plain text.',
      )
      .meta({ example: 'putin-heads-to-pyongyang' }),
    date: instant('takedown date')
      .describe('When the story was taken down, with offset.')
      .meta({ example: '2024-07-02T11:00:00+09:00' }),
    reason: text('takedown reason', 'Court order of 1 July 2024')
      .describe('Why, for the newsroom (never shown to readers): a court order, a retraction, a duplicate.')
      .meta({ example: 'Court order of 1 July 2024 (case 2024-123)' }),
  })
  .strict();
