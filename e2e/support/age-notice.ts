/**
 * What a story page's age notice may say now (decision 0049), counted here apart from the site's code: whole
 * years since postedAt. A page may have been rendered up to a day ago (its revalidate window), so across a
 * birthday both counts are accepted; undefined stands for no notice.
 */
export function expectedAgeNotices(postedAt: string, now = new Date()): Set<string | undefined> {
  const posted = new Date(postedAt);
  const yearsAt = (at: Date) => {
    let years = at.getUTCFullYear() - posted.getUTCFullYear();
    const birthday = (y: number) =>
      Date.UTC(
        posted.getUTCFullYear() + y,
        posted.getUTCMonth(),
        posted.getUTCDate(),
        posted.getUTCHours(),
        posted.getUTCMinutes(),
        posted.getUTCSeconds(),
      );
    while (years > 0 && birthday(years) > at.getTime()) years--;
    return years;
  };
  const wording = (years: number) =>
    years < 1 ? undefined : `This story is more than ${years === 1 ? 'a year' : `${years} years`} old`;
  return new Set([wording(yearsAt(now)), wording(yearsAt(new Date(now.getTime() - 86_400_000)))]);
}
