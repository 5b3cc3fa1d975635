import { site } from '@/lib/site';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        {site.name} · News from Seoul. All times are Korea Standard Time ({site.timeZoneLabel}, UTC+9).
      </p>
    </footer>
  );
}
