/**
 * Live coverage through the edge (docs/operations/publishing.md, "Publishing updates"): a copy of the site with
 * two origins polling at LIVE_POLL_SECONDS=1 behind real Varnish; updates published with content:publish as an
 * editor does. Open tabs follow without a reload: inserted at the top, the button when scrolled (no layout
 * shift), corrections and withdrawals in place, and no more requests once the coverage ends. Serial: each test
 * publishes on top of the one before.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { storyFilePath } from '@/lib/content/model/validate';
import { LATEST_RELEASE, request } from '../test/support/edge-harness';
import { PublishSite } from './support/publish-site';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const SLUG = 'live-test-summit';
const PATH = `/stories/${SLUG}`;
const STARTED = new Date(Date.now() - 3 * 3600_000);
const POSTED = STARTED.toISOString();
const FOLDER = storyFilePath(SLUG, POSTED).replace(/\.ts$/, '');
const STRICT_AXE = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let site: PublishSite;
let browser: Browser;
const viaEdge = (p: string) => request(site.edge!.url, p, { headers: { 'Accept-Encoding': 'gzip' } });
const id = (n: number) => `u${String(n).padStart(3, '0')}`;

/** An update file as an editor writes it: posted `n` minutes after the coverage started. */
function writeUpdate(n: number, more: Record<string, unknown> = {}) {
  const update = {
    id: id(n),
    postedAt: new Date(STARTED.getTime() + n * 60_000).toISOString(),
    title: `Update number ${n}`,
    body: [{ type: 'paragraph', text: `The summit's update number ${n}.` }],
    ...more,
  };
  site.writeRaw(
    `${FOLDER}/${id(n)}.ts`,
    `import { defineUpdate } from '@/content/schema';\n\nexport default defineUpdate(${JSON.stringify(update, null, 2)});\n`,
  );
}

function writeLiveStory(endedAt?: string) {
  site.writeStory({
    slug: SLUG,
    headline: 'Leaders meet at the summit, live',
    postedAt: POSTED,
    extra: {
      live: { startedAt: POSTED, ...(endedAt ? { endedAt } : {}) },
      body: [{ type: 'paragraph', text: 'The summary of the summit so far, kept current by the editors.' }],
    },
  });
}

async function publish() {
  const { code, out } = await site.publish();
  expect(code, out).toBe(0);
}

const listed = (page: Page) => page.locator('[data-live-updates] > article').evaluateAll((a) => a.map((e) => e.id));

test.beforeAll(async ({ browser: shared }) => {
  test.setTimeout(300_000);
  browser = shared;
  site = await PublishSite.copy(LATEST_RELEASE);
  await site.startOrigin({ LIVE_POLL_SECONDS: '1' });
  await site.startOrigin({ LIVE_POLL_SECONDS: '1' });
  await site.startEdge();
  writeLiveStory();
  // 22 updates: older page 1 holds the first 20, page 2 the last two; u005 is a key event, u003 pinned.
  for (let n = 1; n <= 22; n++) writeUpdate(n, n === 5 ? { keyEvent: true } : n === 3 ? { pinned: true } : {});
  await publish();
});

test.afterAll(async () => {
  await site?.stop();
});

test('the live page: label, summary, pinned update, key events, newest updates first; axe clean', async ({ page }) => {
  await page.goto(`${site.edge!.url}${PATH}`);
  await expect(page.locator('.live-label')).toHaveText('Live');
  await expect(page.locator('.live-status time')).toHaveAttribute('datetime', /.+/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leaders meet at the summit, live');
  await expect(page.locator('.live-pinned article')).toHaveAttribute('id', 'update-u003');
  await expect(page.locator('.live-key-events a')).toHaveAttribute('href', '#update-u005');
  const ids = await listed(page);
  expect(ids[0]).toBe('update-u022');
  expect(ids).toHaveLength(19); // the newest 20 but the pinned one, shown above
  await expect(page.getByRole('link', { name: 'Older updates' })).toHaveAttribute('href', `${PATH}/updates/1`);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(STRICT_AXE).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  }
  const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(jsonLd.join('')).toContain(SLUG);
});

test('older pages are stable addresses holding the right updates; pages beyond them are 404', async ({ page }) => {
  await page.goto(`${site.edge!.url}${PATH}/updates/1`);
  const first = await page.locator('article.live-update').evaluateAll((a) => a.map((e) => e.id));
  expect(first).toEqual(Array.from({ length: 20 }, (_, i) => `update-${id(20 - i)}`));
  await page.getByRole('link', { name: 'Newer updates' }).click();
  await expect(page).toHaveURL(`${site.edge!.url}${PATH}/updates/2`);
  expect(await page.locator('article.live-update').evaluateAll((a) => a.map((e) => e.id))).toEqual([
    'update-u022',
    'update-u021',
  ]);
  expect((await viaEdge(`${PATH}/updates/3`)).status).toBe(404);
  expect((await viaEdge(`/live/${SLUG}`)).status).toBe(404);
  const status = await viaEdge(`${PATH}/live.json`);
  expect(status.headers['cache-control']).toBe('public, max-age=0, s-maxage=5');
  expect(JSON.parse(status.body)).toMatchObject({ live: true, updates: expect.arrayContaining([]) });
});

test('a new update: through the edge within 10 s; an open tab at the top gets it at the top, a scrolled one the button, without layout shift; without JavaScript a reload shows it', async () => {
  const top = await browser.newPage();
  const scrolled = await browser.newPage({ viewport: { width: 800, height: 600 } });
  const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  for (const page of [top, scrolled, noScript]) await page.goto(`${site.edge!.url}${PATH}`);
  for (const page of [top, scrolled]) await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  await scrolled.locator('#update-u010').scrollIntoViewIfNeeded();
  await scrolled.evaluate(() => {
    const shifts: number[] = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
        if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
    Object.assign(window, { shifts });
  });
  const shifts = () =>
    scrolled.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0));
  const before = await shifts();

  writeUpdate(23);
  const started = Date.now();
  const publishing = publish();
  await expect
    .poll(async () => (await viaEdge(PATH)).body.includes('id="update-u023"'), {
      timeout: 10_000,
      intervals: [100, 250],
    })
    .toBe(true);
  console.log(`the live page through the edge had the update ${Date.now() - started} ms after content:publish started`);
  await publishing;

  await expect.poll(() => listed(top), { timeout: 20_000 }).toContain('update-u023');
  expect((await listed(top))[0]).toBe('update-u023');
  expect(await top.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  const button = scrolled.locator('[data-live-new-updates]');
  await expect(button).toBeVisible({ timeout: 20_000 });
  await expect(button).toHaveText('1 new update');
  expect(await listed(scrolled)).not.toContain('update-u023');
  await expect(scrolled.locator('[aria-live="polite"]')).toContainText('1 new update');
  expect(await shifts()).toBe(before);
  await button.click();
  expect((await listed(scrolled))[0]).toBe('update-u023');
  await expect(scrolled.locator('#update-u023')).toBeFocused();
  await expect(button).toBeHidden();
  expect(await shifts()).toBe(before);

  await noScript.reload();
  expect((await listed(noScript))[0]).toBe('update-u023');
  await noScript.context().close();
  await scrolled.close();
  Object.assign(globalThis, { liveTab: top });
});

test('a corrected update, a withdrawn one and a new pin change in the open tab', async () => {
  const top = (globalThis as unknown as { liveTab: Page }).liveTab;
  writeUpdate(23, { correction: { date: new Date().toISOString(), text: 'An earlier version gave the wrong venue.' } });
  writeUpdate(21, { withdrawn: { date: new Date().toISOString(), reason: 'The report could not be confirmed.' } });
  // The pin moves from u003 to u020, one of the updates the list shows.
  writeUpdate(3);
  writeUpdate(20, { pinned: true });
  await publish();
  // The edge held live.json (the tab polls it through the edge) and gives it no grace: once the publish has
  // purged it, the next answer is the new one, never the stale copy.
  const revision = async (base: string) =>
    (JSON.parse((await request(base, `${PATH}/live.json`)).body) as { revision: string }).revision;
  expect(await revision(site.edge!.url)).toBe(await revision(site.origins[0]!.url));
  await expect(top.locator('#update-u023 .live-update__correction')).toContainText('wrong venue', { timeout: 20_000 });
  await expect(top.locator('#update-u021')).toContainText('The report could not be confirmed.');
  await expect(top.locator('#update-u021')).not.toContainText('update number 21');
  await expect(top.locator('.live-pinned article')).toHaveAttribute('id', 'update-u020');
  await expect(top.locator('[id="update-u020"]')).toHaveCount(1);
  await expect(top.locator('[id="update-u003"]')).toHaveCount(0);
});

test('ending the coverage updates the label and stops the requests', async () => {
  const top = (globalThis as unknown as { liveTab: Page }).liveTab;
  const polls: string[] = [];
  top.on('request', (r) => {
    if (r.url().endsWith('/live.json')) polls.push(r.url());
  });
  writeLiveStory(new Date().toISOString());
  await publish();
  await expect(top.locator('.live-label')).toContainText('Coverage ended', { timeout: 20_000 });
  expect(polls.length).toBeGreaterThan(0);
  const seen = polls.length;
  await top.waitForTimeout(3000); // three poll intervals: none may come
  expect(polls.length).toBe(seen);
  await top.close();
});
