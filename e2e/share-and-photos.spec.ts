/**
 * A story on a phone: the lead photo as the phone needs it (AVIF, density capped at 2), sharp on a wide
 * screen, no layout shift, and the share control: plain links without JavaScript, copy to clipboard,
 * the system share sheet where there is one, and nothing fetched from another origin.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';

const STORY = '/stories/putin-heads-to-pyongyang';
const NETWORKS = [
  { name: 'Share on X (opens in a new tab)', host: 'x.com', source: 'x', param: 'url' },
  { name: 'Share on Facebook (opens in a new tab)', host: 'www.facebook.com', source: 'facebook', param: 'u' },
  { name: 'Share on LinkedIn (opens in a new tab)', host: 'www.linkedin.com', source: 'linkedin', param: 'url' },
  { name: 'Share on LINE (opens in a new tab)', host: 'social-plugins.line.me', source: 'line', param: 'url' },
];
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const WIDE = { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 };

const canonicalOf = (page: Page) => page.locator('link[rel="canonical"]').getAttribute('href') as Promise<string>;

/** The lead photo's chosen rendition: its URL, its type as served, and its real width in pixels. */
async function leadPhoto(page: Page) {
  const img = page.locator('figure.photo--lead .photo__frame > img');
  await expect(img).toHaveJSProperty('complete', true);
  const { url, shown } = await img.evaluate((el: HTMLImageElement) => ({
    url: el.currentSrc,
    shown: el.getBoundingClientRect().width,
  }));
  // naturalWidth of a srcset image is in CSS pixels; the file alone gives its pixels.
  const pixels = await page.evaluate(async (src) => {
    const probe = new Image();
    probe.src = src;
    await probe.decode();
    return probe.naturalWidth;
  }, url);
  const response = await page.request.get(url, { headers: { Accept: 'image/avif,image/webp,*/*' } });
  return { url, shown, pixels, type: response.headers()['content-type'] };
}

async function openIn(browser: Browser, options: Parameters<Browser['newContext']>[0]) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return { context, page, requests };
}

test('on a 390 px phone at 3 dppx the lead photo is AVIF at most 828 px wide; a wide screen gets one sharp at 2 dppx', async ({
  browser,
  baseURL,
}) => {
  const phone = await openIn(browser, PHONE);
  await phone.page.goto(STORY);
  const small = await leadPhoto(phone.page);
  expect(small.type).toBe('image/avif');
  expect(small.pixels).toBeLessThanOrEqual(828);
  // Still at least 2 device pixels per CSS pixel: capped, not blurry.
  expect(small.pixels).toBeGreaterThanOrEqual(Math.floor(small.shown * 2));
  await phone.context.close();

  const wide = await openIn(browser, WIDE);
  await wide.page.goto(STORY);
  const large = await leadPhoto(wide.page);
  expect(large.type).toBe('image/avif');
  expect(large.pixels).toBeGreaterThanOrEqual(Math.round(large.shown * 2));
  // The enlarge dialog still shows the original file, not a resize.
  await wide.page.getByRole('button', { name: 'Enlarge image' }).click();
  const original = wide.page.getByRole('dialog').getByRole('img');
  await expect(original).toHaveAttribute('src', /^\/images\/stories\/putin-heads-to-pyongyang\.jpg$/);
  // Retried until the 2400 px file has loaded.
  await expect(original).toHaveJSProperty('naturalWidth', 2400);
  await wide.context.close();
  expect(new URL(small.url).origin).toBe(new URL(baseURL!).origin);
});

test('a browser that does not take AVIF gets WebP for the same rendition', async ({ request, page }) => {
  await page.goto(STORY);
  const src = await page.locator('figure.photo--lead .photo__frame > img').getAttribute('src');
  const webp = await request.get(src!, { headers: { Accept: 'image/webp,*/*' } });
  expect(webp.headers()['content-type']).toBe('image/webp');
  const avif = await request.get(src!, { headers: { Accept: 'image/avif,image/webp,*/*' } });
  expect(avif.headers()['content-type']).toBe('image/avif');
  expect((await avif.body()).length).toBeLessThan((await webp.body()).length);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the share bar at the story’s foot offers X, Facebook, LinkedIn, LINE and email with the canonical URL tagged per network; the one by the byline links down to it', async ({
    page,
  }) => {
    await page.goto(STORY);
    const canonical = await canonicalOf(page);
    await expect(page.getByRole('group', { name: 'Share this story' })).toHaveCount(2);
    const footer = page.locator('.story-footer').getByRole('group', { name: 'Share this story' });
    for (const network of NETWORKS) {
      const link = footer.getByRole('link', { name: network.name });
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      const href = new URL((await link.getAttribute('href'))!);
      expect(href.protocol).toBe('https:');
      expect(href.host).toBe(network.host);
      const shared = new URL(href.searchParams.get(network.param)!);
      expect(`${shared.origin}${shared.pathname}`).toBe(canonical);
      expect(shared.searchParams.get('utm_source')).toBe(network.source);
      expect(shared.searchParams.get('utm_medium')).toBe('social');
    }
    const email = footer.getByRole('link', { name: 'Share by email' });
    const mailto = (await email.getAttribute('href'))!;
    expect(mailto).toMatch(/^mailto:\?subject=/);
    const body = new URLSearchParams(mailto.slice(mailto.indexOf('?') + 1)).get('body')!;
    const shared = new URL(body);
    expect(`${shared.origin}${shared.pathname}`).toBe(canonical);
    expect(shared.searchParams.get('utm_source')).toBe('email');
    // By the byline: one link, which takes the reader (and the keyboard) down to those links.
    const header = page.locator('.story-header').getByRole('group', { name: 'Share this story' });
    await expect(header.getByRole('link')).toHaveCount(1);
    const down = header.getByRole('link', { name: /^X, Facebook, email… share links at the end of the story$/ });
    await down.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#share$/);
    // Focus moves onto the bar itself, which screen readers follow (not only the browser's Tab starting point).
    await expect(footer).toBeFocused();
    await expect(footer).toBeInViewport();
    await page.keyboard.press('Tab');
    await expect(footer.getByRole('link', { name: NETWORKS[0]!.name })).toBeFocused();
    // The network links are in the page once: the markup and its RSC payload, not twice each.
    const html = await (await page.request.get(STORY)).text();
    expect(html.match(/https:\/\/x\.com\/intent\/tweet/g)).toHaveLength(2);
    for (const group of [header, footer]) {
      // The buttons that need JavaScript are not offered: invisible, so not focusable or announced.
      await expect(group.getByRole('button', { name: 'Copy link' })).toBeHidden();
      await expect(group.getByRole('button', { name: 'Share…' })).toBeHidden();
    }
  });
});

test('"Copy link" copies the canonical URL with utm_source=copy_link and says so to screen readers', async ({
  browser,
}) => {
  const { context, page, requests } = await openIn(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(STORY);
  const canonical = await canonicalOf(page);
  const share = page.locator('.story-header').getByRole('group', { name: 'Share this story' });
  const copy = share.getByRole('button', { name: 'Copy link' });
  await expect(copy).toBeVisible();
  const status = share.getByRole('status');
  await expect(status).toHaveText('');
  // Keyboard: focus it and press Enter.
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Link copied');
  await expect(share.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${canonical}?utm_source=copy_link&utm_medium=social`,
  );
  // Copying again is announced again: the live region's text changes, though the message is the same.
  await status.evaluate((region) => {
    const w = window as unknown as { statusChanged: boolean };
    w.statusChanged = false;
    new MutationObserver(() => (w.statusChanged ||= region.textContent!.startsWith('Link copied'))).observe(region, {
      characterData: true,
      childList: true,
      subtree: true,
    });
  });
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { statusChanged: boolean }).statusChanged))
    .toBe(true);
  await expect(status).toHaveText(/^Link copied/);
  // The confirmation is a live region the copy fills: axe is clean with it showing.
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .include('.share')
    .analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  // Headless Chromium on Linux has no share sheet: that button stays out of the way.
  await expect(share.getByRole('button', { name: 'Share…' })).toBeHidden();
  expect(requests.filter((url) => new URL(url).origin !== new URL(page.url()).origin)).toEqual([]);
  await context.close();
});

test('where the browser has a share sheet, "Share…" opens it with the canonical URL tagged share_sheet', async ({
  browser,
}) => {
  const { context, page } = await openIn(browser, PHONE);
  await page.addInitScript(() => {
    const calls: ShareData[] = [];
    (window as unknown as { shareCalls: ShareData[] }).shareCalls = calls;
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data: ShareData) => void calls.push(data),
    });
  });
  await page.goto(STORY);
  const canonical = await canonicalOf(page);
  const title = await page.locator('meta[property="og:title"]').getAttribute('content');
  await page.locator('.story-footer').getByRole('button', { name: 'Share…' }).click();
  const calls = await page.evaluate(() => (window as unknown as { shareCalls: ShareData[] }).shareCalls);
  expect(calls).toEqual([{ title, url: `${canonical}?utm_source=share_sheet&utm_medium=social` }]);
  await context.close();
});

test('loading, hydrating and using the share control fetches nothing from another origin', async ({ browser }) => {
  const { context, page, requests } = await openIn(browser, {
    ...PHONE,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await page.goto(STORY, { waitUntil: 'networkidle' });
  await page.locator('.story-footer').getByRole('button', { name: 'Copy link' }).click();
  await page.getByRole('button', { name: 'Enlarge image' }).click();
  await page.waitForLoadState('networkidle');
  const origin = new URL(page.url()).origin;
  expect(requests.length).toBeGreaterThan(3);
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  await context.close();
});

/** What a reader sees move if the text face changes the layout: the header's blocks and the lead photo. */
const WATCHED = ['h1', '.standfirst', '.story-meta', 'figure.photo--lead'];

/**
 * Loads the story on a phone, with the text face at network speed or held back until the page has been
 * painted, and returns the layout shifts Chromium reported plus where the watched blocks were once the
 * parsed page was first painted and where they are after the face settled and the page hydrated.
 * A preloaded `font-display: optional` face must leave the layout still either way: laid out in the face
 * when it comes first, or never swapped in (and the fallback kept) when it comes after the text was painted.
 */
async function layoutWhileLoading(browser: Browser, face: 'at network speed' | 'after the first paint') {
  const { context, page } = await openIn(browser, PHONE);
  let release = () => {};
  const painted = new Promise<void>((resolve) => (release = resolve));
  await page.exposeFunction('reportPainted', () => release());
  if (face === 'after the first paint') {
    await page.route('**/*.woff2', async (route) => {
      await painted;
      await route.continue();
    });
  }
  await page.addInitScript((watched: string[]) => {
    const w = window as unknown as { shifts: number[]; firstLayout: string[]; reportPainted: () => void };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) w.shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
    // A frame runs only once rendering has begun; the task after it sees what that frame painted.
    document.addEventListener('DOMContentLoaded', () =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          w.firstLayout = watched.map((selector) =>
            JSON.stringify(document.querySelector(selector)?.getBoundingClientRect()),
          );
          w.reportPainted();
        }),
      ),
    );
  }, WATCHED);
  await page.goto(STORY, { waitUntil: 'networkidle' });
  // The face is preloaded: the first layout waits for it (briefly), so a fast link lays out once, in it.
  await expect(page.locator('link[rel="preload"][as="font"]')).toHaveCount(1);
  // Hydrated: the JavaScript-only buttons are showing.
  await expect(page.locator('.story-header').getByRole('button', { name: 'Copy link' })).toBeVisible();
  const result = await page.evaluate(async (watched) => {
    await document.fonts.ready;
    const w = window as unknown as { shifts: number[]; firstLayout: string[] };
    return {
      shifts: w.shifts,
      firstLayout: w.firstLayout,
      settledLayout: watched.map((selector) =>
        JSON.stringify(document.querySelector(selector)?.getBoundingClientRect()),
      ),
      faceStatus: [...document.fonts].filter((f) => f.family === 'textFace').map((f) => f.status),
    };
  }, WATCHED);
  await context.close();
  return result;
}

const FACE_CASES = [
  {
    face: 'at network speed',
    title:
      'nothing moves while the story loads on a phone when the text face comes first, through hydration and the share buttons appearing',
  },
  {
    face: 'after the first paint',
    title: 'nothing moves on a phone when the text face comes only after the text was painted: the fallback stays',
  },
] as const;

for (const { face, title } of FACE_CASES) {
  test(title, async ({ browser }) => {
    const { shifts, firstLayout, settledLayout, faceStatus } = await layoutWhileLoading(browser, face);
    expect(faceStatus).toEqual(['loaded']);
    expect(firstLayout.every(Boolean)).toBe(true);
    expect(settledLayout).toEqual(firstLayout);
    expect(shifts).toEqual([]);
  });
}
