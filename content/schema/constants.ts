// The content model's fixed values: slug shape, reserved slugs, length limits (data only; CONTENT.md lists them).

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
  headline: {
    max: 200,
    advised: 110,
    where: 'news search and link cards cut headlines off after about 110 characters',
  },
  seoTitle: { max: 120, advised: 60, where: 'search results show about 60 characters of a title' },
  summary: {
    max: 400,
    advised: 250,
    where: 'link cards and search snippets cut descriptions off after about 160 to 250 characters',
  },
  socialTitle: { max: 150, advised: 70, where: 'social networks cut link-card titles off after about 70 characters' },
  socialDescription: {
    max: 400,
    advised: 200,
    where: 'social networks cut link-card descriptions off after about 200 characters',
  },
  kicker: { max: 40, advised: 25, where: 'a kicker is a label of one to three words' },
} as const;

/** The word new-story leaves in fields the editor must fill. */
export const PLACEHOLDER = 'TODO';

/**
 * How long after postedAt an updatedAt must be for the page to say "Updated" (and for dateModified, sitemaps and
 * feeds to move): a typo fixed minutes after posting is not news. A correction always counts, whenever it was made.
 */
export const MEANINGFUL_UPDATE_MINUTES = 10;
