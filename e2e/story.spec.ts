import { expect, test, type Page } from '@playwright/test';
import { expectedAgeNotices } from './support/age-notice';
import { readSeed } from './support/seed';

const STORY = '/stories/putin-heads-to-pyongyang';
const seed = readSeed();
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Fails the test on any console error or uncaught exception on the page. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test.describe('story page as a reader sees it: text, byline and lead photo', () => {
  test('headline, standfirst and every seed paragraph word for word, the first led by the dateline', async ({
    page,
  }) => {
    await page.goto(STORY);
    await expect(page.locator('h1')).toHaveText(seed.headline);
    await expect(page.locator('.standfirst')).not.toBeEmpty();
    const bodyParagraphs = (await page.locator('.story-body > p').allTextContents()).map(squash);
    expect(bodyParagraphs).toEqual(seed.paragraphs);
    await expect(page.locator('.story-body > p').first().locator('.dateline')).toHaveText(
      'SEOUL, June 18 (AJU PRESS) -',
    );
  });

  test('byline links to the author; posted and updated times in KST inside <time dateTime>', async ({ page }) => {
    await page.goto(STORY);
    const byline = page.locator('.story-header .byline');
    await expect(byline).toHaveText('By Park Ung');
    await expect(byline.getByRole('link', { name: 'Park Ung' })).toHaveAttribute('href', '/authors/park-ung');

    const times = page.locator('.story-header .story-times');
    await expect(times).toContainText('Posted June 18, 2024, 08:25 KST');
    await expect(times).toContainText('Updated June 18, 2024, 17:17 KST');
    await expect(times.locator('time').nth(0)).toHaveAttribute('datetime', '2024-06-18T08:25:00+09:00');
    await expect(times.locator('time').nth(1)).toHaveAttribute('datetime', '2024-06-18T17:17:00+09:00');
  });

  test('an old story says how old it is under its headline, in light, dark and print', async ({ page }) => {
    await page.goto(STORY);
    const posted = await page.locator('.story-header .story-times time').first().getAttribute('datetime');
    const expected = expectedAgeNotices(posted!);
    const notice = page.locator('.story-header h1.headline + p.age-notice');
    const shown = (await notice.count()) ? ((await notice.textContent()) ?? '') : undefined;
    expect(expected).toContain(shown);
    if (shown === undefined) return;
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(notice).toBeVisible();
    }
    await page.emulateMedia({ media: 'print' });
    await expect(notice).toBeVisible();
  });

  test('lead photo: sized, responsive, loaded first, with caption and credit as distinct elements', async ({
    page,
  }) => {
    await page.goto(STORY);
    const figure = page.locator('figure.photo--lead');
    const img = figure.locator('img');
    await expect(img).toHaveAttribute('width', '2400');
    await expect(img).toHaveAttribute('height', '1600');
    await expect(img).toHaveAttribute(
      'srcset',
      /\/_next\/image\?url=%2Fimages%2Fstories%2Fputin-heads-to-pyongyang\.jpg&w=\d+/,
    );
    await expect(img).toHaveAttribute('sizes', /.+/);
    await expect(img).toHaveAttribute('fetchpriority', 'high');
    await expect(img).not.toHaveAttribute('loading', 'lazy');
    await expect(img).toHaveAttribute('alt', /Stand-in/);
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    await expect(figure.locator('figcaption .caption')).toHaveText(seed.caption);
    await expect(figure.locator('figcaption .credit')).toHaveText(seed.credit);
    // The browser preloads the LCP image from the head.
    await expect(page.locator('link[rel="preload"][as="image"]')).toHaveCount(1);
  });
});

test.describe('story page as a reader sees it: pull-quotes, links, no errors', () => {
  test('pull-quotes: aside + blockquote with speaker and role, hidden from screen readers as repeats', async ({
    page,
  }) => {
    await page.goto(STORY);
    const quotes = page.locator('aside.pull-quote');
    await expect(quotes).toHaveCount(2);
    await expect(quotes.nth(0).locator('blockquote')).toHaveText(
      'The impending visit could be seen as an expression of gratitude.',
    );
    await expect(quotes.nth(0)).toContainText('Lee Tae-lim');
    await expect(quotes.nth(0)).toContainText('Professor, Korea National Diplomatic Academy');
    await expect(quotes.nth(1)).toContainText('Lim Eul-chul');
    await expect(quotes.nth(1)).toContainText('Professor, Institute for Far Eastern Studies');
    for (const quote of await quotes.all()) {
      await expect(quote).toHaveAttribute('aria-hidden', 'true');
      // The quoted words are in the body, so nothing is lost for screen-reader users.
      const text = squash(await quote.locator('blockquote').innerText()).replace(/[“”]/g, '');
      expect(seed.paragraphs.some((p) => p.includes(text))).toBe(true);
    }
  });

  test('section kicker and tags link to their pages', async ({ page }) => {
    await page.goto(STORY);
    await expect(page.locator('.story-header .kicker a')).toHaveAttribute('href', '/sections/north-korea');
    await expect(page.locator('.topics').getByRole('link', { name: 'Kim Jong-un' })).toHaveAttribute(
      'href',
      '/tags/kim-jong-un',
    );
  });

  test('no console errors, and none when the photo is enlarged', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(STORY);
    await page.getByRole('button', { name: 'Enlarge image' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.goto('/');
    expect(errors).toEqual([]);
  });
});

test.describe('enlarging the photo', () => {
  test('by mouse: opens a modal with the full-size photo, caption and credit; the page behind does not scroll; Close returns focus', async ({
    page,
  }) => {
    await page.goto(STORY);
    const trigger = page.getByRole('button', { name: 'Enlarge image' });
    await trigger.click();
    const dialog = page.getByRole('dialog', { name: 'Enlarged image' });
    await expect(dialog).toBeVisible();
    expect(await dialog.evaluate((el: HTMLDialogElement) => el.open && el.matches(':modal'))).toBe(true);

    const full = dialog.locator('img');
    await expect(full).toHaveAttribute('src', '/images/stories/putin-heads-to-pyongyang.jpg');
    await expect.poll(() => full.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(2400);
    await expect(dialog.locator('.caption')).toHaveText(seed.caption);
    await expect(dialog.locator('.credit')).toHaveText(seed.credit);

    const before = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
    await page.mouse.wheel(0, 800);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
  });

  test('by keyboard: Tab reaches the control, Enter opens, focus moves in, Escape closes and focus returns', async ({
    page,
  }) => {
    await page.goto(STORY);
    const trigger = page.getByRole('button', { name: 'Enlarge image' });
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await trigger.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Enlarged image' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
  });

  test('by touch: a tap opens it and a tap on Close closes it', async ({ browser }) => {
    const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(STORY);
    await page.getByRole('button', { name: 'Enlarge image' }).tap();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).tap();
    await expect(dialog).toBeHidden();
    await context.close();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the story reads in full and the enlarge control is a link to the full-size image', async ({
    page,
    request,
  }) => {
    await page.goto(STORY);
    await expect(page.locator('h1')).toHaveText(seed.headline);
    expect((await page.locator('.story-body > p').allTextContents()).map(squash)).toEqual(seed.paragraphs);
    await expect(page.locator('.story-times time').first()).toHaveText('June 18, 2024, 08:25 KST');
    const link = page.getByRole('link', { name: 'Enlarge image' });
    await expect(link).toHaveAttribute('href', '/images/stories/putin-heads-to-pyongyang.jpg');
    const image = await request.get('/images/stories/putin-heads-to-pyongyang.jpg');
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/jpeg');
  });
});

test.describe('front page', () => {
  test('masthead, section navigation, lead story and latest list', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Aju Press' })).toHaveAttribute('href', '/');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect(nav.getByRole('link', { name: 'North Korea' })).toHaveAttribute('href', '/sections/north-korea');

    const lead = page.locator('.lead-story');
    await expect(lead.getByRole('heading', { level: 2 })).toHaveText(seed.headline);
    await expect(lead.getByRole('link', { name: seed.headline })).toHaveAttribute('href', STORY);
    await expect(lead.locator('img')).toHaveAttribute('width', '2400');
    await expect(lead.locator('.standfirst')).not.toBeEmpty();
    await expect(lead.locator('.byline')).toHaveText('By Park Ung');
    await expect(lead.locator('time')).toHaveText('June 18, 2024, 08:25 KST');

    // The lead is not repeated in the latest list; with the seed story alone there is no list, only the archive link.
    await expect(page.getByRole('region', { name: 'Latest' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: seed.headline })).toHaveCount(1);
    await expect(page.getByRole('main').getByRole('link', { name: /archive/ })).toHaveAttribute('href', '/archive');
  });
});

test.describe('not found', () => {
  for (const path of ['/stories/no-such-story', '/no/such/path']) {
    test(`${path} answers 404 with a helpful page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('We can’t find that page');
      await expect(page.getByRole('main').getByRole('link', { name: 'front page' })).toHaveAttribute('href', '/');
      await expect(page.getByRole('main').getByRole('link', { name: seed.headline })).toHaveAttribute('href', STORY);
    });
  }
});

test.describe('small screens', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('nothing is wider than a 320 px phone', async ({ page }) => {
    for (const path of ['/', STORY]) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
