/**
 * Preview links (docs/operations/publishing.md, "Preview links"; decision 0047): a copy of the site, built
 * once, one origin on a disk store, real Varnish in front; `npm run content:preview` run in the copy as an
 * editor runs it. A draft's link shows it, with its unpublished photo and its embeds' CSP, to anyone, never
 * stored by the edge and never indexed; expired, altered or unknown links are the plain 404. Serial.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signPreviewToken } from '@/lib/preview/token';
import { LATEST_RELEASE, request } from '../test/support/edge-harness';
import { PublishSite, seed } from './support/publish-site';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let site: PublishSite;
const NEW_PHOTO = '/images/stories/preview-test-new-photo.jpg';
const DRAFT = {
  slug: 'preview-test-draft',
  headline: 'A draft only its preview link shows',
  extra: {
    draft: true,
    leadPhoto: { ...seed.leadPhoto, src: NEW_PHOTO },
    body: [
      ...seed.body,
      { type: 'storyLink', slug: seed.slug },
      { type: 'embed', url: 'https://www.youtube.com/watch?v=M7lc1UVf-VE', title: 'A video on YouTube' },
    ],
  },
};

/** `npm run content:preview -- <args>` in the copy, on the origins' store and secret. */
function preview(...args: string[]): Promise<{ code: number; out: string; path?: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(site.project.dir, 'node_modules/tsx/dist/cli.mjs'), 'scripts/editors/content-preview.ts', ...args],
      {
        cwd: site.project.dir,
        env: { ...process.env, ...site.originEnv(), SITE_URL: 'https://news.example' },
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const out = `${stdout}${stderr}`;
        const link = /https:\/\/news\.example(\/preview\/\S+)/.exec(out)?.[1];
        resolve({ code: error ? Number(error.code ?? 1) : 0, out, path: link });
      },
    );
  });
}

const direct = (p: string) => request(site.origins[0]!.url, p);
const viaEdge = (p: string) => request(site.edge!.url, p, { headers: { 'Accept-Encoding': 'gzip' } });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  site = await PublishSite.copy(LATEST_RELEASE);
  await site.writePhoto(NEW_PHOTO);
  await site.startOrigin();
  await site.startEdge();
});

test.afterAll(async () => {
  await site?.stop();
});

test('a draft: its link shows it, photo, story link and embed included, noindex and private; readers see nothing', async () => {
  site.writeStory(DRAFT);
  const made = await preview(DRAFT.slug);
  expect(made.code, made.out).toBe(0);
  expect(made.out).toMatch(/\(a draft\)/);
  expect(made.out).toMatch(/until [A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}, [0-9]{2}:[0-9]{2} KST \(24 hours\)/);
  const link = made.path!;
  expect(link).toMatch(/^\/preview\/preview-test-draft\.[0-9]+\.[0-9a-f]{64}\.[A-Za-z0-9_-]{43}$/);

  const page = await direct(link);
  expect(page.status).toBe(200);
  expect(page.body).toContain(DRAFT.headline);
  expect(page.body).toContain('Preview — not published; this link expires');
  expect(page.body).toMatch(/<time dateTime="[^"]+">[^<]+ KST<\/time>/);
  expect(page.body).toContain('<meta name="robots" content="noindex, nofollow"/>');
  expect(page.headers['x-robots-tag']).toBe('noindex, nofollow');
  expect(page.headers['cache-control']).toBe('private, no-store');
  // The embed's provider is let into frame-src, as on a published story's page.
  expect(page.headers['content-security-policy']).toContain('frame-src https://www.youtube-nocookie.com');
  // The story link's card: the seed story.
  expect(page.body).toContain(`href="/stories/${seed.slug}"`);

  // The photo no release has: served under the link, as it is, never stored.
  const photoPath = new RegExp(`${link.replace(/[.]/g, '\\.')}/photos/[0-9a-f]{64}`).exec(page.body)?.[0];
  expect(photoPath, 'the new photo is served by the link').toBeTruthy();
  const photo = await direct(photoPath!);
  expect(photo.status).toBe(200);
  expect(photo.headers['content-type']).toBe('image/jpeg');
  expect(photo.headers['cache-control']).toBe('private, no-store');

  // Readers: no story page, no photo, nothing in the feed or the sitemap.
  expect((await direct(`/stories/${DRAFT.slug}`)).status).toBe(404);
  expect((await direct(NEW_PHOTO)).status).toBe(404);
  expect((await direct('/feed.xml')).body).not.toContain(DRAFT.slug);
  expect((await direct('/news-sitemap.xml')).body).not.toContain(DRAFT.slug);
});

test('through the edge: every request reaches the origin (never stored), with noindex', async () => {
  const made = await preview(DRAFT.slug, '--hours', '2');
  expect(made.code, made.out).toBe(0);
  expect(made.out).toContain('(2 hours)');
  const reached = () => site.origins[0]!.seen.filter((line) => line === `GET ${made.path}`).length;
  const before = reached();
  for (let i = 0; i < 2; i++) {
    const answer = await viaEdge(made.path!);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(DRAFT.headline);
    expect(answer.headers['x-cache']).not.toBe('HIT');
    expect(answer.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(answer.headers['cache-control']).toBe('private, no-store');
  }
  expect(reached() - before).toBe(2);
});

test('in Chromium through the edge: the notice, the new photo shown, no WCAG 2.2 AA violation', async ({ page }) => {
  const made = await preview(DRAFT.slug);
  await page.goto(`${site.edge!.url}${made.path}`);
  await expect(page.getByRole('note')).toContainText('Preview — not published; this link expires');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DRAFT.headline);
  const lead = page.locator('.photo--lead img');
  await expect
    .poll(() => lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('a scheduled story: its link shows it before its time, with the time; its own address stays a 404', async () => {
  const publishAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const scheduled = {
    slug: 'preview-test-scheduled',
    headline: 'An embargoed story its link shows early',
    postedAt: publishAt,
    publishAt,
  };
  site.writeStory(scheduled);
  const made = await preview(scheduled.slug);
  site.removeStory(scheduled.slug);
  expect(made.code, made.out).toBe(0);
  expect(made.out).toMatch(/\(scheduled for [A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}, [0-9]{2}:[0-9]{2} KST\)/);
  const answer = await direct(made.path!);
  expect(answer.status).toBe(200);
  expect(answer.body).toContain(scheduled.headline);
  expect(answer.body).toMatch(/Scheduled to go live at <time dateTime="[^"]+">[^<]+ KST<\/time>/);
  expect((await direct(`/stories/${scheduled.slug}`)).status).toBe(404);
});

test('an altered link, one signed with another secret, and one for a story not stored are the plain 404', async () => {
  const { path: link } = await preview(DRAFT.slug);
  const [, slug, expires, hash, signature] = /^\/preview\/([^.]+)\.([^.]+)\.([^.]+)\.([^.]+)$/.exec(link!)!;
  const flip = (s: string) => `${s[0] === 'a' ? 'b' : 'a'}${s.slice(1)}`;
  const wrong = [
    `/preview/${slug}.${Number(expires) + 3600}.${hash}.${signature}`,
    `/preview/${slug}.${expires}.${flip(hash!)}.${signature}`,
    `/preview/${slug}.${expires}.${hash}.${flip(signature!)}`,
    `/preview/${seed.slug}.${expires}.${hash}.${signature}`,
    `/preview/${signPreviewToken({ slug: slug!, hash: hash!, expires: Number(expires) }, 'another-secret-entirely')}`,
    // Signed with the right secret, for a record the store does not have.
    `/preview/${signPreviewToken({ slug: 'no-such-story', hash: 'ab'.repeat(32), expires: Number(expires) }, site.secret)}`,
    `${link}/photos/${'ab'.repeat(32)}`,
    '/preview/not-a-token',
  ];
  for (const p of wrong) {
    for (const answer of [await direct(p), await viaEdge(p)]) {
      expect(answer.status, p).toBe(404);
      // The site's 404 page; a photo the preview does not show, a plain-text 404 from its route.
      if (!p.includes('/photos/')) expect(answer.body).toContain('<h1');
      expect(answer.body).not.toContain(DRAFT.headline);
      expect(answer.headers['cache-control'], p).toMatch(/no-store/);
    }
  }
  const unknown = await preview('no-such-story');
  expect(unknown.code).toBe(1);
  expect(unknown.out).toContain('No preview: no story has the slug "no-such-story"');
});

test('an expired link is the plain 404', async () => {
  // 0.001 hours: 3.6 seconds.
  const made = await preview(DRAFT.slug, '--hours', '0.001');
  expect(made.code, made.out).toBe(0);
  await expect.poll(async () => (await direct(made.path!)).status, { timeout: 20_000, intervals: [500] }).toBe(404);
  expect((await viaEdge(made.path!)).status).toBe(404);
});

test("errors in the story's own file stop its preview; errors in other files do not", async () => {
  site.writeRaw('content/stories/2024/06/preview-test-broken.ts', 'export default 1;\n');
  const despite = await preview(DRAFT.slug);
  expect(despite.code, despite.out).toBe(0);
  expect(despite.out).toMatch(/error in other files: they stop content:publish, not this preview/);
  site.removeRaw('content/stories/2024/06/preview-test-broken.ts');

  site.writeStory({ ...DRAFT, headline: '' });
  const refused = await preview(DRAFT.slug);
  expect(refused.code).toBe(1);
  expect(refused.out).toMatch(/preview-test-draft\.ts › headline: .+ — .+/);
  expect(refused.out).toContain('No link was made.');
});
