import { site } from '@/lib/site';
import { formatKstDate, formatKstDateTime } from '@/lib/time';

interface KstTimeProps {
  /** ISO 8601 instant with offset, as stored in content. */
  instant: string;
  /** "datetime" (default) shows date and time; "date" the date alone. */
  show?: 'datetime' | 'date';
}

/** A time shown in Korea Standard Time, whatever the server's zone, with the machine-readable instant. */
export function KstTime({ instant, show = 'datetime' }: KstTimeProps) {
  return (
    <time dateTime={instant}>
      {show === 'date' ? formatKstDate(instant) : `${formatKstDateTime(instant)} ${site.timeZoneLabel}`}
    </time>
  );
}
