/**
 * What the editors' placements show at a moment: a front's stories in their order (those not visible, and
 * placements past their `until`, drop out) and the banner while it lasts. Pure, for pages and publishing alike.
 */
import type { Arrangement, BreakingNews, Fronts } from '@/content/schema';

export type PlacementSize = 'large' | 'standard';
export interface Placed<S> {
  story: S;
  size: PlacementSize;
}

const current = (until: string | undefined, now: Date) => !until || Date.parse(until) > now.getTime();

/** A front's placed stories at `now`, lead first; each story once, only those `find` knows (visible). */
export function arrange<S>(
  arrangement: Arrangement | undefined,
  find: (slug: string) => S | undefined,
  now: Date,
): Placed<S>[] {
  if (!arrangement) return [];
  const out: Placed<S>[] = [];
  const seen = new Set<string>();
  for (const placement of [...(arrangement.lead ? [arrangement.lead] : []), ...(arrangement.top ?? [])]) {
    if (seen.has(placement.story) || !current(placement.until, now)) continue;
    const story = find(placement.story);
    if (story === undefined) continue;
    seen.add(placement.story);
    out.push({ story, size: placement.size ?? 'standard' });
  }
  return out;
}

/** The banner showing at `now`: none past its `until`, and none while its story is not visible. */
export function activeBanner(
  banner: BreakingNews,
  visible: (slug: string) => boolean,
  now: Date,
): NonNullable<BreakingNews> | undefined {
  return banner && current(banner.until, now) && visible(banner.story) ? banner : undefined;
}

/** Every front the fronts file arranges, keyed by the path of the page it tops ('/' or a section's). */
export function arrangedFronts(fronts: Fronts): Array<{ path: string; arrangement: Arrangement }> {
  return [
    ...(fronts.home ? [{ path: '/', arrangement: fronts.home }] : []),
    ...Object.entries(fronts.sections ?? {}).map(([id, arrangement]) => ({ path: `/sections/${id}`, arrangement })),
  ];
}

/** Every `until` of the placements and the banner (ms), ascending. */
function placementEnds(placed: { fronts: Fronts; breakingNews: BreakingNews }): number[] {
  const ends = arrangedFronts(placed.fronts).flatMap(({ arrangement }) =>
    [...(arrangement.lead ? [arrangement.lead] : []), ...(arrangement.top ?? [])].map((p) => p.until),
  );
  ends.push(placed.breakingNews?.until);
  return ends
    .flatMap((until) => (until ? [Date.parse(until)] : []))
    .filter((at) => !Number.isNaN(at))
    .sort((a, b) => a - b);
}

/** The next `until` after `now`, or undefined. */
export function nextPlacementEnd(placed: { fronts: Fronts; breakingNews: BreakingNews }, now: Date): Date | undefined {
  const next = placementEnds(placed).find((at) => at > now.getTime());
  return next === undefined ? undefined : new Date(next);
}
