import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { NextResponse, type NextRequest } from 'next/server';
import { getPreview, servedPaths } from '@/lib/content';
import { embedContentSecurityPolicy } from '@/lib/content-security-policy.js';
import { LIVE_PAGE_HEADER } from '@/lib/live-page-header.js';

/** What Next sends with its own 404 pages: no one may keep it. */
const NOT_FOUND_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate';
/**
 * An old address's redirect or 410 (decision 0048): kept at the edge like a page (next.config.js), since the
 * publish that changes it soft-purges its path (lib/publish/changes.ts); browsers ask again each time.
 */
const OLD_ADDRESS_CACHE_CONTROL = 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400';

/** What a taken-down story's address answers: 410 Gone, a short page in the site's words. */
const GONE_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>This story has been removed — Aju Press</title></head>
<body><main><h1>This story has been removed</h1>
<p>Aju Press has taken this story down, and it will not come back at this address.</p>
<p><a href="/">Go to the front page of Aju Press</a></p></main></body></html>
`;

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
 * Before any page renders (docs/development/routes.md): 400 for undecodable percent-encoding (Next 16.4
 * answers those 500: vercel/next.js#92527); 301 or 410 for old story addresses; an uncached 404 for any path
 * the served content has no page for (a cached 404 would hide a story published there later); a story's CSP
 * opened to its embeds' frames; a preview link (decision 0047) that is not valid now the same 404, a valid one
 * its story's CSP.
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
  const preview = /^\/preview\/([^/]+)(\/photos\/[^/]+)?$/.exec(path);
  if (preview) return previewAnswer(preview[1]!, Boolean(preview[2]));
  // Undefined under next dev: every story is there to preview, drafts included.
  const served = await servedPaths();
  // A renamed story's old address (page, card, crops): one permanent redirect to the current one, query kept;
  // a story taken down: 410 Gone. Next makes a Location on this host relative (the origin does not know the
  // site's public host).
  const old = served?.oldAddress(path);
  if (old) {
    if ('gone' in old)
      return new NextResponse(GONE_HTML, {
        status: 410,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': OLD_ADDRESS_CACHE_CONTROL },
      });
    const target = request.nextUrl.clone();
    target.pathname = old.redirect;
    return NextResponse.redirect(target, { status: 301, headers: { 'Cache-Control': OLD_ADDRESS_CACHE_CONTROL } });
  }
  // A photo is served only if the content uses it (from public/ or, for one published after the build, from
  // the store: app/images): any other answer for a name a photo may be published under later is not kept.
  // Answered here, not by rewriting to a 404 route: Next would mark that x-nextjs-cache: HIT, and the
  // pages' public Cache-Control (next.config.js) would win over a 404's.
  if (served?.isMissing(path)) return notFoundAnswer();
  const story = /^\/stories\/([^/]+)$/.exec(path);
  if (!story) return NextResponse.next();
  // A live story's address shows the live page (app/live/[slug]): next.config.js rewrites a request that
  // carries LIVE_PAGE_HEADER, which only this sets (a reader's own is dropped), so a plain story's route and
  // its JavaScript stay as they were (docs/development/routes.md).
  const headers = new Headers(request.headers);
  headers.delete(LIVE_PAGE_HEADER);
  if (served?.isLiveCoverage(story[1]!)) headers.set(LIVE_PAGE_HEADER, '1');
  const response = NextResponse.next({ request: { headers } });
  // A story page with embeds: its CSP lets in exactly the frames they need (lib/content-security-policy.js).
  const frames = served?.framesOf(story[1]!);
  if (frames?.length) response.headers.set('Content-Security-Policy', embedContentSecurityPolicy(frames));
  return response;
}

const notFoundAnswer = async () =>
  new NextResponse(await notFoundHtml(), {
    status: 404,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': NOT_FOUND_CACHE_CONTROL },
  });

/** A preview link: the plain 404 unless valid now (lib/content/read/preview.ts); its page opened to its embeds. */
async function previewAnswer(token: string, photo: boolean) {
  const preview = await getPreview(token);
  if (!preview) return notFoundAnswer();
  const response = NextResponse.next();
  if (!photo && preview.frames.length)
    response.headers.set('Content-Security-Policy', embedContentSecurityPolicy(preview.frames));
  return response;
}

export const config = {
  matcher: [
    '/(.*%.*)',
    '/stories/:path+',
    '/:kind(sections|authors|tags)/:path+',
    '/archive/:path+',
    '/sitemaps/:path+',
    '/images/:path+',
    '/preview/:path+',
    '/live/:path*',
  ],
};
