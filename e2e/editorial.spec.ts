/**
 * Editorial fields on a real site: drafts and scheduled stories are absent from every page, feed and
 * sitemap of production, once `content:publish` has sent a copy holding them to an origin of the suite's
 * production build (as editors publish, e2e/support/publish-site.ts); under `next dev` they are previewed with
 * banners on /dev/previews, which the production build does not have at all.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { writeFile as writeFileAsync } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { DRAFT_BANNER, SCHEDULED_BANNER } from '@/components/story/editor-banners';
import { CORRECTED, DRAFT, SCHEDULED, writeEditorialStories } from './support/editorial-project';
import { PublishSite } from './support/publish-site';
import { LATEST_RELEASE, type Origin } from '@/test/support/edge-harness';
import { freePort } from '@/test/support/free-port';
import { storySource } from '@/scripts/lib/story-scaffold';

const SEED_HEADLINE = 'Putin heads to Pyongyang amid deepening military ties';
const HIDDEN = [DRAFT.slug, DRAFT.headline, SCHEDULED.slug, SCHEDULED.headline];

test('/dev/previews is not part of the production build', async ({ request }) => {
  expect((await request.get('/dev/previews')).status()).toBe(404);
});

/** Starts `next dev` in its own process group, as editors run it, and waits until it answers. */
async function startDevServer(dir: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(path.join(dir, 'node_modules/.bin/next'), ['dev', '-p', String(port)], {
    cwd: dir,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', SITE_URL: origin, ...env },
  });
  /** Ends the whole process group and waits until none of it is left (so its files can be removed). */
  const stop = async () => {
    const group = -child.pid!;
    const alive = () => {
      try {
        process.kill(group, 0);
        return true;
      } catch {
        return false;
      }
    };
    if (alive()) process.kill(group, 'SIGTERM');
    for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 200));
    if (alive()) process.kill(group, 'SIGKILL');
  };
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`next dev exited with ${child.exitCode}`);
    try {
      await fetch(origin);
      return { origin, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  await stop();
  throw new Error(`next dev did not answer on ${origin}`);
}

/** Every same-origin URL a page, feed, sitemap or robots.txt links to or lists. */
function linksIn(body: string, base: string): string[] {
  const found = [
    ...[...body.matchAll(/\b(?:href|src)="([^"#]+)/g)].map((m) => m[1]!),
    ...[...body.matchAll(/<(?:loc|link|guid|url)>\s*(?:<!\[CDATA\[)?([^<\]\s]+)/g)].map((m) => m[1]!),
    ...[...body.matchAll(/^Sitemap:\s*(\S+)/gim)].map((m) => m[1]!),
  ];
  const origin = new URL(base).origin;
  return found
    .map((href) => {
      try {
        return new URL(href.replace(/&amp;/g, '&'), base);
      } catch {
        return undefined;
      }
    })
    .filter((url): url is URL => !!url && url.origin === origin && !url.pathname.startsWith('/_next/'))
    .map((url) => url.pathname + url.search);
}

async function crawl(request: APIRequestContext, origin: string, starts: string[]) {
  const seen = new Map<string, { status: number; body: string }>();
  const queue = [...starts];
  while (queue.length > 0 && seen.size < 500) {
    const pathname = queue.shift()!;
    if (seen.has(pathname)) continue;
    const response = await request.get(origin + pathname, { maxRedirects: 5 });
    const type = response.headers()['content-type'] ?? '';
    const body = /text|xml|json|javascript/.test(type) ? await response.text() : '';
    seen.set(pathname, { status: response.status(), body });
    if (response.ok()) queue.push(...linksIn(body, origin + pathname));
  }
  return seen;
}

interface Server {
  origin: string;
  stop(): Promise<void>;
}

/**
 * The mixed headline's card, fetched from the production origin, which draws it on demand (the build never had
 * the story): a real 1200×630 PNG, drawn offline.
 */
async function checkMixedHeadlineCard(page: Page, request: APIRequestContext, origin: Origin) {
  await page.goto(`${origin.url}/stories/${CORRECTED.slug}`);
  const cardUrl = await page.locator('meta[property="og:image"]').getAttribute('content');
  // The origin keeps the default canonical origin: fetch the card's path from the origin itself.
  const { pathname, search } = new URL(cardUrl!);
  const card = await request.get(origin.url + pathname + search);
  expect(card.status()).toBe(200);
  expect(card.headers()['content-type']).toBe('image/png');
  const png = sharp(await card.body());
  expect(await png.metadata()).toMatchObject({ width: 1200, height: 630 });
  const { channels } = await png.stats();
  expect(channels.some((c) => c.stdev > 20)).toBe(true);
  await writeFileAsync(test.info().outputPath('mixed-headline-card.png'), await card.body());
  // Offline, a glyph missing from the bundled fonts would be fetched, fail and be logged like this. The log is
  // the origin's own (its warm-up line is in it).
  await expect.poll(origin.output, { timeout: 30_000 }).toContain('content: warmed up on-demand rendering');
  expect(origin.output()).not.toMatch(/Failed to load dynamic font|dynamic font|emoji/i);
}

/**
 * `next dev` in the project, as on an editor's machine: SITE_URL is the production origin, which has no card for
 * a draft (and which this test cannot reach). The link card must show the card from this server.
 */
function startEditorsDevServer(dir: string): Promise<Server> {
  return startDevServer(dir, { NEXT_DIST_DIR: '.next-dev', SITE_URL: 'https://www.ajupress.com' });
}

/** Only the draft's link-card image is drawn: rendering every card in dev would only cost time. */
async function onlyDraftCards(page: Page, origin: string) {
  const draftCard = `${origin}/stories/${DRAFT.slug}/opengraph-image`;
  await page.route('**/opengraph-image**', (route) =>
    route.request().url().startsWith(draftCard) ? route.fallback() : route.abort(),
  );
}

async function checkBanners(page: Page, origin: string) {
  await page.goto(`${origin}/stories/${DRAFT.slug}`);
  await expect(page.getByRole('note')).toHaveText(DRAFT_BANNER);
  await page.goto(`${origin}/stories/${SCHEDULED.slug}`);
  await expect(page.getByRole('note')).toHaveText(
    `${SCHEDULED_BANNER.before} January 1, 2099, 09:00 KST, ${SCHEDULED_BANNER.after}`,
  );
}

/** /dev/previews: every story with its card and link card, the draft's card image served by this server. */
async function checkPreviewsPage(page: Page, origin: string) {
  await page.goto(`${origin}/dev/previews`);
  for (const [slug, headline] of [
    ['putin-heads-to-pyongyang', SEED_HEADLINE],
    [DRAFT.slug, DRAFT.headline],
    [SCHEDULED.slug, SCHEDULED.headline],
  ]) {
    const preview = page.locator(`section[data-slug="${slug}"]`);
    await expect(preview.getByRole('heading', { level: 2 })).toHaveText(headline!);
    await expect(preview.locator(`img[src="/stories/${slug}/opengraph-image"]`)).toHaveCount(1);
    // The link card is read from the story page's real metadata.
    await expect(preview.getByTestId('link-card')).toContainText(headline!);
  }
  // A live story with sample updates, rendered by the live page's components (lib/dev/live-sample.ts).
  const live = page.locator('[data-live-preview]');
  await expect(live.locator('.live-label')).toHaveText('Live');
  await expect(live.locator('.live-pinned #update-sample-pinned')).toHaveCount(1);
  await expect(live.locator('.live-key-events a')).toHaveAttribute('href', '#update-sample-key-event');
  await expect(live.locator('#update-sample-corrected .live-update__correction')).toContainText(
    'What the correction says.',
  );
  await expect(live.locator('#update-sample-withdrawn')).toContainText('Why it was withdrawn');
  await expect(live.locator('[data-live-new-updates]')).toHaveCount(0);
  await expect(page.locator(`section[data-slug="${DRAFT.slug}"]`)).toContainText('Draft');
  await expect(page.locator(`section[data-slug="${SCHEDULED.slug}"]`)).toContainText(
    'Scheduled for 2099-01-01T09:00:00+09:00',
  );
  // The draft's link card shows its image, loaded from this server (og:image is an absolute URL elsewhere).
  const cardImage = page.locator(`section[data-slug="${DRAFT.slug}"]`).getByTestId('link-card').locator('img');
  await expect(cardImage).toHaveAttribute('src', new RegExp(`^/stories/${DRAFT.slug}/opengraph-image`));
  const imageResponse = await page.request.get(origin + (await cardImage.getAttribute('src'))!);
  expect(imageResponse.status()).toBe(200);
  expect(imageResponse.headers()['content-type']).toBe('image/png');
  await expect
    .poll(() => cardImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
      timeout: 60_000,
    })
    .toBe(1200);
}

/** Any story, however old, is found by slug or headline (a GET form, filtered on the server). */
async function checkFindStory(page: Page) {
  await page.getByLabel('Find a story by slug or headline').fill('kicker');
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page).toHaveURL(/\/dev\/previews\?q=kicker$/);
  await expect(page.getByRole('status')).toHaveText('1 story matches “kicker”.');
  await expect(page.locator('section.preview')).toHaveCount(1);
  await expect(page.locator(`section[data-slug="${CORRECTED.slug}"]`)).toHaveCount(1);
}

/** Waits until the page at `url` shows `headline` (next dev recompiles in its own time). */
async function expectHeadlineSoon(page: Page, url: string, headline: string, timeout: number) {
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline, { timeout: 1000 });
  }).toPass({ timeout });
}

/** Edits show live (save the file, reload the page), and a new story file is found while the server runs. */
async function checkLiveEdits(page: Page, origin: string, dir: string) {
  const file = path.join(dir, `content/stories/2024/06/${DRAFT.slug}.ts`);
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(`"headline": "${DRAFT.headline}"`, '"headline": "Edited while the server runs"'),
  );
  await expectHeadlineSoon(page, `${origin}/stories/${DRAFT.slug}`, 'Edited while the server runs', 30_000);

  // No list to edit: the index follows the folder.
  const added = path.join(dir, 'content/stories/2024/06/added-while-the-server-runs.ts');
  writeFileSync(
    added,
    readFileSync(file, 'utf8')
      .replace(`"slug": "${DRAFT.slug}"`, '"slug": "added-while-the-server-runs"')
      .replace('Edited while the server runs', 'Added while the server runs'),
  );
  await expectHeadlineSoon(
    page,
    `${origin}/stories/added-while-the-server-runs`,
    'Added while the server runs',
    60_000,
  );
}

/**
 * A story still being written, as new-story makes it (TODOs, no photo yet): its own page and /dev/previews show
 * its problems, and every other page keeps working.
 */
async function checkUnfinishedStory(page: Page, origin: string, dir: string) {
  const unfinished = 'unfinished-story-from-new-story';
  const now = '2024-06-20T09:00:00+09:00';
  writeFileSync(
    path.join(dir, `content/stories/2024/06/${unfinished}.ts`),
    storySource({ slug: unfinished, headline: 'Unfinished story', author: 'park-ung', section: 'north-korea', now }),
  );
  const summaryTodo = `content/stories/2024/06/${unfinished}.ts › summary: summary still says TODO`;
  await expectHeadlineSoon(page, `${origin}/stories/${unfinished}`, 'This story cannot be shown yet', 90_000);
  await expect(page.locator('.story-problems')).toContainText(summaryTodo);
  await expect(page.locator('.story-problems')).toContainText(
    `${unfinished}.ts › leadPhoto.src: image file public/images/stories/${unfinished}.jpg was not found`,
  );
  for (const other of ['/', '/stories/putin-heads-to-pyongyang', '/sections/north-korea', '/archive']) {
    expect((await page.request.get(`${origin}${other}`)).status(), other).toBe(200);
  }
  const previews = await page.goto(`${origin}/dev/previews`);
  expect(previews?.status()).toBe(200);
  await expect(page.getByRole('region', { name: 'Stories that cannot be previewed yet' })).toContainText(summaryTodo);
}

/** The preview shows every body block, as a story page renders it. */
async function checkEveryBlock(page: Page) {
  const blocks = page.getByRole('region', { name: 'Every body block' });
  for (const selector of [
    'p em',
    'p strong',
    'p a[href^="/stories/"]',
    'h2#a-subheading',
    'ul.body-list',
    'ol.body-list',
    'figure.block-quote',
    '.pull-quote',
    'figure.photo',
    'table',
    '.fact-box',
    '.fact-box--timeline',
    '.story-link',
    'figure.embed',
  ]) {
    await expect(blocks.locator(selector).first(), selector).toBeVisible();
  }
}

/** One dev server for the steps an editor takes in turn; each step has its own time (next dev compiles on demand). */
function describePreviewsUnderDev(projectDir: () => string) {
  test.describe.serial('previewed under next dev', () => {
    let dev: Server | undefined;
    test.beforeAll(async () => {
      test.setTimeout(120_000);
      dev = await startEditorsDevServer(projectDir());
    });
    test.afterAll(async () => {
      await dev?.stop();
    });
    test.beforeEach(async ({ page }) => {
      test.setTimeout(120_000);
      await onlyDraftCards(page, dev!.origin);
    });

    test('drafts and scheduled stories show their banners', async ({ page }) => {
      await checkBanners(page, dev!.origin);
    });

    test('/dev/previews lists every story with its cards, and finds one by slug or headline', async ({ page }) => {
      await checkPreviewsPage(page, dev!.origin);
      await checkFindStory(page);
    });

    test('edits show live, and a new story file is found while the server runs', async ({ page }) => {
      await checkLiveEdits(page, dev!.origin, projectDir());
    });

    test('an unfinished story shows its problems, and every other page keeps working', async ({ page }) => {
      await checkUnfinishedStory(page, dev!.origin, projectDir());
    });

    test('the preview shows every body block', async ({ page }) => {
      await page.goto(`${dev!.origin}/dev/previews`);
      await checkEveryBlock(page);
    });
  });
}

test.describe.serial('editorial fields', () => {
  let site: PublishSite | undefined;
  /** An origin of the suite's production build, to which the copy holding the three stories was published. */
  let production: Origin;
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    site = await PublishSite.copy(LATEST_RELEASE);
    site.edgeUrl = ''; // no edge here: nothing lifts an embargo before 2099
    writeEditorialStories(site.project);
    production = await site.startOrigin();
    // Publishing, as editors put stories on the site (content:check, the search index, the origins' store).
    const published = await site.publish();
    expect(published.code, published.out).toBe(0);
  });
  test.afterAll(async () => {
    await site?.stop();
  });

  test('drafts and scheduled stories are absent from every page, feed and sitemap of production, once published', async ({
    request,
  }) => {
    const origin = production.url;
    // Feeds, sitemaps and robots.txt are crawled where they exist; a page's own links lead to the rest.
    const pages = await crawl(request, origin, ['/', '/robots.txt', '/feed.xml', '/sitemap.xml', '/news-sitemap.xml']);
    const fetched = [...pages].filter(([, page]) => page.status === 200);
    expect(fetched.map(([pathname]) => pathname)).toEqual(
      expect.arrayContaining(['/stories/putin-heads-to-pyongyang', `/stories/${CORRECTED.slug}`]),
    );
    expect(pages.get('/')!.body).toContain(SEED_HEADLINE);
    for (const [pathname, page] of fetched) {
      for (const hidden of HIDDEN) expect(page.body, `${pathname} mentions "${hidden}"`).not.toContain(hidden);
    }
    for (const slug of [DRAFT.slug, SCHEDULED.slug]) {
      for (const hiddenPath of [`/stories/${slug}`, `/stories/${slug}/opengraph-image`]) {
        expect((await request.get(origin + hiddenPath)).status(), hiddenPath).toBe(404);
      }
    }
  });

  test('a headline mixing Korean, Latin and an emoji gets its card from @vercel/og with bundled fonts only', async ({
    page,
    request,
  }) => {
    await checkMixedHeadlineCard(page, request, production);
  });

  test('a kicker shows above the headline, and corrections at the foot of the story in KST', async ({ page }) => {
    await page.goto(`${production.url}/stories/${CORRECTED.slug}`);
    await expect(page.locator('.story-header .kicker')).toHaveText('Analysis');
    const correction = page.locator('.story-body ~ .story-footer .corrections li');
    await expect(correction).toHaveText(
      'June 19, 2024, 10:30 KST: An earlier version misspelled the name of the academy.',
    );
    await expect(correction.locator('time')).toHaveAttribute('datetime', '2024-06-19T01:30:00Z');
  });

  describePreviewsUnderDev(() => site!.project.dir);
});
