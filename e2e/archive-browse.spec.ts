/**
 * Browsing the archive, on the shared build of a synthetic archive of a few hundred stories
 * (e2e/support/archive-site.ts): paginated listings, the date archive, related stories, the sitemap index and
 * the feeds (search: e2e/archive-search.spec.ts). What "every story" means comes from the generator's manifest.
 */
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './support/archive-test';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { objectPosition } from '../lib/images/focal-point';
import { site as siteConfig } from '../lib/site';
import { kstYearMonth } from '../lib/time';
import { getHtml, published, storyPath } from './support/archive-pages';
import { archiveSite } from './support/archive-site';

const PAGE_SIZE = siteConfig.listings.pageSize;

/** The story links of a listing page (its list, not the masthead or the related stories). */
const listedStories = (html: string) =>
  (html.match(/<ol class="story-list">[\s\S]*?<\/ol>/g) ?? []).flatMap((list) =>
    [...list.matchAll(/<h[23]><a href="([^"]+)"/g)].map((m) => m[1]!),
  );
const nextLink = (html: string) => html.match(/<a href="([^"]+)" rel="next"/)?.[1];
const canonical = (html: string) => html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];

/** Follows a listing's "Next" links from its first page: every story it shows, page by page. */
async function walkListing(request: APIRequestContext, base: string) {
  const { url } = archiveSite();
  const pages: string[][] = [];
  let path: string | undefined = base;
  while (path) {
    const html = await getHtml(request, url + path);
    expect(canonical(html), `${path} is its own canonical`).toBe(url + path);
    const listed = listedStories(html);
    expect(listed.length, path).toBeLessThanOrEqual(PAGE_SIZE);
    pages.push(listed);
    path = nextLink(html);
    if (path) expect(path).toBe(`${base}/page/${pages.length + 1}`);
  }
  return pages;
}

test('section pages: every story reachable through the pages, none twice, newest first; 404 past the end', async ({
  request,
}) => {
  const { url } = archiveSite();
  const stories = published();
  const sections = [...new Set(stories.map((s) => s.section))];
  const seen: string[] = [];
  for (const section of sections) {
    const expected = stories.filter((s) => s.section === section).map((s) => storyPath(s.slug));
    const pages = await walkListing(request, `/sections/${section}`);
    expect(pages.length, section).toBe(Math.ceil(expected.length / PAGE_SIZE));
    expect(pages.flat(), `${section}: all its stories, in order`).toEqual(expected);
    seen.push(...pages.flat());
    expect((await request.get(`${url}/sections/${section}/page/${pages.length + 1}`)).status()).toBe(404);
  }
  expect(seen.length).toBe(stories.length);
  expect(new Set(seen).size, 'no story listed twice across sections').toBe(stories.length);

  const [section] = sections;
  const first = await request.get(`${url}/sections/${section}/page/1`, { maxRedirects: 0 });
  expect(first.status(), 'page 1 lives at the bare URL').toBe(308);
  expect(new URL(first.headers().location!, url).pathname).toBe(`/sections/${section}`);
  for (const bad of ['0', '02', 'two', '-1', '1.5', '99999']) {
    // Twice: a 404 is never cached (the proxy answers before a page renders), so a later story can take its place.
    for (let i = 0; i < 2; i++) {
      const response = await request.get(`${url}/sections/${section}/page/${bad}`);
      expect(response.status(), bad).toBe(404);
      expect(response.headers()['cache-control'], bad).toMatch(/no-store/);
      expect(response.headers()['x-nextjs-cache'], bad).toBeUndefined();
    }
  }
  for (const missing of [`/archive/1999/01/page/2`, `/tags/no-such-tag/page/2`, `/authors/nobody/page/3`]) {
    const response = await request.get(url + missing);
    expect(response.status(), missing).toBe(404);
    expect(response.headers()['cache-control'], missing).toMatch(/no-store/);
  }
  expect((await request.get(`${url}/sections/no-such-section/page/2`)).status()).toBe(404);
});

test('tag and author pages paginate the same way', async ({ request }) => {
  const stories = published();
  const busiest = (ids: (s: (typeof stories)[number]) => string[]) => {
    const counts = new Map<string, number>();
    for (const s of stories) for (const id of ids(s)) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  };
  const tag = busiest((s) => s.tags);
  const author = busiest((s) => s.authors);
  const tagged = stories.filter((s) => s.tags.includes(tag));
  expect(tagged.length, `/tags/${tag} needs more than one page for this test`).toBeGreaterThan(PAGE_SIZE);
  for (const [base, expected] of [
    [`/tags/${tag}`, tagged],
    [`/authors/${author}`, stories.filter((s) => s.authors.includes(author))],
  ] as const) {
    expect((await walkListing(request, base)).flat()).toEqual(expected.map((s) => storyPath(s.slug)));
  }
});

test('the pagination bar: numbered links, the current page marked, previous and next', async ({ page }) => {
  const { url } = archiveSite();
  const stories = published();
  const section = stories[0]!.section;
  const pageCount = Math.ceil(stories.filter((s) => s.section === section).length / PAGE_SIZE);
  expect(pageCount).toBeGreaterThanOrEqual(2);
  await page.goto(`${url}/sections/${section}/page/2`);
  await expect(page).toHaveTitle(/\(page 2\)/);
  const nav = page.getByRole('navigation', { name: 'Pagination' });
  await expect(nav.locator('[aria-current="page"]')).toHaveAccessibleName('Page 2');
  await expect(nav.getByRole('link', { name: 'Page 1', exact: true })).toHaveAttribute('href', `/sections/${section}`);
  await expect(nav.getByRole('link', { name: 'Previous page' })).toHaveAttribute('href', `/sections/${section}`);
  if (pageCount > 2)
    await expect(nav.getByRole('link', { name: 'Next page' })).toHaveAttribute('href', `/sections/${section}/page/3`);
  await expect(nav.getByRole('link', { name: `Page ${pageCount}`, exact: true })).toBeVisible();
  // Thumbnails: small, lazy, resized by the image optimizer.
  const thumb = page.locator('.story-list__thumb img').first();
  await expect(thumb).toHaveAttribute('loading', 'lazy');
  await expect(thumb).toHaveAttribute('srcset', /\/_next\/image\?/);
  await expect(thumb).toHaveAttribute('alt', '');

  // Each thumbnail is a crop centred on its photo's focal point (none: the middle).
  const listed = stories.filter((s) => s.section === section).slice(PAGE_SIZE, 2 * PAGE_SIZE);
  const positions = await page
    .locator('.story-list__thumb img')
    .evaluateAll((imgs) => imgs.map((img) => getComputedStyle(img).objectPosition));
  expect(positions).toEqual(
    listed.map((s) => (s.leadPhoto.focalPoint ? objectPosition(s.leadPhoto.focalPoint) : '50% 50%')),
  );
  expect(
    listed.some((s) => s.leadPhoto.focalPoint),
    'some photos on the page have a focal point',
  ).toBe(true);
  const fit = await thumb.evaluate((img) => [
    getComputedStyle(img).objectFit,
    img.getBoundingClientRect().width / img.getBoundingClientRect().height,
  ]);
  expect(fit[0]).toBe('cover');
  expect(fit[1]).toBeCloseTo(3 / 2, 1);
});

test('the front page shows the lead and a bounded number of the latest, and links to the archive', async ({
  request,
}) => {
  const { url } = archiveSite();
  const stories = published();
  const html = await getHtml(request, `${url}/`);
  const latest = stories.slice(1, 1 + siteConfig.listings.frontPageLatest).map((s) => storyPath(s.slug));
  expect(listedStories(html)).toEqual(latest);
  expect(html).toContain(`href="${storyPath(stories[0]!.slug)}"`);
  expect(html).not.toContain(`href="${storyPath(stories.at(-1)!.slug)}"`);
  expect(html).toContain('href="/archive"');
});

test('the date archive: years, months with counts, every story in its KST month exactly once; 404 for empty or invalid', async ({
  request,
}) => {
  const { url } = archiveSite();
  const stories = published();
  const monthOf = (s: { postedAt: string }) => {
    const { year, month } = kstYearMonth(s.postedAt);
    return `/archive/${year}/${String(month).padStart(2, '0')}`;
  };
  const index = await getHtml(request, `${url}/archive`);
  const years = [...new Set([...index.matchAll(/href="(\/archive\/\d{4})"/g)].map((m) => m[1]!))];
  const expectedYears = [...new Set(stories.map((s) => `/archive/${kstYearMonth(s.postedAt).year}`))];
  expect(years).toEqual(expectedYears);

  const seen: string[] = [];
  for (const year of years) {
    const yearHtml = await getHtml(request, url + year);
    const months = [
      ...yearHtml.matchAll(/<a href="(\/archive\/\d{4}\/\d{2})">[^<]+<\/a> <span class="archive-count">([\d,]+) stor/g),
    ];
    for (const [, month, count] of months) {
      const expected = stories.filter((s) => monthOf(s) === month).map((s) => storyPath(s.slug));
      expect(Number(count), `${month} count`).toBe(expected.length);
      const listed = (await walkListing(request, month!)).flat();
      expect(listed, month).toEqual(expected);
      seen.push(...listed);
    }
  }
  expect(seen.length).toBe(stories.length);
  expect(new Set(seen).size).toBe(stories.length);

  for (const missing of ['/archive/1999', '/archive/2024/13', '/archive/2024/6', '/archive/20x4', '/archive/1999/01']) {
    expect((await request.get(url + missing)).status(), missing).toBe(404);
  }
  expect(await getHtml(request, `${url}/`)).toMatch(/<footer[^]*href="\/archive"/);
});

test('related stories at the foot of an archive story: 3 to 5, sharing its tags or section, never itself', async ({
  page,
}) => {
  const { url } = archiveSite();
  const stories = published();
  const bySlug = new Map(stories.map((s) => [s.slug, s]));
  // Mid-archive stories, outside the prerender window; e2e/archive.spec.ts takes the oldest ones for its cache checks.
  for (const story of [stories[Math.floor(stories.length * 0.4)]!, stories[Math.floor(stories.length * 0.6)]!]) {
    await page.goto(`${url}${storyPath(story.slug)}`);
    const related = page.getByRole('complementary', { name: 'Related stories' });
    const links = await related
      .getByRole('heading')
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThanOrEqual(3);
    expect(links.length).toBeLessThanOrEqual(5);
    expect(links).not.toContain(storyPath(story.slug));
    expect(new Set(links).size).toBe(links.length);
    for (const href of links) {
      const other = bySlug.get(href.replace('/stories/', ''))!;
      const shares = other.section === story.section || other.tags.some((t) => story.tags.includes(t));
      expect(shares, `${href} shares a tag or the section with ${story.slug}`).toBe(true);
    }
    await related.getByRole('heading').getByRole('link').first().click();
    await expect(page).toHaveURL(`${url}${links[0]}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      bySlug.get(links[0]!.replace('/stories/', ''))!.headline,
    );
  }
});

test('the sitemap index lists every published story exactly once, by month, each child with lastmod and ≤ 50,000 URLs', async ({
  request,
}) => {
  const { url } = archiveSite();
  const stories = published();
  const xml = new XMLParser();
  const robots = await (await request.get(`${url}/robots.txt`)).text();
  expect([...robots.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => m[1])).toEqual([
    `${url}/sitemap.xml`,
    `${url}/news-sitemap.xml`,
  ]);

  const index = xml.parse(await getHtml(request, `${url}/sitemap.xml`));
  const children = [index.sitemapindex.sitemap].flat() as Array<{ loc: string; lastmod: string }>;
  const storyUrls: string[] = [];
  let pageUrls: string[] = [];
  for (const child of children) {
    expect(Number.isNaN(Date.parse(child.lastmod)), child.loc).toBe(false);
    const urls = [xml.parse(await getHtml(request, child.loc)).urlset.url].flat() as Array<{
      loc: string;
      lastmod: string;
    }>;
    expect(urls.length).toBeLessThanOrEqual(50_000);
    for (const u of urls) expect(Number.isNaN(Date.parse(u.lastmod)), u.loc).toBe(false);
    const locs = urls.map((u) => u.loc);
    if (child.loc.endsWith('/sitemaps/pages.xml')) pageUrls = locs;
    else {
      expect(child.loc).toMatch(/\/sitemaps\/\d{4}-\d{2}\.xml$/);
      const month = child.loc.match(/(\d{4})-(\d{2})\.xml$/)!;
      for (const loc of locs) {
        const story = stories.find((s) => `${url}${storyPath(s.slug)}` === loc)!;
        const { year, month: m } = kstYearMonth(story.postedAt);
        expect([year, m], loc).toEqual([Number(month[1]), Number(month[2])]);
      }
      storyUrls.push(...locs);
    }
  }
  expect(storyUrls.sort()).toEqual(stories.map((s) => `${url}${storyPath(s.slug)}`).sort());
  expect(pageUrls).toEqual(
    expect.arrayContaining([`${url}/`, `${url}/archive`, `${url}/sections/${stories[0]!.section}`]),
  );
  expect(pageUrls.some((u) => u.includes('/stories/'))).toBe(false);
});

test('feeds carry the latest 50 stories, the site-wide one and each section’s', async ({ request }) => {
  const { url } = archiveSite();
  const stories = published();
  const parser = new Parser();
  const site = await parser.parseString(await getHtml(request, `${url}/feed.xml`));
  expect(site.items.map((i) => i.link)).toEqual(stories.slice(0, 50).map((s) => `${url}${storyPath(s.slug)}`));
  const section = stories[0]!.section;
  const feed = await parser.parseString(await getHtml(request, `${url}/sections/${section}/feed.xml`));
  const inSection = stories.filter((s) => s.section === section);
  expect(feed.items.map((i) => i.link)).toEqual(inSection.slice(0, 50).map((s) => `${url}${storyPath(s.slug)}`));
});

test('a numbered listing page, a month of the archive and search results have no WCAG 2.2 AA violations', async ({
  page,
}) => {
  // Four full axe runs over long listing pages: 26–31 s on this 2-core machine, past the default 30 s.
  test.setTimeout(90_000);
  const { url } = archiveSite();
  const story = published()[0]!;
  const { year, month } = kstYearMonth(story.postedAt);
  for (const path of [
    `/sections/${story.section}/page/2`,
    `/archive/${year}/${String(month).padStart(2, '0')}`,
    '/archive',
    `/search?q=${encodeURIComponent(story.headline)}`,
  ]) {
    await page.goto(url + path);
    if (path.startsWith('/search')) await expect(page.locator('.search-result').first()).toBeVisible();
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`),
      path,
    ).toEqual([]);
  }
});
