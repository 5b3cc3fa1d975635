/**
 * The fronts (content/fronts.ts) and the breaking-news banner (content/breaking-news.ts): parsed, and every
 * story they name checked against the story files. A missing file arranges nothing (the newest stories lead).
 */
import { breakingNewsSchema, frontsSchema, type Arrangement, type BreakingNews, type Fronts } from '@/content/schema';
import { parseRecord } from './parse';
import { closest, formatPath, reportTo, type ContentProblem, type ContentSource, type Report } from './problems';

export const FRONTS_FILE = 'content/fronts.ts';
export const BREAKING_NEWS_FILE = 'content/breaking-news.ts';

interface PlacementRun {
  /** Every story file's slug: drafts and scheduled stories may be placed (they show once published). */
  slugs: ReadonlySet<string>;
  /** Slugs taken down (content/takedowns.ts): placing one is a warning, never a refusal that blocks a takedown. */
  takenDown: ReadonlySet<string>;
  sectionIds: readonly string[];
  now: Date;
}

/** The story a placement or banner names: an error when no story file has that slug. */
function checkStoryRef(slugValue: string, at: PropertyKey[], run: PlacementRun, report: Report): void {
  if (run.slugs.has(slugValue)) return;
  if (run.takenDown.has(slugValue)) {
    report.warning(formatPath(at), `"${slugValue}" was taken down, so it no longer shows here — remove it`);
    return;
  }
  const guess = closest(slugValue, [...run.slugs]);
  report.error(
    formatPath(at),
    `"${slugValue}" is not the slug of any story — use a story file's name without ".ts"${guess ? `, e.g. "${guess}"` : ''}`,
  );
}

function checkUntil(until: string | undefined, at: PropertyKey[], run: PlacementRun, report: Report): void {
  if (until && Date.parse(until) <= run.now.getTime())
    report.warning(formatPath(at), `${until} has passed, so this no longer shows — remove it`);
}

function checkArrangement(arrangement: Arrangement, at: PropertyKey[], run: PlacementRun, report: Report): void {
  const placed = new Map<string, string>();
  const placements = [
    ...(arrangement.lead ? [{ placement: arrangement.lead, path: [...at, 'lead'] }] : []),
    ...(arrangement.top ?? []).map((placement, i) => ({ placement, path: [...at, 'top', i] })),
  ];
  for (const { placement, path } of placements) {
    checkStoryRef(placement.story, [...path, 'story'], run, report);
    checkUntil(placement.until, [...path, 'until'], run, report);
    const earlier = placed.get(placement.story);
    if (earlier)
      report.error(
        formatPath([...path, 'story']),
        `"${placement.story}" is already placed at ${earlier} — a story appears once on a front; remove one`,
      );
    else placed.set(placement.story, formatPath(path));
  }
}

function checkFronts(fronts: Fronts, run: PlacementRun, report: Report): void {
  if (fronts.home) checkArrangement(fronts.home, ['home'], run, report);
  for (const [id, arrangement] of Object.entries(fronts.sections ?? {})) {
    if (!run.sectionIds.includes(id)) {
      const guess = closest(id, run.sectionIds);
      report.error(
        formatPath(['sections', id]),
        `"${id}" is not a section id — use one from content/sections.ts${guess ? `, e.g. "${guess}"` : ''}`,
      );
    }
    checkArrangement(arrangement, ['sections', id], run, report);
  }
}

/** The fronts and the banner, checked; nothing arranged and no banner where a file is missing or invalid. */
export function checkPlacements(
  sources: { fronts?: ContentSource; breakingNews?: ContentSource },
  run: PlacementRun,
  problems: ContentProblem[],
): { fronts: Fronts; breakingNews: BreakingNews } {
  let fronts: Fronts = {};
  let breakingNews: BreakingNews = null;
  if (sources.fronts) {
    const parsed = parseRecord(sources.fronts.file, frontsSchema, sources.fronts.data);
    problems.push(...parsed.problems);
    if (parsed.data) {
      checkFronts(parsed.data, run, reportTo(problems, sources.fronts.file));
      fronts = parsed.data;
    }
  }
  if (sources.breakingNews) {
    const parsed = parseRecord(sources.breakingNews.file, breakingNewsSchema, sources.breakingNews.data);
    problems.push(...parsed.problems);
    if (parsed.data) {
      const report = reportTo(problems, sources.breakingNews.file);
      checkStoryRef(parsed.data.story, ['story'], run, report);
      checkUntil(parsed.data.until, ['until'], run, report);
    }
    breakingNews = parsed.data ?? null;
  }
  return { fronts, breakingNews };
}
