import { listingPagePath, pageNumbers } from '@/lib/content';

interface PaginationProps {
  /** The listing's own URL (its page 1). */
  basePath: string;
  page: number;
  pageCount: number;
}

/** Numbered pages of a listing: previous, the first, the last and the current page's neighbours, next. */
export function Pagination({ basePath, page, pageCount }: PaginationProps) {
  if (pageCount <= 1) return null;
  const href = (n: number) => listingPagePath(basePath, n);
  return (
    <nav aria-label="Pagination" className="pagination">
      <ul>
        {page > 1 && (
          <li className="pagination__step">
            <a href={href(page - 1)} rel="prev">
              <span aria-hidden="true">← </span>Previous<span className="visually-hidden"> page</span>
            </a>
          </li>
        )}
        {pageNumbers(page, pageCount).map((n, i) =>
          n === 'gap' ? (
            <li key={`gap-${i}`} className="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <a href={href(n)} aria-current={n === page ? 'page' : undefined}>
                <span className="visually-hidden">Page </span>
                {n}
              </a>
            </li>
          ),
        )}
        {page < pageCount && (
          <li className="pagination__step">
            <a href={href(page + 1)} rel="next">
              Next<span className="visually-hidden"> page</span>
              <span aria-hidden="true"> →</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
