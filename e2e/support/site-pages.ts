import type { APIRequestContext } from '@playwright/test';

/** Every kind of page the site serves; tests that must cover "every page type" loop over these. */
export const PAGE_TYPES = ['front', 'story', 'section', 'author', 'tag', 'not-found'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

const firstHref = (html: string, pattern: RegExp): string | undefined => html.match(pattern)?.[1];

/**
 * One URL per page type, found the way a reader finds them: the front page's first story, and that
 * story's section, author and tag links.
 */
export async function discoverPages(request: APIRequestContext): Promise<Record<PageType, string | undefined>> {
  const front = await (await request.get('/')).text();
  const story = firstHref(front, /href="(\/stories\/[^"/?#]+)"/);
  const storyHtml = story ? await (await request.get(story)).text() : '';
  return {
    front: '/',
    story,
    section: firstHref(storyHtml, /href="(\/sections\/[^"/?#]+)"/),
    author: firstHref(storyHtml, /href="(\/authors\/[^"/?#]+)"/),
    tag: firstHref(storyHtml, /href="(\/tags\/[^"/?#]+)"/),
    'not-found': '/this-page-does-not-exist',
  };
}
