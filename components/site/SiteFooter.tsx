import { ARCHIVE_PATH } from '@/lib/content';
import { SITE_FEED_PATH } from '@/lib/seo/metadata';
import { site } from '@/lib/site';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <nav aria-label="Site" className="site-footer__nav">
        <ul>
          <li>
            <a href={ARCHIVE_PATH}>Archive</a>
          </li>
          <li>
            <a href="/search">Search</a>
          </li>
          <li>
            <a href={SITE_FEED_PATH}>RSS</a>
          </li>
        </ul>
      </nav>
      <p>
        {site.name} · News from Seoul. All times are Korea Standard Time ({site.timeZoneLabel}, UTC+9).
      </p>
    </footer>
  );
}
