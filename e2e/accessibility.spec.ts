import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { discoverPages, PAGE_TYPES } from './support/site-pages';

/** WCAG 2.2 level A and AA, every version's rules. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const violationReport = (violations: { id: string; help: string; nodes: { target: unknown }[] }[]) =>
  violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(violationReport(violations)).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const type of PAGE_TYPES) {
    test(`${type} page has no WCAG 2.2 AA violations in the ${colorScheme} scheme`, async ({ page, request }) => {
      const url = (await discoverPages(request))[type];
      expect(url, `the site links to a ${type} page`).toBeTruthy();
      await page.emulateMedia({ colorScheme });
      const response = await page.goto(url!);
      expect(response?.status()).toBe(type === 'not-found' ? 404 : 200);
      // The scheme really applies: the page background follows it.
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(18, 20, 23)' : 'rgb(255, 255, 255)');
      await expectNoAxeViolations(page);
    });
  }
}

test('the story page with its enlarge dialog open has no WCAG 2.2 AA violations', async ({ page, request }) => {
  const { story } = await discoverPages(request);
  await page.goto(story!);
  await page.getByRole('button', { name: 'Enlarge image' }).click();
  await expect(page.getByRole('dialog', { name: 'Enlarged image' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('every page has one banner, one main and one contentinfo landmark, and labelled navigation', async ({
  page,
  request,
}) => {
  const pages = await discoverPages(request);
  for (const url of [pages.front!, pages.story!, pages['not-found']!]) {
    await page.goto(url);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(1);
  }
});

test('the skip link is the first stop, shows when focused and moves focus to the main content', async ({
  page,
  request,
}) => {
  const { story } = await discoverPages(request);
  await page.goto(story!);
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The next Tab continues from inside the main content, past the masthead.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
});

test('keyboard focus is always visible: a 2px-or-wider outline on links, buttons and the search box', async ({
  page,
  request,
}) => {
  const { story } = await discoverPages(request);
  await page.goto(story!);
  await page.locator('button.enlarge-button').waitFor();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return {
        tag: el.tagName,
        text: el.textContent?.trim(),
        outline: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
      };
    });
    expect(focus.tag, 'focus stays on page controls').toMatch(/^(A|BUTTON|INPUT)$/);
    expect(focus.outline, `outline on ${focus.text}`).not.toBe('none');
    expect(focus.width, `outline width on ${focus.text}`).toBeGreaterThanOrEqual(2);
  }
});

test('a keyboard-only reader walks the story and opens, uses and closes the enlarge dialog', async ({
  page,
  request,
}) => {
  const { story } = await discoverPages(request);
  await page.goto(story!);
  const enlarge = page.getByRole('button', { name: 'Enlarge image' });
  await enlarge.waitFor();

  // Tab order follows reading order: skip link, masthead, story header links, then the photo's control.
  const names: string[] = [];
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    names.push(name);
    if (name === 'Enlarge image') break;
  }
  expect(names[0]).toBe('Skip to main content');
  expect(names[1]).toBe('Aju Press');
  expect(names.at(-1)).toBe('Enlarge image');
  const byline = await page.locator('.byline a').first().textContent();
  expect(names.indexOf(byline!)).toBeGreaterThan(names.indexOf('Home'));
  expect(names.indexOf(byline!)).toBeLessThan(names.length - 1);

  // Enter opens the dialog with focus inside it.
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Enlarged image' });
  await expect(dialog).toBeVisible();
  const close = dialog.getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  await expect(dialog.getByRole('img')).toBeVisible();
  // Tab cannot leave the modal for the page behind it.
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () =>
          !document.activeElement ||
          document.activeElement === document.body ||
          !!document.activeElement.closest('dialog'),
      ),
    ).toBe(true);
  }

  // Escape closes it and focus returns to the control that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(enlarge).toBeFocused();

  // Enter on Close works too.
  await page.keyboard.press('Enter');
  await expect(close).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(enlarge).toBeFocused();

  // Past the photo, Tab reaches the story's topic links.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('.story-footer, .story-body') !== null)).toBe(true);
});

test('the dialog animates only for readers who have not asked for reduced motion', async ({ page, request }) => {
  const { story } = await discoverPages(request);
  for (const reducedMotion of ['no-preference', 'reduce'] as const) {
    await page.emulateMedia({ reducedMotion });
    await page.goto(story!);
    await page.getByRole('button', { name: 'Enlarge image' }).click();
    const animation = await page.locator('dialog.photo-dialog').evaluate((el) => getComputedStyle(el).animationName);
    expect(animation).toBe(reducedMotion === 'reduce' ? 'none' : 'dialog-in');
  }
});
