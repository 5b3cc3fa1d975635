// A dated correction: of a story (its foot and structured data) or of one live update (shown with it).
import { z } from 'zod';
import { instant, text } from './fields';

export const correctionSchema = z
  .object({
    date: instant('correction date').describe(
      'When the correction was made, with offset. The page shows "Updated" at this time (the latest correction, or updatedAt if later).',
    ),
    text: text('correction text', 'An earlier version misspelled the name of the academy.')
      .describe('What was wrong and what is right now.')
      .meta({ example: 'An earlier version of this story misspelled the name of the academy.' }),
  })
  .strict();
