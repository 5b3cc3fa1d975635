/** What the archive specs read from the archive site (e2e/support/archive-site.ts): its published stories and pages. */
import { expect, type APIRequestContext } from '@playwright/test';
import { archiveSite } from './archive-site';

/** The manifest's stories readers see now: no drafts, none scheduled for later; newest first. */
export function published() {
  const now = Date.now();
  return archiveSite().manifest.stories.filter((s) => !s.draft && !(s.publishAt && Date.parse(s.publishAt) > now));
}
export type PublishedStory = ReturnType<typeof published>[number];

export const storyPath = (slug: string) => `/stories/${slug}`;

/** A page's HTML, which must answer 200 without a redirect. */
export async function getHtml(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status(), url).toBe(200);
  return response.text();
}
