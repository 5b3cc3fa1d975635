import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { NextResponse, type NextRequest } from 'next/server';
import { getPreview, servedPaths } from '@/lib/content';
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
 * Before any page renders (docs/development/routes.md): 400 for undecodable percent-encoding (Next 16.4
 * answers those 500: vercel/next.js#92527); an uncached 404 for any path the served content has no page
 * for (a cached 404 would hide a story published there later); a story's CSP opened to its embeds' frames;
 * a preview link (decision 0047) that is not valid now the same 404, a valid one its story's CSP.
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
  // A photo is served only if the content uses it (from public/ or, for one published after the build, from
  // the store: app/images): any other answer for a name a photo may be published under later is not kept.
  // Answered here, not by rewriting to a 404 route: Next would mark that x-nextjs-cache: HIT, and the
  // pages' public Cache-Control (next.config.js) would win over a 404's.
  if (served?.isMissing(path)) return notFoundAnswer();
  // A story page with embeds: its CSP lets in exactly the frames they need (lib/content-security-policy.js).
  const story = served && /^\/stories\/([^/]+)$/.exec(path);
  const frames = story ? served!.framesOf(story[1]!) : undefined;
  if (frames?.length) {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', embedContentSecurityPolicy(frames));
    return response;
  }
  return NextResponse.next();
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
  ],
};
