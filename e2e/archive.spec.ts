/**
 * The archive on a production build of a synthetic archive (e2e/support/archive-site.ts: 300 stories, the
 * newest 30 prerendered): stories outside the window render on first request and then come from Next's
 * cache; unknown slugs answer an uncached 404; cards of archive stories honour their photo's focal point.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type APIResponse } from '@playwright/test';
import { expect, test } from './support/archive-test';
import sharp from 'sharp';
import { focalRegion } from '@/lib/images/focal-point';
import { updatePageCount, UPDATES_PER_PAGE } from '@/lib/content';
import { liveStories, publishedStories, SYNTHETIC_PHOTOS } from '@/test/support/synthetic-archive';
import { expectedAgeNotices } from './support/age-notice';
import { archiveSite } from './support/archive-site';

const site = () => archiveSite();

/** Published stories outside the prerender window, oldest first (so each test takes its own). */
function archiveStories() {
  const { manifest, window } = site();
  return publishedStories(manifest).slice(window).reverse();
}

const cacheOf = (response: APIResponse) => response.headers()['x-nextjs-cache'];

test('a story outside the window answers 200 on its first request, then comes from the cache', async ({ request }) => {
  const story = archiveStories()[0]!;
  const url = `${site().url}/stories/${story.slug}`;
  const first = await request.get(url);
  expect(first.status()).toBe(200);
  expect(cacheOf(first)).toBe('MISS');
  const html = await first.text();
  expect(html).toContain(story.headline);
  expect(first.headers()['cache-control']).toBe('public, max-age=0, s-maxage=300, stale-while-revalidate=86400');

  const second = await request.get(url);
  expect(second.status()).toBe(200);
  expect(cacheOf(second)).toBe('HIT');
  expect(await second.text()).toContain(story.headline);
});

test('a story inside the window was prerendered: its very first request is a cache hit', async ({ request }) => {
  const newest = publishedStories(site().manifest)[0]!;
  const response = await request.get(`${site().url}/stories/${newest.slug}`);
  expect(response.status()).toBe(200);
  expect(cacheOf(response)).toBe('HIT');
});

test('the card and crops of a story outside the window are drawn on first request, then cached', async ({
  request,
}) => {
  const story = archiveStories()[1]!;
  for (const path of [`/stories/${story.slug}/opengraph-image`, `/stories/${story.slug}/images/16x9`]) {
    const first = await request.get(site().url + path);
    expect(first.status(), path).toBe(200);
    expect(cacheOf(first), path).toBe('MISS');
    const second = await request.get(site().url + path);
    expect(cacheOf(second), path).toBe('HIT');
    expect(Buffer.compare(await first.body(), await second.body()), path).toBe(0);
  }
});

test("a render in draft mode (an origin's warm-up) caches nothing: the next reader's request is still a miss", async ({
  request,
}) => {
  const { preview } = JSON.parse(readFileSync(path.join(site().dir, '.next/prerender-manifest.json'), 'utf8')) as {
    preview: { previewModeId: string };
  };
  const story = archiveStories()[2]!;
  for (const p of [`/stories/${story.slug}`, `/stories/${story.slug}/opengraph-image`]) {
    const draft = await request.get(site().url + p, {
      headers: { cookie: `__prerender_bypass=${preview.previewModeId}` },
    });
    expect(draft.status(), p).toBe(200);
    expect(draft.headers()['cache-control'], p).toMatch(/private/);
    const first = await request.get(site().url + p);
    expect(cacheOf(first), p).toBe('MISS');
  }
});

test('unknown slugs answer 404, every time, and nothing caches them', async ({ request }) => {
  for (const path of [
    '/stories/no-such-story',
    '/stories/no-such-story/opengraph-image',
    '/stories/no-such-story/images/1x1',
  ]) {
    for (const attempt of [1, 2]) {
      const response = await request.get(site().url + path);
      expect(response.status(), `${path} #${attempt}`).toBe(404);
      // Not in Next's cache, and a CDN may not keep it: a story published later may take the slug.
      expect(cacheOf(response), `${path} #${attempt}`).toBeUndefined();
      expect(response.headers()['cache-control'], path).toMatch(/private/);
      expect(response.headers()['cache-control'], path).toMatch(/no-store/);
    }
  }
  const page = await (await request.get(`${site().url}/stories/no-such-story`)).text();
  expect(page).toContain('<meta name="robots" content="noindex"/>');
});

test('drafts and scheduled stories of the archive are 404s too', async ({ request }) => {
  const hidden = site().manifest.stories.filter((s) => s.draft || s.publishAt);
  expect(hidden.length).toBeGreaterThan(0);
  for (const story of hidden)
    expect((await request.get(`${site().url}/stories/${story.slug}`)).status(), story.slug).toBe(404);
});

test("the focal point moves the card's crop: an off-centre subject stays in the card", async ({ request }) => {
  // Synthetic photo 2 has its subject (a yellow disc) at x = 15 %: a centred crop of the card's photo panel
  // (the middle 44 % of the width) would miss it entirely.
  const offCentre = SYNTHETIC_PHOTOS[1]!;
  expect(offCentre.focus.x).toBeLessThan(0.25);
  const story = archiveStories().find((s) => s.leadPhoto.src.endsWith(offCentre.file) && s.leadPhoto.focalPoint)!;
  const centred = archiveStories().find((s) => s.leadPhoto.src.endsWith(SYNTHETIC_PHOTOS[0]!.file))!;
  const yellowInPanel = async (slug: string) => {
    const card = await request.get(`${site().url}/stories/${slug}/opengraph-image`);
    expect(card.status()).toBe(200);
    const { data, info } = await sharp(await card.body())
      .extract({ left: 760, top: 0, width: 440, height: 630 })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    let count = 0;
    for (let i = 0; i < data.length; i += info.channels)
      if (data[i]! > 200 && data[i + 1]! > 160 && data[i + 2]! < 120) count++;
    return count;
  };
  // A centred crop of the panel's shape would start right of the whole disc (x = 240 ± 150 px of 1600).
  const centredCrop = focalRegion({ width: 1600, height: 1000 }, { width: 440, height: 630 });
  expect(centredCrop.left).toBeGreaterThan(240 + 150);
  // The disc is 300 px across in a 1600×1000 photo drawn 630 px high: about 0.63² × π × 150² ≈ 28,000 px.
  expect(await yellowInPanel(story.slug)).toBeGreaterThan(20_000);
  // Control: a centred subject with no focal point is in the card too (the count is not an artefact).
  expect(await yellowInPanel(centred.slug)).toBeGreaterThan(20_000);
});

test('archive stories, prerendered or rendered on request, say how old they are under the headline', async ({
  request,
}) => {
  const stories = [archiveStories()[3]!, archiveStories().at(-1)!, publishedStories(site().manifest)[0]!];
  const shown: Array<string | undefined> = [];
  for (const story of stories) {
    const html = await (await request.get(`${site().url}/stories/${story.slug}`)).text();
    shown.push(/<h1 class="headline">[^<]*<\/h1><p class="age-notice">([^<]*)<\/p>/.exec(html)?.[1]);
    expect(expectedAgeNotices(story.postedAt), `${story.slug}, posted ${story.postedAt}`).toContain(shown.at(-1));
  }
  // The synthetic archive begins in 2015: its oldest stories are years old, whatever today is.
  expect(shown[0]).toMatch(/^This story is more than \d+ years old$/);
});

test("the archive's live coverage: each live page shows its newest updates, every older page answers and the one past the last is a 404", async ({
  request,
}) => {
  const live = liveStories(site().manifest);
  expect(live.filter((story) => !story.live!.endedAt)).toHaveLength(1);
  for (const story of live) {
    const page = await request.get(`${site().url}/stories/${story.slug}`);
    expect(page.status()).toBe(200);
    const html = await page.text();
    // The newest UPDATES_PER_PAGE, and the pinned update above them when it is older.
    const shown = new Set(html.match(/<article[^>]* id="update-[^"]+"/g)).size;
    expect(shown - Math.min(UPDATES_PER_PAGE, story.live!.updates)).toBeGreaterThanOrEqual(0);
    expect(shown - Math.min(UPDATES_PER_PAGE, story.live!.updates)).toBeLessThanOrEqual(1);
    expect(html).toContain(story.live!.endedAt ? 'Coverage ended' : 'class="live-label">Live</strong>');
    const pages = updatePageCount(story.live!.updates);
    for (const n of [1, pages]) {
      const older = await request.get(`${site().url}/stories/${story.slug}/updates/${n}`);
      expect(older.status(), `${story.slug} updates page ${n}`).toBe(200);
    }
    expect((await request.get(`${site().url}/stories/${story.slug}/updates/${pages + 1}`)).status()).toBe(404);
  }
});
