import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, searchContentSecurityPolicy } from './lib/content-security-policy.js';
import { withEditorTooling } from './lib/content-check/content-gate.js';
import { LIVE_PAGE_HEADER } from './lib/live-page-header.js';

/**
 * Security and caching headers live here, in one place; docs/operations/headers.md and caching.md explain
 * every value.
 */

// The policy itself lives in lib/content-security-policy.js, where proxy.ts reads it too.
export { contentSecurityPolicy, searchContentSecurityPolicy };

export const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  },
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
  // For browsers that predate frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** Cache-Control by kind of response, explained in docs/operations/caching.md. */
export const cachePolicies = {
  /** HTML and RSC payloads: the CDN keeps a page 5 minutes, then serves it stale for up to a day while refetching. */
  page: 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400',
  /** Open Graph cards and photo crops: a year at the CDN (a deploy purges it), a day in browsers and scrapers. */
  ogImage: 'public, max-age=86400, s-maxage=31536000, stale-while-revalidate=86400',
  /** Files from public/ (photos): unhashed names, so a day in browsers, a year at the CDN. */
  publicFile: 'public, max-age=86400, s-maxage=31536000, stale-while-revalidate=86400',
  /** The text face's files (public/fonts): their names carry their content's hash, so a year everywhere. */
  hashedFile: 'public, max-age=31536000, immutable',
  /**
   * What answers a request for Next's flight data rather than for the page: the 307 to `?_rsc`, the payload
   * itself. Never shared: a cache that ignores Vary would serve it to the next reader of the page's URL.
   */
  notThePage: 'private, no-store',
  /** The banner the edge includes in every page: 30 s at most (a publish purges it sooner), never in browsers. */
  fragment: 'public, max-age=0, s-maxage=30',
  /**
   * What open tabs of a live story poll (app/stories/[slug]/live.json): 5 s at the edge (a publish purges it
   * sooner, and the edge gives it no grace), never in browsers.
   */
  liveStatus: 'public, max-age=0, s-maxage=5',
};

/**
 * Request parts that make Next answer with something other than the page; no reader's browser sends them
 * (docs/decisions/0003-flight-requests-get-the-page.md).
 */
export const flightRequestMarkers = [
  { type: 'header', key: 'rsc' },
  { type: 'header', key: 'next-router-prefetch' },
  { type: 'header', key: 'next-router-state-tree' },
  { type: 'header', key: 'next-router-segment-prefetch' },
  { type: 'query', key: '_rsc' },
];

// Set once in the process that starts the build; the build's worker processes inherit it.
process.env.SITE_BUILT_AT ||= new Date().toISOString();
const siteBuiltAt = process.env.SITE_BUILT_AT;

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets a second build (benchmarks, parallel checks) run beside the main one without clobbering it.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The build's clock, for what is published (lib/content productionVisibility); inlined at build time.
  env: { SITE_BUILT_AT: siteBuiltAt },
  // Font tools for the Open Graph card load their own wasm from node_modules: run them from there, unbundled.
  // The Redis client (lib/content/storage/redis-store.ts) runs as a plain Node package, not bundled.
  serverExternalPackages: ['subset-font', 'fontkit', 'redis', '@redis/client'],
  // Cards of stories outside the prerender window are drawn by the server on first request: ship the card's
  // fonts (lib/og/fonts.ts reads them from node_modules at run time, which tracing cannot see) with it.
  outputFileTracingIncludes: {
    // The stylesheet's files the root layout reads and inlines (app/stylesheet.ts, decision 0052).
    '/**': ['./app/styles/*.css'],
    '/stories/**': [
      './node_modules/@expo-google-fonts/{source-serif-4/700Bold,noto-sans-kr/700Bold,noto-sans-kr/400Regular,noto-emoji/400Regular}/*.ttf',
    ],
  },
  // Next's cache: its own file-system cache, shared between origins through Redis when REDIS_URL is set
  // (docs/decisions/0026-shared-render-cache-in-redis.md).
  cacheHandler: fileURLToPath(new URL('./lib/cache/render-cache-handler.mjs', import.meta.url)),
  // A self-contained server (.next/standalone/server.js) with only the files it needs; scripts/operators/standalone.mjs runs it.
  output: 'standalone',
  // The type check runs once, in `npm run typecheck` (first step of `npm test`, which CI runs), not again in
  // every build: at 10,000 stories it was 18 s of the build's 2 minutes (docs/decisions/0013).
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Pages rendered on demand stay in memory, not on disk: after a restart the disk holds only the build's
    // prerendered pages, which the server then brings up to the published content (docs/decisions/0021).
    isrFlushToDisk: false,
  },
  images: {
    // AVIF where the browser accepts it, WebP otherwise (docs/decisions/0010-photos-without-next-image-component.md).
    formats: ['image/avif', 'image/webp'],
    // Resized photos keep their URL for a given source; a month is safe and spares the optimizer.
    minimumCacheTTL: 2_678_400,
    // Resized photos kept by the cache handler, in memory (lib/cache/resized-photos.mjs): Next keeps them on disk
    // only with isrFlushToDisk, which is off, so every request re-encoded its AVIF (decision 0052).
    customCacheHandler: true,
  },
  async redirects() {
    // Page 1 of a listing lives only at the listing's own URL: …/page/1 moves there for good.
    return [
      { source: '/:kind(sections|authors|tags)/:id/page/1', destination: '/:kind/:id', permanent: true },
      { source: '/archive/:year/:month/page/1', destination: '/archive/:year/:month', permanent: true },
    ];
  },
  async rewrites() {
    // A live story's address shows the live page's route; proxy.ts marks those requests (and only those).
    return {
      beforeFiles: [
        { source: '/stories/:slug', has: [{ type: 'header', key: LIVE_PAGE_HEADER }], destination: '/live/:slug' },
      ],
    };
  },
  async headers() {
    // When several rules set one header on a path, the last wins: general rules first.
    return [
      { source: '/:path*', headers: securityHeaders },
      // Pages only: /_next/static keeps Next's immutable year, /_next/image its own TTL (a rule here would replace them).
      // A plain request only: what a flight request gets (a redirect, the payload) is not the page.
      {
        source: '/:path((?!_next/).*)',
        missing: flightRequestMarkers,
        headers: [{ key: 'Cache-Control', value: cachePolicies.page }],
      },
      { source: '/images/:path*', headers: [{ key: 'Cache-Control', value: cachePolicies.publicFile }] },
      // The print rules (app/print.css): the same for every page; a deploy refreshes it at the edge.
      { source: '/print.css', headers: [{ key: 'Cache-Control', value: cachePolicies.publicFile }] },
      { source: '/fonts/:path*', headers: [{ key: 'Cache-Control', value: cachePolicies.hashedFile }] },
      { source: '/fragments/:path*', headers: [{ key: 'Cache-Control', value: cachePolicies.fragment }] },
      { source: '/stories/:slug/live.json', headers: [{ key: 'Cache-Control', value: cachePolicies.liveStatus }] },
      // The publish channel (app/api/publish) answers one caller: never stored anywhere.
      { source: '/api/:path*', headers: [{ key: 'Cache-Control', value: cachePolicies.notThePage }] },
      // Preview links (decision 0047): one editor's link, never stored by the edge or a browser, never indexed.
      {
        source: '/preview/:path*',
        headers: [
          { key: 'Cache-Control', value: cachePolicies.notThePage },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
      { source: '/search', headers: [{ key: 'Content-Security-Policy', value: searchContentSecurityPolicy }] },
      {
        source: '/stories/:slug/:card(opengraph-image.*)',
        headers: [{ key: 'Cache-Control', value: cachePolicies.ogImage }],
      },
      // The lead photo's crops for structured data: drawn at build like the card, cached like it.
      { source: '/stories/:slug/images/:ratio', headers: [{ key: 'Cache-Control', value: cachePolicies.ogImage }] },
      // Last, so it wins over every rule above (and over Next's year-long default for prerendered payloads).
      ...flightRequestMarkers.map((marker) => ({
        source: '/:path*',
        has: [marker],
        headers: [{ key: 'Cache-Control', value: cachePolicies.notThePage }],
      })),
    ];
  },
};

// Checks the content before a production build; dev-only preview pages (lib/content-check/content-gate.js).
export default function config(phase) {
  return withEditorTooling(phase, nextConfig);
}
