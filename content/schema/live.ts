/**
 * Live coverage (decision 0053): a live story is a story with `live` coverage; each update is its own file in
 * the live story's folder, content/stories/<year>/<month>/<slug>/<id>.ts, so two editors posting in the same
 * minute never edit the same file.
 */
import { z } from 'zod';
import { blockSchema } from './blocks';
import { instant, slug, text } from './fields';
import { correctionSchema } from './correction';

export const coverageSchema = z
  .object({
    startedAt: instant('live.startedAt')
      .describe('When the live coverage began, with offset. No update may be posted before it.')
      .meta({ example: '2026-12-02T09:00:00+09:00' }),
    endedAt: instant('live.endedAt')
      .optional()
      .describe(
        'When the coverage ended, with offset. Leave it out while the story is live; set it to end the coverage: the "Live" label goes and open tabs stop asking for updates. No update may be posted after it.',
      )
      .meta({ example: '2026-12-02T18:00:00+09:00' }),
  })
  .strict();

export const updateWithdrawalSchema = z
  .object({
    date: instant('withdrawal date').describe('When the update was withdrawn, with offset.'),
    reason: text('withdrawal reason', 'The report could not be confirmed.')
      .describe('Why it was withdrawn; readers see this in place of the update.')
      .meta({ example: 'The report could not be confirmed.' }),
  })
  .strict();

export const liveUpdateSchema = z
  .object({
    id: slug('id', '20261202-0915-launch')
      .describe(
        'The update\'s id: its file name without ".ts" and its address on the page (#update-<id>). `npm run new-update` chooses it; never change it once published.',
      )
      .meta({ example: '20261202-0915-launch' }),
    postedAt: instant('postedAt')
      .describe("When the update was posted, with offset. Between the coverage's startedAt and endedAt.")
      .meta({ example: '2026-12-02T09:15:00+09:00' }),
    title: text('title', 'North Korea fires a ballistic missile', 120)
      .optional()
      .describe('A short headline for the update; key events are listed by it.')
      .meta({ example: 'North Korea fires a ballistic missile' }),
    keyEvent: z
      .boolean()
      .optional()
      .describe('true lists the update among the key events at the top of the page (give it a title).')
      .meta({ example: true }),
    pinned: z
      .boolean()
      .optional()
      .describe('true shows the update above all others, under the summary. At most one update is pinned.')
      .meta({ example: true }),
    body: z
      .array(blockSchema)
      .min(1, { error: 'body is empty — add at least one paragraph block, e.g. { type: "paragraph", text: "…" }' })
      .describe('The update itself: the same blocks a story body has.'),
    correction: correctionSchema
      .optional()
      .describe('A correction of this update, shown with it.')
      .meta({ example: { date: '2026-12-02T10:00:00+09:00', text: 'An earlier version gave the wrong altitude.' } }),
    withdrawn: updateWithdrawalSchema
      .optional()
      .describe('Withdraws the update: readers see the reason in its place, and open tabs too. Keep the file.')
      .meta({ example: { date: '2026-12-02T10:00:00+09:00', reason: 'The report could not be confirmed.' } }),
  })
  .strict();
