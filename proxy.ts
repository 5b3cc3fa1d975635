import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { NextResponse, type NextRequest } from 'next/server';
import { isMissingPath, pathViewAt } from '@/lib/content/read/known-paths';
import { liveListing } from '@/lib/content/serving/served-content';
import { embedContentSecurityPolicy } from '@/lib/content-security-policy.js';

/** What Next sends with its own 404 pages: no one may keep it. */
const NOT_FOUND_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate';

let notFoundPage: Promise<string> | undefined;
/** The site's 404 page (app/not-found.tsx) as the build prerendered it, read once. */
const notFoundHtml = () => {
  if (!notFoundPage) {
    notFoundPage = readFile(
      path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'server/app/_not-found.html'),
      'utf8',
    );
    // A failed read is tried again on the next 404, not kept for the life of the server.
    notFoundPage.catch(() => (notFoundPage = undefined));
  }
  return notFoundPage;
};

/**
 * Two jobs, each before any page renders:
 * - Answers 400 for a path whose percent-encoding cannot be decoded (`/stories/%`, `/stories/%E0%A4%A`).
 *   Next.js 16.4 throws on these while matching a dynamic route and answers 500 (vercel/next.js#92527);
 *   crawlers and mangled links hit them often, and a 500 reads as an outage.
 * - Answers 404, with the site's 404 page, for a story slug no story has. Story pages outside the prerender
 *   window are rendered on first request and cached; an unknown slug must not be: Next would cache its 404
 *   (x-nextjs-cache: HIT) under the pages' public Cache-Control, and a CDN would then hide a story published
 *   under that slug later. The slugs come from the content this server serves at run time (lib/content/serving/served-content.ts),
 *   so a story published or taken down without a build is found or refused at once. The same for a
 *   listing's numbered page past its last, an unknown section, author, tag, archive year or month, and a month
 *   sitemap no month has (lib/content/read/known-paths.ts): all are rendered on first request. And a photo no story
 *   uses (app/images serves those published after the build).
 * And it opens the CSP's frame-src of a story page with embeds to the frames they need, and no more.
 * The matcher keeps this off every other request.
 */
export async function proxy(request: NextRequest) {
  const rawPath = request.url.slice(request.nextUrl.origin.length).split('?')[0] ?? '';
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return new NextResponse('Bad request: the address has malformed percent-encoding.\n', {
      status: 400,
      // An error is never shared (docs/operations/caching.md), even one this certain.
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
    });
  }
  // Under next dev every story is there to preview, drafts included.
  const listing = process.env.NODE_ENV === 'production' ? await liveListing() : undefined;
  const view = listing && pathViewAt(listing, new Date());
  // A photo is served only if the content uses it (from public/ or, for one published after the build, from
  // the store: app/images): any other answer for a name a photo may be published under later is not kept.
  const missing =
    view !== undefined &&
    (path.startsWith('/images/') ? !Object.hasOwn(listing!.images, path) : isMissingPath(path, view));
  if (missing) {
    // Answered here, not by rewriting to a 404 route: Next would mark that x-nextjs-cache: HIT, and the
    // pages' public Cache-Control (next.config.js) would win over a 404's.
    return new NextResponse(await notFoundHtml(), {
      status: 404,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': NOT_FOUND_CACHE_CONTROL },
    });
  }
  // A story page with embeds: its CSP lets in exactly the frames they need (lib/content-security-policy.js).
  const story = view && /^\/stories\/([^/]+)$/.exec(path);
  const frames = story ? view.frames.get(story[1]!) : undefined;
  if (frames?.length) {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', embedContentSecurityPolicy(frames));
    return response;
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    '/(.*%.*)',
    '/stories/:path+',
    '/:kind(sections|authors|tags)/:path+',
    '/archive/:path+',
    '/sitemaps/:path+',
    '/images/:path+',
  ],
};
