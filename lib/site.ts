/**
 * Site identity in one place. The canonical origin is read from SITE_URL when the site is built
 * (pages are prerendered, so it is baked into them); the default is the publisher's own address.
 */
const DEFAULT_ORIGIN = 'https://www.ajupress.com';

function canonicalOrigin(raw: string | undefined): string {
  const value = raw?.trim() || DEFAULT_ORIGIN;
  try {
    return new URL(value).origin;
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as ${DEFAULT_ORIGIN}; got "${value}"`);
  }
}

/**
 * How many of the newest stories a build prerenders (page, card and crops); older ones render on their first
 * request and are then cached until a publish changes them or for a day (docs/decisions/0002-prerender-window.md, 0049).
 * PRERENDER_STORIES overrides it at build time (the archive tests use a small window).
 */
const DEFAULT_PRERENDER_STORIES = 200;

function prerenderStories(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PRERENDER_STORIES;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`PRERENDER_STORIES must be a whole number of stories, 0 or more; got "${raw}"`);
  return value;
}

export const site = {
  name: 'Aju Press',
  description: 'News from Seoul on Korea, North Korea and the region, in English.',
  origin: canonicalOrigin(process.env.SITE_URL),
  /** BCP 47 language of the site's text, for <html lang> and inLanguage. */
  language: 'en',
  /** Open Graph locale (language_TERRITORY). */
  locale: 'en_US',
  /** Every time on the site is shown in this zone, whatever the server's TZ. */
  timeZone: 'Asia/Seoul',
  timeZoneLabel: 'KST',
  /** Listings stay the same size however large the archive grows. */
  listings: {
    /** Stories on the front page after the lead. */
    frontPageLatest: 20,
    /** Stories on each page of a section, author, tag or month listing. */
    pageSize: 20,
  },
  /** The newest stories prerendered at build; the rest render on first request, then come from the cache. */
  prerenderStories: prerenderStories(process.env.PRERENDER_STORIES),
} as const;

/** An absolute URL on the canonical origin for a site path such as "/stories/x". */
export const absoluteUrl = (path: string): string => new URL(path, site.origin).toString();
