import { ageNotice } from '@/lib/content';

/**
 * "This story is more than 2 years old", under the headline of a story posted more than a year before `now`, so
 * an old story shared today is not read as news (decision 0049). Nothing for a younger story.
 */
export function AgeNotice({ postedAt, now }: { postedAt: string; now: Date }) {
  const notice = ageNotice(postedAt, now);
  return notice ? <p className="age-notice">{notice}</p> : null;
}
