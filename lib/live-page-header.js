/**
 * The request header proxy.ts sets on a live story's address, and only there (a reader's own is dropped):
 * next.config.js rewrites such a request to the live page's route, app/live/[slug] (docs/development/routes.md).
 */
export const LIVE_PAGE_HEADER = 'x-aju-live-page';
