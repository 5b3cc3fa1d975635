/**
 * Search in the browser on the shared build of the synthetic archive (e2e/support/archive-site.ts): the masthead
 * box, the search page, its section filter and paging; the index: docs/development/search.md.
 */
import { type Page } from '@playwright/test';
import { expect, test } from './support/archive-test';
import { getHtml, published, storyPath, type PublishedStory } from './support/archive-pages';
import { archiveSite } from './support/archive-site';

/**
 * A story far outside the prerender window (not the oldest: e2e/archive.spec.ts takes those), with a headline
 * no other story has.
 */
function storyToFind(): PublishedStory {
  const stories = published();
  const headlineCount = new Map<string, number>();
  for (const s of stories) headlineCount.set(s.headline, (headlineCount.get(s.headline) ?? 0) + 1);
  const story = stories.slice(Math.floor(stories.length / 2)).find((s) => headlineCount.get(s.headline) === 1)!;
  expect(story).toBeDefined();
  return story;
}

/** Bytes of Pagefind's files the page fetches from now on. */
function countPagefindBytes(page: Page): number[] {
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
  return pagefindBytes;
}

/** From the masthead box to the story's result; its section's name and another's, for the filter. */
async function searchFromMasthead(page: Page, url: string, story: PublishedStory) {
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
  const sectionName = (await item.locator('.search-result__meta').innerText()).split(' · ')[0]!;
  const other = (await main.getByRole('combobox', { name: 'Section' }).locator('option').allInnerTexts()).find(
    (o) => o !== sectionName && o !== 'All sections',
  )!;
  return { result, sectionName, other };
}

/** The section filter: another section leaves the story out, its own keeps it. */
async function filterBySection(page: Page, found: Awaited<ReturnType<typeof searchFromMasthead>>) {
  const { result, sectionName, other } = found;
  const main = page.getByRole('main');
  const section = main.getByRole('combobox', { name: 'Section' });
  await section.selectOption(other);
  await expect(main.getByRole('status')).toContainText(other);
  await expect(result).toHaveCount(0);
  for (const meta of await main.locator('.search-result__meta').allInnerTexts())
    expect(meta.startsWith(`${other} ·`)).toBe(true);
  await section.selectOption(sectionName);
  await expect(result).toBeVisible();
  expect(new URL(page.url()).searchParams.get('section'), 'the address keeps the filter').toBe(sectionName);
}

/**
 * The whole headline typed at once into the search page's own box (no delay between keys): one search, the
 * story first (the index is cut in small chunks, scripts/operators/search-index.ts; docs/decisions/0013).
 */
async function typeWholeHeadline(page: Page, url: string, story: PublishedStory) {
  await page.goto(`${url}/search`);
  await page.getByRole('main').getByRole('searchbox', { name: 'Search stories' }).focus();
  await page.keyboard.type(story.headline);
  await expect(page.getByRole('main').locator('.search-result').first().getByRole('link')).toHaveAttribute(
    'href',
    storyPath(story.slug),
  );
}

/** A broad query: ten results at a time, more on request. */
async function showMoreResults(page: Page, url: string, query: string) {
  await page.goto(`${url}/search?q=${encodeURIComponent(query)}`);
  const results = page.getByRole('main').locator('.search-result');
  await expect(results).toHaveCount(10);
  await page.getByRole('button', { name: 'Show more results' }).press('Enter');
  await expect(results).toHaveCount(20);
  // Focus moves to the first added result (the button may be gone), so a keyboard reader reads on from there.
  await expect(results.nth(10).getByRole('link')).toBeFocused();
}

/** A section chosen while a typed search still waits (250 ms) stands: the typed one does not undo it. */
async function sectionBeatsPendingSearch(page: Page, query: string, other: string) {
  await page.getByRole('main').getByRole('searchbox', { name: 'Search stories' }).fill(query);
  await page.getByRole('main').getByRole('combobox', { name: 'Section' }).selectOption(other);
  await page.waitForTimeout(600); // past the typing delay: what would undo it has had its chance
  expect(new URL(page.url()).searchParams.get('section')).toBe(other);
  await expect(page.getByRole('main').getByRole('status')).toContainText(`in ${other}`);
}

test('search: from the masthead box, find an archive story, filter by section, follow it; no results says what to do', async ({
  page,
}) => {
  const { url } = archiveSite();
  const story = storyToFind();
  const pagefindBytes = countPagefindBytes(page);
  const found = await searchFromMasthead(page, url, story);
  await filterBySection(page, found);

  await found.result.click();
  await expect(page).toHaveURL(`${url}${storyPath(story.slug)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.headline);
  console.log(
    `search transferred ${pagefindBytes.reduce((a, b) => a + b, 0)} bytes of Pagefind files (script, wasm, index chunks)`,
  );

  await typeWholeHeadline(page, url, story);
  await showMoreResults(page, url, found.sectionName);
  await sectionBeatsPendingSearch(page, `${found.sectionName} news`, found.other);

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
