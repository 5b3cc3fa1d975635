/**
 * What `npm run dev` tells editors above a story that is not on the site: plain text, so a unit test
 * (test/editors-texts.test.ts) checks it promises nothing a publish does not do.
 */
export const DRAFT_BANNER =
  'DRAFT — not published: npm run content:publish leaves it out until the draft line is deleted. Only visible in development.';

/** Around the time (a <time> element) of a scheduled story. */
export const SCHEDULED_BANNER = {
  before: 'SCHEDULED — goes live by itself at',
  after: 'once published with npm run content:publish. Only visible in development.',
};
