/**
 * The seed story's body outside the blocks themselves (e2e/archive-story-blocks.spec.ts has those): the first
 * screen of a phone, the true italic fetched only where italic text is, the body in RSS and JSON-LD, and axe
 * with its best-practice and experimental rules on story, search and archive pages.
 */
import AxeBuilder from '@axe-core/playwright';
import { XMLParser } from 'fast-xml-parser';
import { expect, test } from '@playwright/test';

const STORY = '/stories/putin-heads-to-pyongyang';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const STRICT_AXE = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'];

test('on a 390×844 phone the share control is one compact row and the top 150 px of the lead photo are on the first screen, unmoved', async ({
  browser,
}) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) w.shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(STORY, { waitUntil: 'networkidle' });
  const share = page.locator('.story-header').getByRole('group', { name: 'Share this story' });
  await expect(share.getByRole('button', { name: 'Copy link' })).toBeVisible();
  const controls = share.locator('a, button:visible');
  const tops = await controls.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
  expect(tops.length).toBeGreaterThanOrEqual(2);
  expect(new Set(tops).size, 'one row').toBe(1);
  const shareBox = (await share.boundingBox())!;
  expect(shareBox.height).toBeLessThanOrEqual(48);
  // The link down to the network links is there, and the row never widens the page.
  await expect(share.getByRole('link')).toHaveAttribute('href', '#share');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const photo = (await page.locator('figure.photo--lead img').boundingBox())!;
  expect(photo.y + 150).toBeLessThanOrEqual(844);
  expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
  await context.close();
});

test('emphasis and pull-quotes use the true italic, fetched only by a page with italic text and never preloaded', async ({
  page,
}) => {
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.woff2')) fonts.push(r.url());
  });
  /** The italic cut's address, from the page's own @font-face rules. */
  const italicUrl = () =>
    page.evaluate(() => {
      for (const sheet of document.styleSheets) {
        for (const rule of sheet.cssRules) {
          if (rule instanceof CSSFontFaceRule && rule.style.getPropertyValue('font-style') === 'italic') {
            const src = /url\("?([^")]+)"?\)/.exec(rule.style.getPropertyValue('src'))?.[1];
            if (src) return new URL(src, location.href).href;
          }
        }
      }
      return undefined;
    });
  // The author page has no italic text in the text face: the italic is declared but never fetched.
  await page.goto('/authors/park-ung', { waitUntil: 'networkidle' });
  const italic = await italicUrl();
  expect(italic).toMatch(/\.woff2$/);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts).not.toContain(italic);

  fonts.length = 0;
  await page.goto(STORY, { waitUntil: 'networkidle' });
  await expect(page.locator(`link[rel="preload"][href="${new URL(italic!).pathname}"]`)).toHaveCount(0);
  const quote = page.locator('.pull-quote blockquote p').first();
  expect(await quote.evaluate((el) => getComputedStyle(el).fontStyle)).toBe('italic');
  expect(fonts).toContain(italic);
  await expect
    .poll(() => page.evaluate(() => [...document.fonts].filter((f) => f.style === 'italic').map((f) => f.status)))
    .toEqual(['loaded']);
});

test('RSS items carry the full body as HTML with absolute links; JSON-LD does not repeat the body the page shows', async ({
  request,
  page,
}) => {
  const xml = await (await request.get('/feed.xml')).text();
  const feed = new XMLParser({ ignoreAttributes: false }).parse(xml);
  const items = [feed.rss.channel.item].flat();
  const item = items.find((i: { link: string }) => i.link.endsWith(STORY))!;
  const html: string = item['content:encoded'];
  expect(html).toContain('<p>Russian President Vladimir Putin is visiting North Korea this week.');
  expect(html.match(/<p>/g)!.length).toBe(10);
  expect(html).not.toMatch(/(href|src)="\//);

  await page.goto(STORY);
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
  const article = [data].flat().find((d: { '@type': string }) => d['@type'] === 'NewsArticle');
  expect(article.headline).toBe(await page.getByRole('heading', { level: 1 }).textContent());
  expect(article).not.toHaveProperty('articleBody');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`story, search and archive pages have no axe findings, best practices and experimental rules included (${colorScheme})`, async ({
    page,
  }) => {
    // Six full axe runs with every rule: 25–31 s on this 2-core machine, near the default 30 s.
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme });
    for (const path of [STORY, '/search', '/search?q=Putin', '/archive', '/archive/2024', '/archive/2024/06']) {
      await page.goto(path);
      if (path.includes('?q=')) await expect(page.locator('.search-result').first()).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).withTags(STRICT_AXE).analyze();
      expect(
        violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`),
        path,
      ).toEqual([]);
    }
  });
}
