/**
 * The breaking-news banner as an HTML string: the edge includes it into every page (edge-side includes,
 * docs/decisions/0050-breaking-news-by-edge-side-include.md), so it is markup, not a React tree.
 */
import { escapeHtml } from '@/lib/content';

/** The banner's markup: a labelled landmark (not a live region or a dialog), its text a link to the story. */
export function breakingNewsMarkup(banner: { text: string; path: string }): string {
  return (
    '<aside class="breaking-news" aria-labelledby="breaking-news-label">' +
    '<p class="breaking-news__text"><strong class="breaking-news__label" id="breaking-news-label">Breaking</strong> ' +
    `<a href="${escapeHtml(banner.path)}">${escapeHtml(banner.text)}</a></p></aside>`
  );
}
