import { expect, test } from '@playwright/test';
import { discoverPages } from './support/site-pages';

test('a printed story shows the story, its photo and its address, and no navigation or dialog chrome', async ({
  page,
  request,
  baseURL,
}) => {
  const { story } = await discoverPages(request);
  await page.goto(story!);
  await page.getByRole('button', { name: 'Enlarge image' }).click(); // printed even with the dialog open
  await page.emulateMedia({ media: 'print' });

  const article = page.locator('article.story');
  for (const part of [
    article.locator('h1.headline'),
    article.locator('.byline'),
    article.locator('.story-times time').first(),
    article.locator('figure.photo--lead .photo__frame > img'),
    article.locator('figure.photo--lead > figcaption .caption'),
    article.locator('figure.photo--lead > figcaption .credit'),
    article.locator('.story-body p').first(),
    article.locator('.story-body p').last(),
  ]) {
    await expect(part).toBeVisible();
  }
  await expect(article.locator('.story-times')).toContainText('Posted');
  // The photo has really loaded, not just its box.
  expect(
    await article
      .locator('figure.photo--lead .photo__frame > img')
      .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
  ).toBe(true);
  // The story's own address, printed in full on the canonical origin.
  const address = article.locator('.story-url');
  await expect(address).toBeVisible();
  await expect(address).toHaveText(new URL(story!, baseURL).toString());

  // Both share controls exist (near the byline and at the foot), and neither prints.
  await expect(page.locator('.share')).toHaveCount(2);
  for (const chrome of [
    page.getByRole('link', { name: 'Skip to main content' }),
    page.getByRole('navigation', { name: 'Sections' }),
    page.getByRole('navigation', { name: 'Topics' }),
    page.locator('.enlarge-button'),
    page.locator('dialog.photo-dialog'),
    page.locator('.share').first(),
    page.locator('.share').last(),
    page.getByRole('contentinfo'),
  ]) {
    await expect(chrome).toBeHidden();
  }
  // The page is not clipped to the viewport by the open dialog's scroll lock.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('visible');
});

test('on screen the address line is not shown (the address bar has it)', async ({ page, request }) => {
  const { story } = await discoverPages(request);
  await page.goto(story!);
  await expect(page.locator('.story-url')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
});

test('the colour scheme follows the reader’s preference, text and links included', async ({ page, request }) => {
  const { story } = await discoverPages(request);
  const colours: Record<string, { bg: string; text: string; link: string; scheme: string }> = {};
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(story!);
    colours[colorScheme] = await page.evaluate(() => ({
      bg: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.querySelector('h1')!).color,
      link: getComputedStyle(document.querySelector('.byline a')!).color,
      scheme: getComputedStyle(document.documentElement).colorScheme,
    }));
  }
  expect(colours.light!.bg).toBe('rgb(255, 255, 255)');
  expect(colours.dark!.bg).toBe('rgb(18, 20, 23)');
  expect(colours.dark!.text).not.toBe(colours.light!.text);
  expect(colours.dark!.link).not.toBe(colours.light!.link);
  // Form controls and scrollbars follow too.
  expect(colours.light!.scheme).toBe('light dark');
});
