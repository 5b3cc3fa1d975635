/**
 * The headers the site promises (docs/operations/headers.md), written out literally: the tests compare what
 * the server sends with these, not with next.config.js, the code under test. A change to a promised value is
 * a change here too, on purpose.
 */

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self'; " +
  "font-src 'self'; connect-src 'self'; manifest-src 'self'; media-src 'none'; object-src 'none'; frame-src 'none'; " +
  "worker-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** /search alone may compile WebAssembly (Pagefind's query engine). */
export const SEARCH_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self' 'unsafe-inline'",
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
);

/** On every response, CSP aside (it differs on /search). */
export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-frame-options': 'DENY',
};

export const CACHE_CONTROL = {
  /** HTML pages: 5 minutes at the CDN, then up to a day stale while it refetches; browsers always ask. */
  page: 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400',
  /** Open Graph cards and the lead photo's crops: a year at the CDN, a day in browsers and scrapers. */
  ogImage: 'public, max-age=86400, s-maxage=31536000, stale-while-revalidate=86400',
  /** Files from public/ (photos): a day in browsers, a year at the CDN. */
  publicFile: 'public, max-age=86400, s-maxage=31536000, stale-while-revalidate=86400',
  /** Resized photos from /_next/image (Next's, from the source's lifetime and images.minimumCacheTTL). */
  resizedPhoto: 'public, max-age=31536000, must-revalidate',
  /** 404 pages, Next's and proxy.ts's: never cached, so a story published a minute later is not hidden. */
  notFound: 'private, no-cache, no-store, max-age=0, must-revalidate',
  /** Hashed chunks under /_next/static, and the text face's hashed files under /fonts. */
  immutable: 'public, max-age=31536000, immutable',
  /** What answers a flight (RSC) request, and errors: never shared. */
  notThePage: 'private, no-store',
};
