/**
 * A story's times as readers and machines are told them: its meaningful last update (the page's "Updated",
 * JSON-LD dateModified, og article:modified_time, sitemap lastmod, feed dates) and its age notice
 * (docs/decisions/0049-meaningful-updates-and-age-notices.md).
 */
import { MEANINGFUL_UPDATE_MINUTES } from '@/content/schema';

/** What the rule reads: a listed story carries `correctedAt`, a whole story its `corrections`. */
export interface StoryTimes {
  postedAt: string;
  updatedAt: string;
  /** The latest correction's date (listing records: content:check derives it). */
  correctedAt?: string;
  corrections?: ReadonlyArray<{ date: string }>;
  /** Live coverage: its updatedAt is the newest update's change (content:check sets it), every one meaningful. */
  live?: { startedAt: string; endedAt?: string };
}

/** The latest of the story's correction dates, or undefined when it has none. */
export function latestCorrection(story: Pick<StoryTimes, 'correctedAt' | 'corrections'>): string | undefined {
  const dates = [...(story.correctedAt ? [story.correctedAt] : []), ...(story.corrections ?? []).map((c) => c.date)];
  return dates.reduce<string | undefined>(
    (a, b) => (a === undefined || Date.parse(b) > Date.parse(a) ? b : a),
    undefined,
  );
}

/**
 * The story's meaningful last update, or undefined when it has none: updatedAt if it is at least
 * MEANINGFUL_UPDATE_MINUTES after postedAt (a live story's: any later one, its newest update); a correction always (its date); the later of the two.
 */
export function meaningfulUpdate(story: StoryTimes): string | undefined {
  const posted = Date.parse(story.postedAt);
  const since = Date.parse(story.updatedAt) - posted;
  // A live story's every update counts: its readers follow the minutes.
  const updated =
    since >= MEANINGFUL_UPDATE_MINUTES * 60_000 || (story.live && since > 0) ? story.updatedAt : undefined;
  const corrected = latestCorrection(story);
  if (!updated) return corrected;
  if (!corrected) return updated;
  return Date.parse(corrected) > Date.parse(updated) ? corrected : updated;
}

/** When the story last changed for readers: its meaningful update, else when it was posted. */
export const modifiedAt = (story: StoryTimes): string => meaningfulUpdate(story) ?? story.postedAt;

/** Whole years from `postedAt` to `now` (calendar years, by the instant: a story posted at 08:25 is a year old at 08:25). */
export function yearsOld(postedAt: string, now: Date): number {
  const posted = new Date(postedAt);
  const at = (years: number) => {
    const d = new Date(posted.getTime());
    d.setUTCFullYear(posted.getUTCFullYear() + years);
    return d.getTime();
  };
  let years = now.getUTCFullYear() - posted.getUTCFullYear();
  while (years > 0 && at(years) > now.getTime()) years--;
  return Math.max(years, 0);
}

/** "This story is more than a year old" / "… more than 3 years old", or undefined for a story under a year old. */
export function ageNotice(postedAt: string, now: Date): string | undefined {
  const years = yearsOld(postedAt, now);
  if (years < 1) return undefined;
  return `This story is more than ${years === 1 ? 'a year' : `${years} years`} old`;
}
