/**
 * bench:publish's fronts and banner (issue 24; decisions 0050, 0051): seconds from `content:publish` until the
 * edge serves a new front arrangement and a banner on a cached archive page, and the origin requests the banner's
 * publish and its end cause under reader load, beside a window of the same load with nothing published.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Origin } from '../test/support/edge-harness';
import type { TempProject } from '../test/support/temp-project';

export interface PlacementFigures {
  /** Seconds until the front page through the edge leads with the placed story. */
  front?: number;
  /** Seconds until a cached archive story page through the edge shows the banner. */
  banner?: number;
  /** Seconds after the banner's `until` until that page no longer shows it (nobody publishing). */
  bannerEnd?: number;
  /** Origin requests in WINDOW_S seconds: with nothing published, from the banner's publish, from its end. */
  quietRequests: number;
  bannerRequests: number;
  endRequests: number;
  /** Of bannerRequests, how many were story pages (a banner must re-render none). */
  bannerStoryRequests: number;
}

/** The window origin requests are counted in, each time. */
export const WINDOW_S = 20;

interface PlacementRig {
  project: TempProject;
  origins: Origin[];
  via(path: string): Promise<{ body: string }>;
  publish(): Promise<unknown>;
  until(t0: number, check: () => Promise<boolean>): Promise<number | undefined>;
}

const requests = (origins: Origin[]) => origins.reduce((n, o) => n + o.requests, 0);
const storyRequests = (origins: Origin[]) =>
  origins.reduce((n, o) => n + o.seen.filter((line) => line.includes(' /stories/')).length, 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Origin requests during WINDOW_S seconds from now (and the story-page ones among them). */
async function countWindow(origins: Origin[], from: number): Promise<{ all: number; stories: number }> {
  const all = requests(origins);
  const stories = storyRequests(origins);
  await sleep(Math.max(0, from + WINDOW_S * 1000 - performance.now()));
  return { all: requests(origins) - all, stories: storyRequests(origins) - stories };
}

/** Arranges the front, then shows a banner that ends 30 s later; the project's two files are put back after. */
export async function placements(
  rig: PlacementRig,
  archivedSlug: string,
  bannerSlug: string,
): Promise<PlacementFigures> {
  const files = ['content/fronts.ts', 'content/breaking-news.ts'];
  const original = files.map((file) => readFileSync(path.join(rig.project.dir, file), 'utf8'));
  try {
    rig.project.write(
      files[0]!,
      `import { defineFronts } from './schema';\nexport default defineFronts({ home: { lead: { story: '${archivedSlug}' } } });\n`,
    );
    let t0 = performance.now();
    const arranging = rig.publish();
    const front = await rig.until(
      t0,
      async () =>
        /class="lead-story__headline"><a href="\/stories\/([^"]+)"/.exec((await rig.via('/')).body)?.[1] ===
        archivedSlug,
    );
    await arranging;

    const quiet = await countWindow(rig.origins, performance.now());
    const text = 'Bench breaking news on every page';
    const untilAt = Date.now() + 30_000;
    rig.project.write(
      files[1]!,
      `import { defineBreakingNews } from './schema';\nexport default defineBreakingNews(${JSON.stringify({ text, story: bannerSlug, until: new Date(untilAt).toISOString() })});\n`,
    );
    t0 = performance.now();
    const counting = countWindow(rig.origins, t0);
    const showing = rig.publish();
    const banner = await rig.until(t0, async () => (await rig.via(`/stories/${archivedSlug}`)).body.includes(text));
    await showing;
    const published = await counting;
    await sleep(Math.max(0, untilAt - Date.now()));
    const ended = performance.now();
    const countingEnd = countWindow(rig.origins, ended);
    const bannerEnd = await rig.until(
      ended,
      async () => !(await rig.via(`/stories/${archivedSlug}`)).body.includes(text),
    );
    const end = await countingEnd;
    return {
      front,
      banner,
      bannerEnd,
      quietRequests: quiet.all,
      bannerRequests: published.all,
      endRequests: end.all,
      bannerStoryRequests: published.stories,
    };
  } finally {
    files.forEach((file, i) => rig.project.write(file, original[i]!));
  }
}
