/**
 * The ids a story page gives its own parts (the layout's, the article's, a live page's). A subheading's anchor
 * (content/schema/blocks.ts `anchorOf`) lives in the same page, so content:check refuses these
 * (lib/content/model/validate/body-rules.ts): two elements with one id, and a link to it lands on the wrong one.
 */
export const PAGE_ANCHORS = {
  /** The skip link's target. */
  main: 'main',
  /** The full share bar at the story's foot, which the one by the byline links to. */
  share: 'share',
  related: 'related-heading',
  corrections: 'corrections-heading',
  keyEvents: 'live-key-events',
  pinned: 'live-pinned-heading',
  updates: 'live-updates-heading',
} as const;

const RESERVED = new Set<string>(Object.values(PAGE_ANCHORS));

/** Whether a subheading may not take this anchor: the page uses it for its own part. */
export const isPageAnchor = (anchor: string) => RESERVED.has(anchor);
