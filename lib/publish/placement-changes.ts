/**
 * What the editors' placements show at a moment, as a publish compares it: each front's placed slugs and the
 * banner. A change reaches only the fronts that differ and the banner's fragment, never the archive.
 */
import type { BreakingNews, Fronts } from '@/content/schema';
import { BREAKING_NEWS_FRAGMENT_PATH, storyPath } from '@/lib/content/model/paths';
import { activeBanner, arrange, arrangedFronts } from '@/lib/content/model/placements';

export interface PlacementView {
  /** Per front's path ('/', '/sections/<id>'): its placed slugs and sizes, in order. */
  fronts: Record<string, string>;
  /** The banner showing ('' for none): its text and link. */
  banner: string;
}

/** The placements of `placed` as readers see them at `at`, given which stories are visible then. */
export function placementView(
  placed: { fronts?: Fronts; breakingNews?: BreakingNews },
  visible: ReadonlySet<string>,
  at: Date,
): PlacementView {
  const find = (slug: string) => (visible.has(slug) ? slug : undefined);
  const fronts: Record<string, string> = {};
  for (const { path, arrangement } of arrangedFronts(placed.fronts ?? {})) {
    fronts[path] = arrange(arrangement, find, at)
      .map((p) => `${p.story}:${p.size}`)
      .join(' ');
  }
  const banner = activeBanner(placed.breakingNews ?? null, (slug) => visible.has(slug), at);
  return { fronts, banner: banner ? JSON.stringify([banner.text, storyPath(banner.story)]) : '' };
}

/** The paths whose pages differ between two placement views: fronts rearranged, the banner's fragment. */
export function placementChanges(before: PlacementView | undefined, after: PlacementView): string[] {
  const paths: string[] = [];
  for (const path of new Set([...Object.keys(before?.fronts ?? {}), ...Object.keys(after.fronts)])) {
    if ((before?.fronts[path] ?? '') !== (after.fronts[path] ?? '')) paths.push(path);
  }
  if ((before?.banner ?? '') !== after.banner) paths.push(BREAKING_NEWS_FRAGMENT_PATH);
  return paths;
}
