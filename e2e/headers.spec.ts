import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import {
  CACHE_CONTROL,
  CONTENT_SECURITY_POLICY,
  SEARCH_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
} from './support/promised-headers';
import { discoverPages, PAGE_TYPES } from './support/site-pages';

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  const search = new URL(response.url()).pathname === '/search';
  for (const [key, value] of Object.entries(SECURITY_HEADERS)) expect(headers[key], key).toBe(value);
  // The search page's own CSP differs by one source (checked below).
  expect(headers['content-security-policy']).toBe(search ? SEARCH_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
  expect(headers['x-powered-by']).toBeUndefined();
}

/** Every page type's URL, failing (not skipping) when the site no longer links to one. */
async function everyPageType(request: APIRequestContext) {
  const pages = await discoverPages(request);
  return PAGE_TYPES.map((type) => {
    const url = pages[type];
    expect(url, `no ${type} page found from the front page`).toBeTruthy();
    return { type, url: url! };
  });
}

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );

test('the Content-Security-Policy is strict where a prerendered page allows it', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  // The masthead's search box is a GET form to /search.
  expect(csp.get('form-action')).toEqual(["'self'"]);
  // Nothing from other origins, no eval, no data: or blob: URLs.
  for (const [name, sources] of csp) {
    for (const source of sources) expect(source, `${name} ${source}`).toMatch(/^'(self|none|unsafe-inline)'$/);
  }
  expect(csp.get('img-src')).toEqual(["'self'"]);
});

test("the search page's CSP adds WebAssembly compilation for Pagefind, and nothing else", () => {
  const search = directives(SEARCH_CONTENT_SECURITY_POLICY);
  const base = directives(CONTENT_SECURITY_POLICY);
  expect(search.get('script-src')).toEqual([...base.get('script-src')!, "'wasm-unsafe-eval'"]);
  search.delete('script-src');
  base.delete('script-src');
  expect(search).toEqual(base);
});

test('pages carry every security header, CDN caching and no X-Powered-By', async ({ request }) => {
  for (const { type, url } of await everyPageType(request)) {
    const response = await request.get(url);
    expectSecurityHeaders(response);
    const cacheControl = response.headers()['cache-control'];
    if (type === 'not-found') {
      // A missing page must not stick in the CDN: the story may be published a minute later.
      expect(response.status()).toBe(404);
      expect(cacheControl).toBe(CACHE_CONTROL.notFound);
    } else {
      expect(response.status(), url).toBe(200);
      // What server.js really sends for a prerendered page: ours, not Next's year-long default.
      expect(cacheControl, url).toBe(CACHE_CONTROL.page);
    }
  }
});

test('what a flight request gets is never shareable: not the 307 to ?_rsc, not the payload', async ({ request }) => {
  const { story } = await discoverPages(request);
  // Next 16 answers a flight request without the right _rsc parameter with a 307 to it; before next.config.js
  // said otherwise that redirect went out public, with no Vary, and one request poisoned the page at a CDN.
  const redirect = await request.get(story!, { headers: { RSC: '1' }, maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()['location']).toContain('_rsc');
  expect(redirect.headers()['cache-control']).toBe(CACHE_CONTROL.notThePage);
  const payload = await request.get(redirect.headers()['location']!, { headers: { RSC: '1' }, maxRedirects: 0 });
  expect(payload.status()).toBe(200);
  expect(payload.headers()['content-type']).toContain('text/x-component');
  expect(payload.headers()['cache-control']).toBe(CACHE_CONTROL.notThePage);
  expectSecurityHeaders(payload);
  const routerHeaders: Record<string, string>[] = [
    { 'Next-Router-Prefetch': '1' },
    { 'Next-Router-State-Tree': '%5B%22%22%5D' },
    { 'Next-Router-Segment-Prefetch': '/_tree' },
  ];
  for (const headers of routerHeaders) {
    const response = await request.get(story!, { headers, maxRedirects: 0 });
    expect(response.headers()['cache-control'], JSON.stringify(headers)).toBe(CACHE_CONTROL.notThePage);
  }
  const query = await request.get(`${story}?_rsc=abc`, { maxRedirects: 0 });
  expect(query.headers()['cache-control']).toBe(CACHE_CONTROL.notThePage);
  // The plain request for the same URL is still the shareable page.
  expect((await request.get(story!)).headers()['cache-control']).toBe(CACHE_CONTROL.page);
});

test('errors are never shareable: a malformed address answers 400, private', async ({ request }) => {
  const response = await request.get('/stories/%E0%A4%A');
  expect(response.status()).toBe(400);
  expect(response.headers()['cache-control']).toBe(CACHE_CONTROL.notThePage);
});

test('static assets are long-lived: hashed chunks and fonts immutable, photos a year at the CDN', async ({
  request,
}) => {
  const { story } = await discoverPages(request);
  const html = await (await request.get(story!)).text();
  const chunk = html.match(/src="(\/_next\/static\/chunks\/[^"]+\.js)"/)![1]!;
  // The text face, as the inlined @font-face rule names it (its file name carries its hash).
  const font = html.match(/url\((\/fonts\/[^)]+\.[0-9a-f]{12}\.woff2)\)/)![1]!;
  for (const asset of [chunk, font]) {
    const response = await request.get(asset);
    expect(response.status(), asset).toBe(200);
    expect(response.headers()['cache-control'], asset).toBe(CACHE_CONTROL.immutable);
    expectSecurityHeaders(response);
  }

  const photo = html.match(/<img[^>]*srcSet="[^"]*"[^>]*>/)![0];
  const original = decodeURIComponent(photo.match(/url=([^&"]+)/)![1]!);
  const originalResponse = await request.get(original);
  expect(originalResponse.status()).toBe(200);
  expect(originalResponse.headers()['cache-control']).toBe(CACHE_CONTROL.publicFile);

  // The print rules every page links: the same file for all, refreshed by a deploy, a day in browsers.
  const print = await request.get(html.match(/<link rel="stylesheet" href="([^"]+)" media="print"/)![1]!);
  expect(print.status()).toBe(200);
  expect(print.headers()['cache-control']).toBe(CACHE_CONTROL.publicFile);
  expectSecurityHeaders(print);

  const resized = photo.match(/src="([^"]+)"/)![1]!.replaceAll('&amp;', '&');
  const resizedResponse = await request.get(resized);
  expect(resizedResponse.status()).toBe(200);
  expect(resizedResponse.headers()['content-type']).toMatch(/^image\//);
  expect(resizedResponse.headers()['cache-control']).toBe(CACHE_CONTROL.resizedPhoto);
});

test('the story’s Open Graph image is long-lived at the CDN', async ({ request }) => {
  const { story } = await discoverPages(request);
  const html = await (await request.get(story!)).text();
  const ogImage = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
  expect(ogImage, 'the story page names its og:image').toBeTruthy();
  const url = new URL(ogImage!);
  const response = await request.get(url.pathname + url.search);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(response.headers()['cache-control']).toBe(CACHE_CONTROL.ogImage);
  expect(response.headers()['cache-control']).toMatch(/s-maxage=31536000/);
});

test('the lead photo’s crops for structured data are cached like the card', async ({ request }) => {
  const { story } = await discoverPages(request);
  const html = await (await request.get(story!)).text();
  const crops = [...html.matchAll(/"(https?:[^"]*\/images\/[^"/]+)"/g)]
    .map((m) => new URL(m[1]!))
    .filter((u) => u.pathname.startsWith(`${story}/images/`));
  // The crops are named in the JSON-LD, and only there (decision 0052).
  expect(crops.map((c) => c.pathname.split('/').pop())).toEqual(expect.arrayContaining(['16x9', '4x3', '1x1']));
  for (const crop of crops) {
    const response = await request.get(crop.pathname);
    expect(response.status(), crop.pathname).toBe(200);
    expect(response.headers()['content-type']).toBe('image/jpeg');
    expect(response.headers()['cache-control']).toBe(CACHE_CONTROL.ogImage);
    expectSecurityHeaders(response);
  }
});

test('no page breaks its own Content-Security-Policy', async ({ page, request }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content-Security-Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  for (const { type, url } of await everyPageType(request)) {
    const response = await page.goto(url);
    expect(response?.headers()['content-security-policy']).toBe(
      type === 'search' ? SEARCH_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
    );
    await page.waitForLoadState('networkidle');
    if (type === 'search') {
      // Pagefind's script, its WebAssembly and index chunks all ran under this policy: results are shown.
      await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
    }
    if (type === 'story') {
      // Hydration ran (the control became a button) and the dialog loads the original photo.
      await page.getByRole('button', { name: 'Enlarge image' }).click();
      await expect(page.getByRole('dialog').getByRole('img')).toBeVisible();
      // The box shows before the 2400 px original arrives: wait for the decoded image, not just its box.
      await expect
        .poll(() =>
          page
            .getByRole('dialog')
            .getByRole('img')
            .evaluate((img: HTMLImageElement) => img.naturalWidth),
        )
        .toBeGreaterThan(0);
    }
  }
  expect(violations).toEqual([]);
});
