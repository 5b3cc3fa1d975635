/**
 * The embargo schedule of a list of stories: which are visible at a moment, and when the next lifts. Pure
 * and memoised per list (the served listing is one object per process: docs/decisions/0023).
 */
import { sharedWeakMap } from '@/lib/process-singleton.mjs';

interface Scheduled {
  publishAt?: string;
}
interface ScheduledList<S extends Scheduled> {
  stories: readonly S[];
}

const scheduleMemo = sharedWeakMap<object, number[]>('schedule');
const visibleMemo = sharedWeakMap<object, { key: number; stories: unknown[] }>('visible');

/** Every publishAt of the list (ms), ascending: built once per list, since every request asks. */
function scheduledTimes(list: ScheduledList<Scheduled>): number[] {
  let times = scheduleMemo.get(list);
  if (!times) {
    times = list.stories
      .flatMap((s) => (s.publishAt ? [Date.parse(s.publishAt)] : []))
      .filter((at) => !Number.isNaN(at))
      .sort((a, b) => a - b);
    scheduleMemo.set(list, times);
  }
  return times;
}

/** How many scheduled stories of the list are live at `now`: what is visible changes only when this does. */
export function embargoesLifted(list: ScheduledList<Scheduled>, now: Date): number {
  const times = scheduledTimes(list);
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (times[middle]! <= now.getTime()) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The distinct publishAt times after `now`, soonest first. */
export function embargoesAfter(list: ScheduledList<Scheduled>, now: Date): Date[] {
  const times = scheduledTimes(list).slice(embargoesLifted(list, now));
  return [...new Set(times)].map((t) => new Date(t));
}

/** The next publishAt after `now`, or undefined. */
export const nextEmbargo = (list: ScheduledList<Scheduled>, now: Date): Date | undefined =>
  embargoesAfter(list, now)[0];

/** The stories visible at `now`: those with no publishAt, or whose publishAt has passed. In list order. */
export function visibleAt<S extends Scheduled>(list: ScheduledList<S>, now: Date): S[] {
  const key = embargoesLifted(list, now);
  const memo = visibleMemo.get(list);
  if (memo && memo.key === key) return memo.stories as S[];
  const stories = list.stories.filter((s) => !s.publishAt || Date.parse(s.publishAt) <= now.getTime());
  visibleMemo.set(list, { key, stories });
  return stories;
}
