import { site } from './site';

// Built from parts, not from a locale's whole pattern, so that ICU updates ("June 18, 2024 at 08:25")
// cannot change what readers see.
const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: site.timeZone,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(instant: string | Date): Record<Intl.DateTimeFormatPartTypes, string> {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid time: ${String(instant)}`);
  const out = {} as Record<Intl.DateTimeFormatPartTypes, string>;
  for (const part of dateTimeFormat.formatToParts(date)) out[part.type] = part.value;
  return out;
}

/** "June 18, 2024, 08:25" in Korea Standard Time. */
export function formatKstDateTime(instant: string | Date): string {
  const p = parts(instant);
  return `${p.month} ${p.day}, ${p.year}, ${p.hour}:${p.minute}`;
}

/** "June 18, 2024" in Korea Standard Time. */
export function formatKstDate(instant: string | Date): string {
  const p = parts(instant);
  return `${p.month} ${p.day}, ${p.year}`;
}

// AP style, as wire datelines use: months of five letters or fewer stay whole.
const AP_MONTHS: Record<string, string> = {
  January: 'Jan.',
  February: 'Feb.',
  August: 'Aug.',
  September: 'Sept.',
  October: 'Oct.',
  November: 'Nov.',
  December: 'Dec.',
};

/** "June 18", "Sept. 13": the date in a dateline, AP style, in Korea Standard Time. */
export function formatDatelineDate(instant: string | Date): string {
  const p = parts(instant);
  return `${AP_MONTHS[p.month] ?? p.month} ${p.day}`;
}

const yearMonthFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: site.timeZone,
  year: 'numeric',
  month: '2-digit',
});

/** The year and month (1–12) of an instant in Korea Standard Time: a story posted at 00:30 KST on July 1 is July's. */
export function kstYearMonth(instant: string | Date): { year: number; month: number } {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid time: ${String(instant)}`);
  let year = 0;
  let month = 0;
  for (const part of yearMonthFormat.formatToParts(date)) {
    if (part.type === 'year') year = Number(part.value);
    if (part.type === 'month') month = Number(part.value);
  }
  return { year, month };
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "June" for 6. */
export const monthName = (month: number): string => MONTH_NAMES[month - 1] ?? String(month);
