import { BREAKING_NEWS_FRAGMENT_PATH, getBreakingNews } from '@/lib/content';
import { breakingNewsMarkup } from './breaking-news-markup';

/**
 * Where the breaking-news banner goes on every page. In production the page holds an edge-side include that the
 * edge fills from app/fragments/breaking-news (so a banner never re-renders the archive); a browser ignores the
 * tag where no edge fills it. Under next dev the banner is written in directly. React does not hydrate inside
 * dangerouslySetInnerHTML, so what the edge puts there stays.
 */
export async function BreakingNewsSlot() {
  const html =
    process.env.NODE_ENV === 'production'
      ? `<esi:include src="${BREAKING_NEWS_FRAGMENT_PATH}"/>`
      : await getBreakingNews().then((banner) => (banner ? breakingNewsMarkup(banner) : ''));
  return <div className="breaking-news-slot" dangerouslySetInnerHTML={{ __html: html }} />;
}
