/**
 * The Content-Security-Policy, in one plain module both next.config.js (every page) and proxy.ts (a story
 * page with an embed) read. docs/operations/headers.md explains every value.
 */

/** For prerendered pages: why 'unsafe-inline', docs/decisions/0001-csp-unsafe-inline.md. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  // Framework and page chunks from /_next/static, plus Next's inline RSC payload scripts.
  "script-src 'self' 'unsafe-inline'",
  // The stylesheet is inlined in <head> (app/stylesheet.ts; decision 0052), and next/image sets a style attribute.
  "style-src 'self' 'unsafe-inline'",
  // Photos (originals and /_next/image resizes) are served by this site only.
  "img-src 'self'",
  "font-src 'self'",
  // Client navigations and prefetches fetch RSC payloads from this site.
  "connect-src 'self'",
  "manifest-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  // The masthead's search box is a plain GET form to /search.
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The search page alone runs WebAssembly: Pagefind's query engine is a wasm module, and compiling one needs
 * 'wasm-unsafe-eval' (it allows WebAssembly compilation only, not JavaScript eval). Everything else as above.
 */
export const searchContentSecurityPolicy = contentSecurityPolicy.replace(
  "script-src 'self' 'unsafe-inline'",
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
);

/**
 * A story page with embedded posts (docs/decisions/0041): frames from exactly the providers' player origins
 * its embeds need (lib/content/model/embeds.ts), and nothing else changed. The frames load only when the reader asks.
 * @param {readonly string[]} frameOrigins
 */
export function embedContentSecurityPolicy(frameOrigins) {
  if (frameOrigins.length === 0) return contentSecurityPolicy;
  return contentSecurityPolicy.replace("frame-src 'none'", `frame-src ${frameOrigins.join(' ')}`);
}
