import type { APIRequestContext } from '@playwright/test';

/** Every kind of page the site serves; tests that must cover "every page type" loop over these. */
export const PAGE_TYPES = ['front', 'story', 'section', 'author', 'tag', 'archive', 'search', 'not-found'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

const firstHref = (html: string, pattern: RegExp): string | undefined => html.match(pattern)?.[1];

/**
 * One URL per page type, found the way a reader finds them: the front page's first story, and that
 * story's section, author and tag links; the footer's archive (a month's page from it) and search (with a
 * word from the front page's first headline as the query, so it shows results).
 */
export async function discoverPages(request: APIRequestContext): Promise<Record<PageType, string | undefined>> {
  const front = await (await request.get('/')).text();
  const story = firstHref(front, /href="(\/stories\/[^"/?#]+)"/);
  const storyHtml = story ? await (await request.get(story)).text() : '';
  const archive = firstHref(front, /href="(\/archive)"/);
  const archiveHtml = archive ? await (await request.get(archive)).text() : '';
  const search = firstHref(front, /href="(\/search)"/);
  const word = front.match(/<h2 class="lead-story__headline"><a [^>]*>\s*([A-Za-z]{4,})/)?.[1];
  return {
    front: '/',
    story,
    section: firstHref(storyHtml, /href="(\/sections\/[^"/?#]+)"/),
    author: firstHref(storyHtml, /href="(\/authors\/[^"/?#]+)"/),
    tag: firstHref(storyHtml, /href="(\/tags\/[^"/?#]+)"/),
    archive: firstHref(archiveHtml, /href="(\/archive\/\d{4}\/\d{2})"/),
    search: search && word ? `${search}?q=${encodeURIComponent(word)}` : search,
    'not-found': '/this-page-does-not-exist',
  };
}
