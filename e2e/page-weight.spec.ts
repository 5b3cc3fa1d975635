/**
 * What a phone downloads, pinned without timing (docs/decisions/0052): the site's stylesheet and JSON-LD once,
 * the lead photo's preload ahead of every script, card photos in the widths their slot needs, and each page
 * type's document under a byte ceiling at the seed content (measured, with a little headroom).
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { sheetsOfPage, unstyledClasses } from '@/test/support/page-sheets';
import { flightData, jsonLdTexts } from './support/document-parts';
import { discoverPages, PAGE_TYPES, type PageType } from './support/site-pages';

/**
 * Raw and gzipped bytes of each page type's HTML at the seed content: measured, plus about 3 %; the story's are the
 * issue's targets (60 KB raw, 12 KB gzipped), which it meets with 55.2 KB and 11.7 KB.
 */
const CEILINGS: Record<PageType, { raw: number; gzip: number }> = {
  front: { raw: 28_300, gzip: 7_200 },
  story: { raw: 60_000, gzip: 12_000 },
  section: { raw: 26_800, gzip: 7_000 },
  author: { raw: 26_000, gzip: 6_950 },
  tag: { raw: 26_000, gzip: 6_950 },
  archive: { raw: 27_000, gzip: 7_150 },
  search: { raw: 22_100, gzip: 6_100 },
  'not-found': { raw: 16_500, gzip: 4_850 },
};

const STORY = '/stories/putin-heads-to-pyongyang';

test('the site’s stylesheet reaches the page once: inlined in <head>, not again in the flight data', async ({
  request,
}) => {
  const html = await (await request.get(STORY)).text();
  const inlined = html.match(/<style data-stylesheet="site story">([^<]*)<\/style>/)?.[1] ?? '';
  expect(inlined.length).toBeGreaterThan(10_000);
  expect(html.indexOf('<style data-stylesheet=')).toBeLessThan(html.indexOf('</head>'));
  // A rule only the stylesheet has, counted anywhere in the document (a flight copy escapes no character of it).
  expect(html.split('.related__thumb img{').length - 1).toBe(1);
  // Nothing else is inlined by Next (the text face's rules are the stylesheet's own), so nothing in the flight data.
  expect(html).not.toMatch(/<style data-precedence/);
  expect(html.split('@font-face{').length - 1).toBe(4);
});

test('print rules come from one stylesheet every page links with media="print", after its own rules', async ({
  request,
}) => {
  const pages = await discoverPages(request);
  for (const type of PAGE_TYPES) {
    const html = await (await request.get(pages[type]!)).text();
    expect(html, type).not.toContain('@media print');
    // After the page's <style>: the print rules override the screen rules they follow.
    expect(html, type).toMatch(
      /<style data-stylesheet="[^"]*">[^<]*<\/style><link rel="stylesheet" href="\/print\.css" media="print"\/>/,
    );
  }
  const print = await request.get('/print.css');
  expect(print.headers()['content-type']).toBe('text/css; charset=utf-8');
  const css = await print.text();
  // Every sheet's print rules: the site's page margins, the story's, the blocks'.
  for (const rule of ['@page{margin:1.5cm}', '.story-body a[href^="https:"]::after', '.embed'])
    expect(css).toContain(rule);
});

test('each page type gets the sheets its markup uses, and a story none of the listings’ or a listing none of the story’s', async ({
  request,
}) => {
  const pages = await discoverPages(request);
  const expected: Record<PageType, string[]> = {
    front: ['site', 'listings'],
    story: ['site', 'story'],
    section: ['site', 'listings'],
    author: ['site', 'listings'],
    tag: ['site', 'listings'],
    archive: ['site', 'listings'],
    search: ['site', 'listings'],
    'not-found': ['site'],
  };
  for (const type of PAGE_TYPES) {
    const html = await (await request.get(pages[type]!)).text();
    expect(sheetsOfPage(html), type).toEqual(expected[type]);
    expect(unstyledClasses(html), `${type}: classes styled only in a sheet it did not get`).toEqual([]);
  }
});

test('classes the browser adds (search results, the photo dialog) are styled by the sheets their page got', async ({
  page,
  request,
}) => {
  const { search, story } = await discoverPages(request);
  await page.goto(search!);
  await expect(page.locator('.search-result').first()).toBeVisible();
  expect(unstyledClasses(await page.content()), 'search results').toEqual([]);
  await page.goto(story!);
  await page.getByRole('button', { name: 'Enlarge image' }).click();
  await expect(page.getByRole('dialog', { name: 'Enlarged image' })).toBeVisible();
  expect(unstyledClasses(await page.content()), 'the open photo dialog').toEqual([]);
});

test('structured data reaches the page once: each JSON-LD block in the HTML, none in the flight data', async ({
  request,
}) => {
  for (const [url, blocks] of [
    [STORY, ['NewsArticle', 'BreadcrumbList']],
    ['/', ['NewsMediaOrganization', 'WebSite']],
  ] as const) {
    const html = await (await request.get(url)).text();
    const texts = jsonLdTexts(html);
    const types = texts.map((text) => (JSON.parse(text) as { '@type': string })['@type']);
    expect(types, url).toEqual(blocks);
    const flight = flightData(html);
    expect(flight.length, `${url}: its flight data was found`).toBeGreaterThan(5_000);
    for (const text of texts) {
      expect(html.split(text).length - 1, `${url}: ${text.slice(0, 60)}`).toBe(1);
      // As a text row of its own (a long block) or as a string in the page's tree (a short one).
      expect(flight, url).not.toContain(text);
      expect(flight, url).not.toContain(JSON.stringify(text).slice(1, -1));
    }
    expect(flight, url).not.toContain('"@context"');
    expect(flight, url).not.toContain('schema.org');
  }
});

test('the lead photo’s preload comes before every script, with the <img>’s own srcset and sizes', async ({
  request,
}) => {
  const html = await (await request.get(STORY)).text();
  const preload = html.match(/<link rel="preload" as="image"[^>]*>/)?.[0] ?? '';
  expect(preload).toContain('fetchPriority="high"');
  expect(html.indexOf(preload)).toBeLessThan(html.indexOf('<script'));
  const img = html.match(/<figure class="photo photo--lead[\s\S]*?(<img[^>]*>)/)![1]!;
  expect(preload).toContain(`imageSrcSet="${img.match(/srcSet="([^"]*)"/)![1]}"`);
  expect(preload).toContain(`imageSizes="${img.match(/sizes="([^"]*)"/)![1]}"`);
});

test('a story card’s photo lists only the widths its slot is shown at', async ({ request }) => {
  const { section } = await discoverPages(request);
  const html = await (await request.get(section!)).text();
  const thumb = html.match(/<a [^>]*class="story-list__thumb"[^>]*><img[^>]*>/)![0];
  const widths = [...thumb.match(/srcSet="([^"]*)"/)![1]!.matchAll(/ (\d+)w/g)].map((m) => Number(m[1]));
  expect(widths).toEqual([96, 256, 384]);
});

test('each page type’s document stays under its byte ceiling at the seed content', async ({ request }) => {
  const pages = await discoverPages(request);
  for (const type of PAGE_TYPES) {
    const response = await request.get(pages[type]!);
    const body = await response.body();
    expect.soft(body.length, `${type} raw bytes`).toBeLessThanOrEqual(CEILINGS[type].raw);
    expect.soft(gzipSync(body).length, `${type} gzipped bytes`).toBeLessThanOrEqual(CEILINGS[type].gzip);
  }
});
