/**
 * What a publish (or an embargo lifting) changes: the stories added, updated and removed, and every path
 * whose page shows one of them (./story-pages.ts), every numbered page of its listings, the stories that
 * list it as related or no longer do, and those whose body links to it; and old addresses whose redirect or
 * takedown changed (decision 0048). Origins revalidate these; the edge soft-purges them (decision 0021).
 */
import type { Addresses } from '@/lib/content/model/addresses';
import { listingPageCounts, listingPagePath, relatedStories } from '@/lib/content/read/listings';
import { placementChanges, type PlacementView } from './placement-changes';
import { pagesShowingStory, SITE_WIDE_PATHS, storyOwnPaths, type PlacedStory } from './story-pages';

/** A story as a change set sees it: where it is placed, the hash of its whole record, the stories it links to. */
export type ChangedStory = PlacedStory & { hash: string; links?: readonly string[] };

/** A view of the site's content: the visible stories (newest first) and the records. */
export interface ChangeView {
  stories: readonly ChangedStory[];
  authors: ReadonlyArray<{ id: string }>;
  sections: ReadonlyArray<{ id: string }>;
  tags: ReadonlyArray<{ id: string }>;
  images: Readonly<Record<string, unknown>>;
  /** What the editors' fronts and banner show (./placement-changes.ts); absent: nothing placed. */
  placements?: PlacementView;
  /** Old addresses: redirects and takedowns (absent: none). */
  addresses?: Addresses;
}

export interface ContentChanges {
  added: string[];
  updated: string[];
  removed: string[];
  /** The records (authors, sections, tags) or photos changed, or there was nothing before: every page may differ. */
  everything: boolean;
  /** Site paths whose pages changed, sorted; empty when nothing did. */
  paths: string[];
}

interface Relatable {
  slug: string;
  postedAt: string;
  section: { id: string };
  tags: Array<{ id: string }>;
}

const relatableMemo = new WeakMap<readonly ChangedStory[], { list: Relatable[]; bySlug: Map<string, Relatable> }>();
function relatable(stories: readonly ChangedStory[]) {
  let memo = relatableMemo.get(stories);
  if (!memo) {
    const list = stories.map((s) => ({
      slug: s.slug,
      postedAt: s.postedAt,
      section: { id: s.section },
      tags: s.tags.map((id) => ({ id })),
    }));
    memo = { list, bySlug: new Map(list.map((r) => [r.slug, r])) };
    relatableMemo.set(stories, memo);
  }
  return memo;
}

/**
 * A story's related stories in a list, as its slugs joined by spaces, remembered per list: the next publish
 * compares against this list (its "before"), so each sync scores only the "after" side.
 */
const relatedMemo = new WeakMap<readonly Relatable[], Map<string, string>>();
function relatedSlugs(list: readonly Relatable[], story: Relatable): string {
  let memo = relatedMemo.get(list);
  if (!memo) relatedMemo.set(list, (memo = new Map()));
  let slugs = memo.get(story.slug);
  if (slugs === undefined)
    memo.set(
      story.slug,
      (slugs = relatedStories(list, story)
        .map((r) => r.slug)
        .join(' ')),
    );
  return slugs;
}

/**
 * Whether every page may differ: the authors, sections or tags changed, or a photo file changed under a name
 * both views use. A photo only one of them has comes or goes with the stories that use it.
 */
const sameRecords = (a: ChangeView, b: ChangeView) =>
  JSON.stringify([a.authors, a.sections, a.tags]) === JSON.stringify([b.authors, b.sections, b.tags]) &&
  Object.keys(a.images).every(
    (src) => !Object.hasOwn(b.images, src) || JSON.stringify(a.images[src]) === JSON.stringify(b.images[src]),
  );

export function contentChanges(previous: ChangeView | undefined, next: ChangeView): ContentChanges {
  const before = new Map((previous?.stories ?? []).map((s) => [s.slug, s]));
  const after = new Map(next.stories.map((s) => [s.slug, s]));
  const added = [...after.keys()].filter((slug) => !before.has(slug));
  const removed = [...before.keys()].filter((slug) => !after.has(slug));
  const updated = [...after.keys()].filter(
    (slug) => before.has(slug) && before.get(slug)!.hash !== after.get(slug)!.hash,
  );
  const everything = !previous || !sameRecords(previous, next);
  const changed = [...added, ...removed, ...updated];
  const moved = movedAddresses(previous?.addresses, next.addresses);
  const placed = next.placements ? placementChanges(previous?.placements, next.placements) : [];
  const paths = new Set<string>([...moved.flatMap(storyOwnPaths), ...placed]);
  if (!everything && changed.length === 0) return { added, updated, removed, everything, paths: [...paths].sort() };
  for (const path of SITE_WIDE_PATHS) paths.add(path);
  const countsBefore = listingPageCounts(previous?.stories ?? []);
  const countsAfter = listingPageCounts(next.stories);
  const listing = (base: string) => {
    const pages = Math.max(countsBefore[base] ?? 1, countsAfter[base] ?? 1);
    for (let page = 1; page <= pages; page++) paths.add(listingPagePath(base, page));
  };
  const touched = { sections: new Set<string>(), tags: new Set<string>() };
  for (const slug of changed) {
    const olderPages = changedUpdatePages(before.get(slug), after.get(slug));
    for (const story of [before.get(slug), after.get(slug)]) {
      if (!story) continue;
      const pages = pagesShowingStory(story, olderPages);
      for (const path of [...pages.own, ...pages.pages, pages.monthSitemap]) paths.add(path);
      for (const base of pages.listings) listing(base);
      touched.sections.add(story.section);
      for (const id of story.tags) touched.tags.add(id);
    }
  }
  for (const slug of relatedChanges(
    previous?.stories ?? [],
    next.stories,
    new Set(changed),
    new Set(updated),
    touched,
  )) {
    paths.add(`/stories/${slug}`);
  }
  // A story whose body links to one that came, went or changed: its link or card follows (decision 0048).
  const linkChanged = new Set([...changed, ...moved]);
  for (const story of next.stories)
    if (story.links?.some((slug) => linkChanged.has(slug))) paths.add(`/stories/${story.slug}`);
  return { added, updated, removed, everything, paths: [...paths].sort() };
}

/**
 * A live story's older pages of updates that changed between two versions (their hashes differ, or only one
 * has the page): a full page keeps its hash, so a new update refreshes only the newest page (and the one before
 * it, when it starts a page). Undefined (all) when either version is missing.
 */
function changedUpdatePages(before: ChangedStory | undefined, after: ChangedStory | undefined) {
  if (!before || !after) return undefined;
  const old = before.updatePages ?? [];
  const now = after.updatePages ?? [];
  const pages: number[] = [];
  for (let i = 0; i < Math.max(old.length, now.length); i++) if (old[i] !== now[i]) pages.push(i + 1);
  return pages;
}

/** The old slugs whose answer changed: redirected elsewhere, taken down, or no longer either. */
function movedAddresses(before: Addresses | undefined, after: Addresses | undefined): string[] {
  const answer = (addresses: Addresses | undefined, slug: string) =>
    addresses?.gone.includes(slug)
      ? 'gone'
      : addresses && Object.hasOwn(addresses.redirects, slug)
        ? `to ${addresses.redirects[slug]}`
        : '';
  const slugs = new Set([
    ...Object.keys(before?.redirects ?? {}),
    ...Object.keys(after?.redirects ?? {}),
    ...(before?.gone ?? []),
    ...(after?.gone ?? []),
  ]);
  return [...slugs].filter((slug) => answer(before, slug) !== answer(after, slug)).sort();
}

/**
 * The stories (visible after) whose "Related stories" list changed, or lists a story that changed. Only
 * stories that can be affected are scored: those sharing a section or tag with a changed story (any list
 * that held or now holds it), and those in a section too small to fill their list from it (they may take
 * the latest stories instead).
 */
function relatedChanges(
  before: readonly ChangedStory[],
  after: readonly ChangedStory[],
  changed: Set<string>,
  updated: Set<string>,
  touched: { sections: Set<string>; tags: Set<string> },
): string[] {
  const old = relatable(before);
  const now = relatable(after);
  const sectionSize = new Map<string, number>();
  for (const s of after) sectionSize.set(s.section, (sectionSize.get(s.section) ?? 0) + 1);
  const out: string[] = [];
  for (const story of now.list) {
    if (changed.has(story.slug) && !old.bySlug.has(story.slug)) continue; // added: its own page is revalidated anyway
    const shares = touched.sections.has(story.section.id) || story.tags.some((t) => touched.tags.has(t.id));
    const small = (sectionSize.get(story.section.id) ?? 0) <= 5;
    // A story can list a changed one only when they share a section or tag (touched holds both versions'),
    // or when its own section is too small to fill its list.
    if (!shares && !small) continue;
    const previousStory = old.bySlug.get(story.slug);
    const listedBefore = previousStory ? relatedSlugs(old.list, previousStory) : '';
    const listedAfter = relatedSlugs(now.list, story);
    if (listedAfter !== listedBefore || listedAfter.split(' ').some((slug) => updated.has(slug))) out.push(story.slug);
  }
  return out;
}
