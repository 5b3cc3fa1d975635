/**
 * The body blocks and inline text, on the synthetic archive's story that uses every one of them
 * (test/support/synthetic-archive.ts everyBlockStory), with JavaScript and without: what each renders, that
 * nothing leaves the origin before an embed is asked for, and that an embed then loads within the page's CSP.
 */
import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { expect, test } from './support/archive-test';
import { EVERY_BLOCK_SLUG } from '@/test/support/synthetic-archive';
import { archiveSite } from './support/archive-site';
import { sheetsOfPage, unstyledClasses } from '@/test/support/page-sheets';

const site = () => archiveSite();
const storyUrl = () => `${site().url}/stories/${EVERY_BLOCK_SLUG}`;
/** WCAG 2.2 AA, and axe's best practices and experimental rules too. */
const STRICT_AXE = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'];
const FRAME_ORIGINS = ['https://platform.twitter.com', 'https://www.instagram.com', 'https://www.youtube-nocookie.com'];

/** Every request the page makes, and every CSP violation it reports. */
async function watch(page: Page) {
  const requests: string[] = [];
  const violations: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  return { requests, violations };
}

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

test('inline text: emphasis, strong and links to stories, sections, authors, tags and other sites', async ({
  page,
}) => {
  await page.goto(storyUrl());
  const first = page.locator('.story-body > p').first();
  await expect(first.locator('em').first()).toHaveText('emphasis');
  await expect(first.locator('strong').first()).toHaveText('strong emphasis');
  const hrefs = await first.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs).toHaveLength(5);
  expect(hrefs[0]).toMatch(/^\/stories\/[a-z0-9-]+$/);
  expect(hrefs.slice(1)).toEqual([
    '/sections/north-korea',
    expect.stringMatching(/^\/authors\//),
    '/tags/russia',
    'https://example.com/report',
  ]);
  // Internal links lead somewhere real.
  for (const href of hrefs.slice(0, 4))
    expect((await page.request.get(`${site().url}${href}`)).status(), href!).toBe(200);
  // Text, never markup: no Markdown marks are left on the page.
  await expect(page.locator('.story-body')).not.toContainText('**');
  await expect(page.locator('.story-body')).not.toContainText('](');
  // A body with blocks beyond paragraphs gets the blocks sheet; every class it uses is styled.
  const html = await page.content();
  expect(sheetsOfPage(html)).toEqual(['site', 'story', 'blocks']);
  expect(unstyledClasses(html)).toEqual([]);
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('every block renders as specified, and nothing is fetched from another origin', async ({ page }) => {
      const { requests } = await watch(page);
      await page.goto(storyUrl());
      await page.waitForLoadState('networkidle');
      const body = page.locator('.story-body');

      // Subheadings: h2 with stable anchors.
      await expect(body.locator('h2#what-the-blocks-are')).toHaveText('What the blocks are');
      await expect(body.locator('h2#embeds')).toHaveText('Embeds and story links');
      // Lists.
      await expect(body.locator('ul.body-list > li')).toHaveCount(2);
      await expect(body.locator('ol.body-list > li')).toHaveCount(3);
      // A quotation with its source, not hidden (unlike the pull-quote).
      const quote = body.locator('figure.block-quote');
      await expect(quote.locator('blockquote em')).toHaveText('its');
      await expect(quote.locator('figcaption')).toHaveText('— A synthetic spokesperson, statement of June 30');
      await expect(body.locator('.pull-quote')).toHaveAttribute('aria-hidden', 'true');
      // Table: caption, header row, a focusable region named by the caption.
      const region = page.getByRole('region', { name: 'Synthetic figures by year, in units' });
      await expect(region).toHaveAttribute('tabindex', '0');
      await expect(region.locator('thead th[scope="col"]')).toHaveCount(6);
      await expect(region.locator('tbody tr')).toHaveCount(3);
      // Fact box and timeline: regions named by their titles.
      await expect(page.getByRole('region', { name: 'Key facts' }).locator('li')).toHaveCount(3);
      await expect(page.getByRole('region', { name: 'Timeline' }).locator('li')).toHaveCount(2);
      // Story link: headline link, photo, date.
      const card = body.locator('.story-link');
      await expect(card.locator('a.story-link__headline')).toHaveAttribute('href', /^\/stories\//);
      await expect(card.locator('img')).toHaveCount(1);
      await expect(card.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
      // Embeds: provider, title and a plain link; no frame.
      const embeds = body.locator('figure.embed');
      await expect(embeds).toHaveCount(3);
      await expect(embeds.locator('.embed__provider')).toHaveText(['YouTube', 'X', 'Instagram']);
      await expect(embeds.locator('.embed__title')).toHaveText([
        'A video on YouTube',
        'A post on X',
        'A post on Instagram',
      ]);
      expect(
        await embeds.locator('a.embed__link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ).toEqual([
        'https://www.youtube.com/watch?v=M7lc1UVf-VE',
        'https://x.com/example/status/1234567890123456789',
        'https://www.instagram.com/p/C0abcdEFGhi/',
      ]);
      await expect(body.locator('iframe')).toHaveCount(0);
      // The load button: usable with JavaScript, invisible (but in place) without.
      const load = page.getByRole('button', { name: 'Load YouTube: A video on YouTube' });
      if (javaScriptEnabled) await expect(load).toBeVisible();
      else await expect(load).toBeHidden();

      const origin = new URL(site().url).origin;
      expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
    });
  });
}

test('after a click the embed loads within the CSP, which allows exactly the frames the page needs', async ({
  page,
  request,
}) => {
  const { requests, violations } = await watch(page);
  // The provider cannot be reached from here: answer for it, and see that the browser asked.
  await page.route('https://www.youtube-nocookie.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title>' }),
  );
  const response = await page.goto(storyUrl());
  const csp = directives(response!.headers()['content-security-policy']!);
  expect(csp.get('frame-src')).toEqual(FRAME_ORIGINS);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);

  await page.getByRole('button', { name: /^Load YouTube:/ }).click();
  const frame = page.locator('.story-body iframe');
  await expect(frame).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE');
  await expect(frame).toHaveAttribute('title', 'A video on YouTube (YouTube)');
  await expect(frame).toBeFocused();
  await expect
    .poll(() => requests.some((url) => url.startsWith('https://www.youtube-nocookie.com/embed/M7lc1UVf-VE')))
    .toBe(true);
  expect(
    requests.filter((url) => url.startsWith('https://') && !url.startsWith('https://www.youtube-nocookie.com/')),
  ).toEqual([]);
  expect(violations).toEqual([]);

  // A story without embeds keeps frames shut.
  const seed = await request.get(`${site().url}/stories/putin-heads-to-pyongyang`);
  expect(directives(seed.headers()['content-security-policy']!).get('frame-src')).toEqual(["'none'"]);
});

test('the embed loader comes only with a story that has an embed; other scripts are the same', async ({ page }) => {
  const scriptsOf = async (url: string) => {
    await page.goto(url);
    return page
      .locator('script[src]')
      .evaluateAll((scripts) => scripts.map((s) => new URL((s as HTMLScriptElement).src).pathname));
  };
  const withEmbeds = await scriptsOf(storyUrl());
  const withoutEmbeds = await scriptsOf(`${site().url}/stories/putin-heads-to-pyongyang`);
  // Three embeds, one script.
  expect(withEmbeds.filter((src) => src === '/embed-loader.js')).toHaveLength(1);
  expect(withoutEmbeds).not.toContain('/embed-loader.js');
  expect(withEmbeds.filter((src) => src !== '/embed-loader.js').sort()).toEqual([...withoutEmbeds].sort());
});

test('on a 390 px phone the table scrolls in its own region, by keyboard too, and the page does not widen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(storyUrl());
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const region = page.getByRole('region', { name: 'Synthetic figures by year, in units' });
  const { scrollWidth, clientWidth } = await region.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the story with every block has no axe findings, best practices and experimental rules included (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(storyUrl());
    const { violations } = await new AxeBuilder({ page }).withTags(STRICT_AXE).analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`),
    ).toEqual([]);
  });
}

test('print styles every block: the table unscrolled, embeds as their links, the load button gone', async ({
  page,
}) => {
  await page.goto(storyUrl());
  await page.emulateMedia({ media: 'print' });
  const region = page.getByRole('region', { name: 'Synthetic figures by year, in units' });
  expect(await region.evaluate((el) => getComputedStyle(el).overflowX)).toBe('visible');
  await expect(page.locator('.embed__load').first()).toBeHidden();
  expect(
    await page
      .locator('a.embed__link')
      .first()
      .evaluate((a) => getComputedStyle(a, '::after').content),
  ).toContain('https://www.youtube.com/watch?v=M7lc1UVf-VE');
});

test('search finds a story by the words of any block: a quotation source, a table heading, a timeline event', async ({
  page,
}) => {
  for (const words of ['synthetic spokesperson', 'Fifth column', 'This synthetic story is generated']) {
    await page.goto(`${site().url}/search?q=${encodeURIComponent(words)}`);
    await expect(
      page.getByRole('main').getByRole('link', { name: 'Every body block in one synthetic story', exact: true }),
      words,
    ).toBeVisible();
  }
});

test('search and archive pages have no axe findings, best practices and experimental rules included', async ({
  page,
}) => {
  // Five full axe runs with every rule: 21–22 s on this 2-core machine, near the default 30 s when loaded.
  test.setTimeout(90_000);
  for (const path of ['/search', '/search?q=Pyongyang', '/archive', '/archive/2025', '/archive/2025/06']) {
    await page.goto(site().url + path);
    if (path.includes('?q=')) await expect(page.locator('.search-result').first()).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).withTags(STRICT_AXE).analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`),
      path,
    ).toEqual([]);
  }
});
