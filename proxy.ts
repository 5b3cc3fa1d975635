import { NextResponse, type NextRequest } from 'next/server';

/**
 * Answers 400 for a path whose percent-encoding cannot be decoded (`/stories/%`, `/stories/%E0%A4%A`).
 * Next.js 16.4 throws on these while matching a dynamic route and answers 500
 * (vercel/next.js#92527); crawlers and mangled links hit them often, and a 500 reads as an outage.
 * The matcher keeps this off every ordinary request: it only runs for paths containing a `%`.
 */
export function proxy(request: NextRequest) {
  const rawPath = request.url.slice(request.nextUrl.origin.length).split('?')[0] ?? '';
  try {
    decodeURIComponent(rawPath);
  } catch {
    return new NextResponse('Bad request: the address has malformed percent-encoding.\n', {
      status: 400,
      // An error is never shared (README "Running behind the edge"), even one this certain.
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
    });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/(.*%.*)'],
};
