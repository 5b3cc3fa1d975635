/**
 * What may be shown: drafts and scheduled stories only in development. Kept apart from the content API so
 * proxy.ts can use it without loading the story index.
 */
import type { StoryRecord } from '@/content/schema';

export interface VisibilityOptions {
  now: Date;
  /** Show stories marked draft: true (development only). */
  includeDrafts: boolean;
  /** Show stories whose publishAt is still to come (development only, for previewing them). */
  includeScheduled: boolean;
}

/** Drafts and scheduled stories only where the options allow; otherwise a scheduled story once its time has come. */
export function isVisible(story: Pick<StoryRecord, 'draft' | 'publishAt'>, options: VisibilityOptions): boolean {
  if (story.draft && !options.includeDrafts) return false;
  if (isScheduled(story, options.now) && !options.includeScheduled) return false;
  return true;
}

/** True while a story's publishAt is in the future. */
export const isScheduled = (story: Pick<StoryRecord, 'publishAt'>, now: Date = new Date()): boolean =>
  !!story.publishAt && Date.parse(story.publishAt) > now.getTime();

/**
 * What this process may show. A production build (and `next start`) never includes drafts or stories
 * scheduled after the build; `next dev` shows everything, with banners, so editors can preview.
 */
export const productionVisibility = (): VisibilityOptions => {
  const development = process.env.NODE_ENV !== 'production';
  // "Now" is when the site was built (next.config.js bakes SITE_BUILT_AT in): story pages exist only for the
  // stories visible then, so a route re-rendered later (the news sitemap) must not list a story that went
  // live after the build and has no page yet.
  const builtAt = process.env.SITE_BUILT_AT;
  return { now: builtAt ? new Date(builtAt) : new Date(), includeDrafts: development, includeScheduled: development };
};
