/**
 * The site as crawlers, link previews and feed readers see it: raw HTML fetched with `request` and
 * parsed by the browser with scripts off, images read from their bytes, feeds and sitemaps parsed by
 * real parsers, and every URL they name requested.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import sharp from 'sharp';
import { getStory, type Story } from '../lib/content';

test.use({ javaScriptEnabled: false });

const SLUG = 'putin-heads-to-pyongyang';

async function seed(): Promise<Story> {
  const story = await getStory(SLUG);
  if (!story) throw new Error('seed story missing');
  return story;
}

/** Loads a page's served HTML into the browser as a document, the way a crawler reads it. */
async function crawl(page: Page, request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  await page.setContent(await response.text(), { waitUntil: 'domcontentloaded' });
}

const meta = (page: Page, key: string) =>
  page
    .locator(`head meta[property="${key}"], head meta[name="${key}"]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('content')));

const jsonLd = (page: Page) =>
  page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((els) => els.map((e) => JSON.parse(e.textContent ?? '')));

async function expect200(request: APIRequestContext, url: string, type?: RegExp) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  if (type) expect(response.headers()['content-type'], url).toMatch(type);
  return response;
}

test('a story page carries full metadata for search and link previews', async ({ page, request, baseURL }) => {
  const story = await seed();
  const url = `${baseURL}/stories/${SLUG}`;
  await crawl(page, request, url);

  await expect(page).toHaveTitle(`${story.headline} | Aju Press`);
  expect(await meta(page, 'description')).toEqual([story.summary]);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', url);
  expect(await meta(page, 'og:type')).toEqual(['article']);
  expect(await meta(page, 'og:url')).toEqual([url]);
  expect(await meta(page, 'og:site_name')).toEqual(['Aju Press']);
  expect(await meta(page, 'og:locale')).toEqual(['en_US']);
  expect(await meta(page, 'og:title')).toEqual([story.headline]);
  expect(await meta(page, 'og:description')).toEqual([story.summary]);
  expect(await meta(page, 'article:published_time')).toEqual(['2024-06-18T08:25:00+09:00']);
  expect(await meta(page, 'article:modified_time')).toEqual(['2024-06-18T17:17:00+09:00']);
  expect(await meta(page, 'article:author')).toEqual([`${baseURL}/authors/park-ung`]);
  expect(await meta(page, 'article:section')).toEqual(['North Korea']);
  expect(await meta(page, 'article:tag')).toEqual(story.tags.map((t) => t.name));
  expect(await meta(page, 'og:image:width')).toEqual(['1200']);
  expect(await meta(page, 'og:image:height')).toEqual(['630']);
  expect(await meta(page, 'og:image:type')).toEqual(['image/png']);
  const [alt] = await meta(page, 'og:image:alt');
  expect(alt).toMatch(/story card/i);
  expect(await meta(page, 'twitter:card')).toEqual(['summary_large_image']);
  expect(await meta(page, 'twitter:title')).toEqual([story.headline]);
  expect(await meta(page, 'twitter:image:alt')).toEqual([alt]);
  const [ogImage] = await meta(page, 'og:image');
  expect(await meta(page, 'twitter:image')).toEqual([ogImage]);

  // Every URL crawlers and previews read is absolute, on the configured origin.
  const urls = await page
    .locator(
      'head link[rel="canonical"], head link[rel="alternate"], head link[rel="author"], head meta[property="og:url"], head meta[property="og:image"], head meta[property="article:author"], head meta[name="twitter:image"]',
    )
    .evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('content') ?? ''));
  expect(urls.length).toBeGreaterThanOrEqual(8);
  for (const u of urls) expect(u, u).toMatch(new RegExp(`^${baseURL}/`));
});

test('the card, fetched through og:image, is a 1200×630 PNG with a picture on it', async ({
  page,
  request,
  baseURL,
}) => {
  await crawl(page, request, `${baseURL}/stories/${SLUG}`);
  const [ogImage] = await meta(page, 'og:image');
  const response = await expect200(request, ogImage!, /^image\/png/);
  const png = await response.body();
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  const { channels } = await sharp(png).stats();
  for (const c of channels.slice(0, 3)) expect(c.stdev).toBeGreaterThan(20);
});

test("an unknown story's card is a 404", async ({ request }) => {
  expect((await request.get('/stories/no-such-story/opengraph-image')).status()).toBe(404);
});

test('structured data: NewsArticle and BreadcrumbList match the story, images in three crops', async ({
  page,
  request,
  baseURL,
}) => {
  const story = await seed();
  const url = `${baseURL}/stories/${SLUG}`;
  await crawl(page, request, url);
  const blocks = await jsonLd(page);
  const article = blocks.find((b) => b['@type'] === 'NewsArticle');
  expect(article).toMatchObject({
    '@context': 'https://schema.org',
    headline: story.headline,
    description: story.summary,
    datePublished: '2024-06-18T08:25:00+09:00',
    dateModified: '2024-06-18T17:17:00+09:00',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    author: [{ '@type': 'Person', name: 'Park Ung', url: `${baseURL}/authors/park-ung` }],
    publisher: { '@type': 'NewsMediaOrganization', name: 'Aju Press', logo: { url: `${baseURL}/logo.png` } },
    articleSection: 'North Korea',
    keywords: story.tags.map((t) => t.name),
    inLanguage: 'en',
  });
  expect(article.correction).toBeUndefined();
  const ratios: Record<string, number> = { '16x9': 16 / 9, '4x3': 4 / 3, '1x1': 1 };
  expect(article.image).toHaveLength(3);
  for (const image of article.image as string[]) {
    const ratio = ratios[image.split('/').pop()!]!;
    const { width, height } = await sharp(await (await expect200(request, image, /^image\/jpeg/)).body()).metadata();
    expect(width).toBeGreaterThanOrEqual(1200);
    expect(width! / height!).toBeCloseTo(ratio, 2);
  }
  await expect200(request, article.publisher.logo.url, /^image\/png/);

  const breadcrumb = blocks.find((b) => b['@type'] === 'BreadcrumbList');
  expect(breadcrumb.itemListElement.map((i: { name: string; item: string }) => [i.name, i.item])).toEqual([
    ['Aju Press', `${baseURL}/`],
    ['North Korea', `${baseURL}/sections/north-korea`],
    [story.headline, url],
  ]);
  // The script holds JSON with every "<" escaped, so no content could close it.
  const raw = await (await request.get(url)).text();
  for (const [, body] of raw.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs))
    expect(body).not.toContain('<');
});

test('the front page describes the organization and the website', async ({ page, request, baseURL }) => {
  await crawl(page, request, `${baseURL}/`);
  const blocks = await jsonLd(page);
  expect(blocks).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ '@type': 'NewsMediaOrganization', name: 'Aju Press', url: `${baseURL}/` }),
      expect.objectContaining({ '@type': 'WebSite', name: 'Aju Press', url: `${baseURL}/`, inLanguage: 'en' }),
    ]),
  );
  await expect(page).toHaveTitle('Aju Press');
  // Next writes the root's canonical without the trailing slash: the same URL.
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`^${baseURL}/?$`));
});

test('byline, kicker and tags lead to author, section and tag pages with their own metadata', async ({
  page,
  request,
  baseURL,
}) => {
  const story = await seed();
  await crawl(page, request, `${baseURL}/stories/${SLUG}`);
  const targets = [
    {
      link: page.locator('.story-header .byline a'),
      name: 'Park Ung',
      path: '/authors/park-ung',
      intro: 'Park Ung is a reporter for Aju Press.',
    },
    {
      link: page.locator('.story-header .kicker a'),
      name: 'North Korea',
      path: '/sections/north-korea',
      intro: story.section.description,
    },
    ...story.tags.map((t) => ({
      link: page.locator(`.topics a[rel="tag"][href="/tags/${t.id}"]`),
      name: t.name,
      path: `/tags/${t.id}`,
      intro: null,
    })),
  ];
  const found: Array<{ href: string; name: string; intro: string | null }> = [];
  for (const t of targets) {
    await expect(t.link).toHaveAttribute('href', t.path);
    found.push({ href: t.path, name: t.name, intro: t.intro });
  }
  for (const t of found) {
    await crawl(page, request, `${baseURL}${t.href}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.name);
    await expect(page).toHaveTitle(`${t.name} | Aju Press`);
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}${t.href}`);
    expect((await meta(page, 'description'))[0]).toBeTruthy();
    if (t.intro) expect(await meta(page, 'description')).toEqual([t.intro]);
    await expect(page.getByRole('link', { name: story.headline })).toHaveAttribute('href', story.path);
  }
  for (const missing of ['/authors/nobody', '/sections/nowhere', '/tags/nothing']) {
    expect((await request.get(missing)).status(), missing).toBe(404);
  }
});

test('every page advertises the RSS feed', async ({ page, request, baseURL }) => {
  for (const p of ['/', `/stories/${SLUG}`, '/sections/north-korea', '/authors/park-ung', '/tags/russia']) {
    await crawl(page, request, `${baseURL}${p}`);
    const feeds = await page
      .locator('head link[rel="alternate"][type="application/rss+xml"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(feeds, p).toContain(`${baseURL}/feed.xml`);
  }
  const notFound = await request.get('/no-such-page');
  expect(notFound.status()).toBe(404);
  expect(await notFound.text()).toMatch(/<link rel="alternate" type="application\/rss\+xml" href="[^"]*\/feed\.xml"/);
});

test('every indexable page lets search show large image previews and full snippets; the 404 stays out of the index', async ({
  page,
  request,
  baseURL,
}) => {
  const story = `/stories/${SLUG}`;
  const storyHtml = await (await request.get(story)).text();
  const section = storyHtml.match(/href="(\/sections\/[^"/?#]+)"/)![1]!;
  const author = storyHtml.match(/href="(\/authors\/[^"/?#]+)"/)![1]!;
  const tag = storyHtml.match(/href="(\/tags\/[^"/?#]+)"/)![1]!;
  for (const p of [story, '/', section, author, tag]) {
    await crawl(page, request, `${baseURL}${p}`);
    const robots = page.locator('meta[name="robots"]');
    await expect(robots, p).toHaveCount(1);
    const directives = (await robots.getAttribute('content'))!
      .split(',')
      .map((d) => d.trim())
      .sort();
    expect(directives, p).toEqual([
      'follow',
      'index',
      'max-image-preview:large',
      'max-snippet:-1',
      'max-video-preview:-1',
    ]);
    // No crawler-specific tag that could say otherwise.
    await expect(page.locator('meta[name="googlebot"]'), p).toHaveCount(0);
  }
  const missing = await request.get('/this-page-does-not-exist');
  expect(missing.status()).toBe(404);
  await page.setContent(await missing.text(), { waitUntil: 'domcontentloaded' });
  // Next adds its own noindex to a 404 beside the page's: every one must say noindex, none the site's directives.
  const contents = await page
    .locator('meta[name="robots"]')
    .evaluateAll((metas) => metas.map((m) => m.getAttribute('content') ?? ''));
  expect(contents.length).toBeGreaterThan(0);
  for (const content of contents) {
    expect(content).toMatch(/noindex/);
    expect(content).not.toMatch(/max-image-preview/);
  }
});

test('the RSS feed parses, carries each field, and its links resolve', async ({ request, baseURL }) => {
  const story = await seed();
  const response = await expect200(request, '/feed.xml', /^application\/rss\+xml/);
  const feed = await new Parser().parseString(await response.text());
  expect(feed.title).toBe('Aju Press');
  expect(feed.link).toBe(`${baseURL}/`);
  const item = feed.items.find((i) => i.link === `${baseURL}/stories/${SLUG}`);
  expect(item).toBeDefined();
  expect(item).toMatchObject({
    title: story.headline,
    guid: `${baseURL}/stories/${SLUG}`,
    content: story.summary,
    enclosure: { url: `${baseURL}${story.leadPhoto.src}`, type: 'image/jpeg' },
  });
  expect(item!.author ?? item!.creator).toBe('Park Ung');
  // Categories carry their page as domain="…": the parser gives { _: name, $: { domain } }.
  const categories = (item!.categories as unknown as Array<{ _: string; $: { domain: string } }>).map((c) => [
    c._,
    c.$.domain,
  ]);
  expect(categories).toEqual([
    ['North Korea', `${baseURL}/sections/north-korea`],
    ...story.tags.map((t) => [t.name, `${baseURL}/tags/${t.id}`]),
  ]);
  for (const [, domain] of categories) await expect200(request, domain!);
  expect(new Date(item!.pubDate!).toISOString()).toBe(new Date(story.postedAt).toISOString());
  expect(Number(item!.enclosure!.length)).toBeGreaterThan(0);
  for (const link of [feed.link!, item!.link!, item!.enclosure!.url]) await expect200(request, link);

  const section = await new Parser().parseString(
    await (await expect200(request, '/sections/north-korea/feed.xml')).text(),
  );
  expect(section.items.map((i) => i.link)).toContain(`${baseURL}/stories/${SLUG}`);
});

test('robots.txt names the sitemap index and the news sitemap; every URL they lead to answers 200', async ({
  request,
  baseURL,
}) => {
  const robots = await (await expect200(request, '/robots.txt')).text();
  const sitemaps = [...robots.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => m[1]!);
  expect(sitemaps).toEqual([`${baseURL}/sitemap.xml`, `${baseURL}/news-sitemap.xml`]);

  const xml = new XMLParser({ ignoreAttributes: false });
  const index = xml.parse(await (await expect200(request, sitemaps[0]!, /xml/)).text());
  const children = [index.sitemapindex.sitemap].flat() as Array<{ loc: string; lastmod: string }>;
  expect(children.map((c) => c.loc)).toEqual([`${baseURL}/sitemaps/pages.xml`, `${baseURL}/sitemaps/2024-06.xml`]);
  const entries: Array<{ loc: string; lastmod: string }> = [];
  for (const child of children) {
    expect(Number.isNaN(Date.parse(child.lastmod)), child.loc).toBe(false);
    const urlset = xml.parse(await (await expect200(request, child.loc, /xml/)).text()).urlset;
    entries.push(...([urlset.url].flat() as Array<{ loc: string; lastmod: string }>));
  }
  expect(entries.map((e) => e.loc)).toEqual(
    expect.arrayContaining([
      `${baseURL}/`,
      `${baseURL}/stories/${SLUG}`,
      `${baseURL}/authors/park-ung`,
      `${baseURL}/archive/2024/06`,
    ]),
  );
  for (const entry of entries) {
    expect(Number.isNaN(Date.parse(entry.lastmod)), entry.loc).toBe(false);
    await expect200(request, entry.loc);
  }
  expect((await request.get('/sitemaps/1999-01.xml')).status()).toBe(404);
  const news = xml.parse(await (await expect200(request, sitemaps[1]!, /xml/)).text());
  expect(news.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
  // Google's two-day rule on today's clock: the seed story (2024) is outside it, so the news sitemap lists exactly
  // the stories posted in the last two days — none today. Inclusion is unit-tested with a fixed clock.
  const newsEntries = [news.urlset.url ?? []].flat() as Array<{ loc: string }>;
  const twoDaysAgo = Date.now() - 2 * 24 * 3600 * 1000;
  const recent = Date.parse((await seed()).postedAt) >= twoDaysAgo ? [`${baseURL}/stories/${SLUG}`] : [];
  expect(newsEntries.map((e) => e.loc)).toEqual(recent);
  for (const entry of newsEntries) await expect200(request, entry.loc);
});

test("the card's code stays out of the browser's JavaScript", async () => {
  const dir = path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'static');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js'));
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    const js = await readFile(path.join(dir, f), 'utf8');
    for (const marker of ['satori', 'resvg', 'expo-google-fonts', 'subset-font'])
      expect(js, `${f} contains ${marker}`).not.toContain(marker);
  }
});
