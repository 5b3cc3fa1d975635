/**
 * Browsing and searching the archive, on the shared production build of a synthetic archive of a few hundred
 * stories (e2e/support/archive-site.ts): paginated listings, the date archive, related stories, search in the
 * browser, the sitemap index and the feeds. What "every story" means comes from the generator's manifest.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { objectPosition } from '../lib/images/focal-point';
import { site as siteConfig } from '../lib/site';
import { kstYearMonth } from '../lib/time';
import { archiveSite } from './support/archive-site';

const PAGE_SIZE = siteConfig.listings.pageSize;

function published() {
  const now = Date.now();
  return archiveSite().manifest.stories.filter((s) => !s.draft && !(s.publishAt && Date.parse(s.publishAt) > now));
}
const storyPath = (slug: string) => `/stories/${slug}`;

/** The story links of a listing page (its list, not the masthead or the related stories). */
const listedStories = (html: string) =>
  [...html.matchAll(/<h[23] class="story-list__headline"><a href="([^"]+)"/g)].map((m) => m[1]!);
const nextLink = (html: string) => html.match(/<a href="([^"]+)" rel="next"/)?.[1];
const canonical = (html: string) => html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];

async function getHtml(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status(), url).toBe(200);
  return response.text();
}

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

test('search: from the masthead box, find an archive story, filter by section, follow it; no results says what to do', async ({
  page,
}) => {
  const { url } = archiveSite();
  const stories = published();
  // A story far outside the prerender window (not the oldest: e2e/archive.spec.ts takes those), with a headline
  // no other story has.
  const headlineCount = new Map<string, number>();
  for (const s of stories) headlineCount.set(s.headline, (headlineCount.get(s.headline) ?? 0) + 1);
  const story = stories.slice(Math.floor(stories.length / 2)).find((s) => headlineCount.get(s.headline) === 1)!;
  expect(story).toBeDefined();

  const pagefindBytes: number[] = [];
  page.on('response', async (response) => {
    if (response.url().includes('/pagefind/'))
      pagefindBytes.push(
        await response.body().then(
          (b) => b.length,
          () => 0,
        ),
      );
  });
  await page.goto(`${url}/`);
  const box = page.getByRole('search').first().getByRole('searchbox');
  await box.fill(story.headline);
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);
  expect(new URL(page.url()).searchParams.get('q')).toBe(story.headline);
  const main = page.getByRole('main');
  await expect(main.getByRole('searchbox', { name: 'Search stories' })).toHaveValue(story.headline);
  const result = main.getByRole('link', { name: story.headline, exact: true });
  await expect(result).toHaveAttribute('href', storyPath(story.slug));
  // Its whole headline finds it first.
  await expect(main.locator('.search-result').first().getByRole('link')).toHaveAttribute('href', storyPath(story.slug));
  await expect(main.getByRole('status')).toContainText(/\d+ stor(y matches|ies match)/);
  // Its date (KST) and section are shown with it.
  const item = main
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: story.headline, exact: true }) });
  await expect(item.locator('time')).toHaveAttribute('datetime', story.postedAt);

  // The section filter: another section leaves the story out, its own keeps it.
  const section = main.getByRole('combobox', { name: 'Section' });
  const sectionName = (await item.locator('.search-result__meta').innerText()).split(' · ')[0]!;
  const other = (await section.locator('option').allInnerTexts()).find(
    (o) => o !== sectionName && o !== 'All sections',
  )!;
  await section.selectOption(other);
  await expect(main.getByRole('status')).toContainText(other);
  await expect(result).toHaveCount(0);
  for (const meta of await main.locator('.search-result__meta').allInnerTexts())
    expect(meta.startsWith(`${other} ·`)).toBe(true);
  await section.selectOption(sectionName);
  await expect(result).toBeVisible();
  expect(new URL(page.url()).searchParams.get('section'), 'the address keeps the filter').toBe(sectionName);

  await result.click();
  await expect(page).toHaveURL(`${url}${storyPath(story.slug)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.headline);
  console.log(
    `search transferred ${pagefindBytes.reduce((a, b) => a + b, 0)} bytes of Pagefind files (script, wasm, index chunks)`,
  );

  // The whole headline typed at once into the search page's own box (no delay between keys): one search, the
  // story first (the index is cut in small chunks, scripts/operators/search-index.ts; docs/decisions/0013).
  await page.goto(`${url}/search`);
  await page.getByRole('main').getByRole('searchbox', { name: 'Search stories' }).focus();
  await page.keyboard.type(story.headline);
  await expect(page.getByRole('main').locator('.search-result').first().getByRole('link')).toHaveAttribute(
    'href',
    storyPath(story.slug),
  );

  // A broad query: ten results at a time, more on request.
  await page.goto(`${url}/search?q=${encodeURIComponent(sectionName)}`);
  const results = page.getByRole('main').locator('.search-result');
  await expect(results).toHaveCount(10);
  await page.getByRole('button', { name: 'Show more results' }).press('Enter');
  await expect(results).toHaveCount(20);
  // Focus moves to the first added result (the button may be gone), so a keyboard reader reads on from there.
  await expect(results.nth(10).getByRole('link')).toBeFocused();

  // A section chosen while a typed search still waits (250 ms) stands: the typed one does not undo it.
  await page.getByRole('main').getByRole('searchbox', { name: 'Search stories' }).fill(`${sectionName} news`);
  await page.getByRole('main').getByRole('combobox', { name: 'Section' }).selectOption(other);
  await page.waitForTimeout(600); // past the typing delay: what would undo it has had its chance
  expect(new URL(page.url()).searchParams.get('section')).toBe(other);
  await expect(page.getByRole('main').getByRole('status')).toContainText(`in ${other}`);

  await page.goto(`${url}/search?q=qzxjvv`);
  await expect(page.getByRole('main').getByRole('status')).toContainText('No stories match “qzxjvv”');
  await expect(page.getByRole('main').getByRole('status').getByRole('link', { name: 'the archive' })).toHaveAttribute(
    'href',
    '/archive',
  );
});

test('without JavaScript the search page says search needs it and links to the archive', async ({ request }) => {
  // Read from the served HTML: Chromium with scripts off in Playwright still parses <noscript> as if scripting were on.
  const { url } = archiveSite();
  const html = await getHtml(request, `${url}/search?q=seoul`);
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  expect(main).toMatch(/<noscript><p>[^<]*needs JavaScript[^]*?<a href="\/archive">the archive<\/a>[^]*?<\/noscript>/);
  expect(main, 'no form that could not work').not.toContain('<form');
});

test('pages other than search ship no search code', async ({ request }) => {
  const { url } = archiveSite();
  for (const path of ['/', storyPath(published()[0]!.slug), `/sections/${published()[0]!.section}`, '/archive']) {
    const html = await getHtml(request, url + path);
    expect(html, path).not.toContain('pagefind');
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
