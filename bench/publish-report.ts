/** The publish section of BENCHMARKS.md: seconds until readers get each change through the edge, beside the build. */
import os from 'node:os';
import { WINDOW_S, type PlacementFigures } from './publish-placements';

export const TARGETS = {
  seconds: 10,
  goalSeconds: 3,
  searchSeconds: 60,
  embargoSeconds: 60,
  bannerSeconds: 30,
  buildSeconds10k: 120,
};
export const POLL_MS = 50;
export const SEARCH_POLL_MS = 250;

export interface Round {
  origins: number;
  /** Where the origins share the published content (and, with Redis, Next's cache). */
  store: 'disk' | 'Redis';
  publishSeconds: number;
  /** When content:publish reported the edge purged, for the new story (readers' figures minus this is the lag). */
  purgedSeconds?: number;
  page?: number;
  front?: number;
  section?: number;
  feeds?: number;
  search?: number;
  correctionPage?: number;
  correctionCard?: number;
  takedown?: number;
  embargo?: number;
  placements?: PlacementFigures;
  readerRequests: number;
  readerErrors: number;
}

export interface SizeResult {
  stories: number;
  buildSeconds: number;
  rounds: Round[];
}

export const s = (value: number | undefined) => (value === undefined ? 'never (gave up)' : `${value.toFixed(2)} s`);
const verdict = (value: number | undefined, target: number) =>
  value !== undefined && value <= target ? 'met' : '**not met**';

/** One round's rows: each change readers waited for, and their errors. */
function roundRows(size: SizeResult, r: Round): string[] {
  const lines: string[] = [];
  const row = (label: string, value: number | undefined, target: number) =>
    lines.push(
      `| ${size.stories.toLocaleString('en-US')} | ${r.origins} (${r.store}) | ${label} | ${s(value)} | ${value === undefined ? '–' : (value / size.buildSeconds).toFixed(3)} | ${verdict(value, target)} |`,
    );
  lines.push(
    `| ${size.stories.toLocaleString('en-US')} | ${r.origins} (${r.store}) | (content:publish has purged the edge for the new story) | ${s(r.purgedSeconds)} | ${r.purgedSeconds === undefined ? '–' : (r.purgedSeconds / size.buildSeconds).toFixed(3)} | – |`,
  );
  row("(a) the new story's page", r.page, TARGETS.seconds);
  row('(b) the front page lists it', r.front, TARGETS.seconds);
  row('(c) its section page lists it', r.section, TARGETS.seconds);
  row('(d) the feed and the news sitemap have it', r.feeds, TARGETS.seconds);
  row('(e) search finds it', r.search, TARGETS.searchSeconds);
  row("a correction: the archive story's page", r.correctionPage, TARGETS.seconds);
  row('a correction: its card', r.correctionCard, TARGETS.seconds);
  row('a takedown: 410 Gone', r.takedown, TARGETS.seconds);
  row('an embargo: its page, after its publishAt', r.embargo, TARGETS.embargoSeconds);
  const p = r.placements;
  if (p) {
    row('a new front arrangement: the front page leads with it', p.front, TARGETS.seconds);
    row('a banner: on a cached archive story page', p.banner, TARGETS.bannerSeconds);
    row('the banner gone, after its `until` (nobody acting)', p.bannerEnd, TARGETS.bannerSeconds);
    lines.push(
      `| ${size.stories.toLocaleString('en-US')} | ${r.origins} (${r.store}) | origin requests in ${WINDOW_S} s under reader load: nothing published / the banner's publish / its end | ${p.quietRequests} / ${p.bannerRequests} / ${p.endRequests} (story pages among the publish's: ${p.bannerStoryRequests}) | – | ${p.bannerStoryRequests === 0 ? 'met' : '**not met**'} |`,
    );
  }
  lines.push(
    `| ${size.stories.toLocaleString('en-US')} | ${r.origins} (${r.store}) | reader errors during the publishes | ${r.readerErrors} of ${r.readerRequests} requests | – | ${r.readerErrors === 0 ? 'met' : '**not met**'} |`,
  );
  return lines;
}

export function publishReport(results: SizeResult[], load: number[]): string {
  const lines = [
    '## Publishing without a build (`npm run bench:publish`)',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores, load average ${load.map((l) => l.toFixed(2)).join(' / ')} at the start. Each figure is the time from the start of \`npm run content:publish\` until readers get it through the edge (real Varnish, soft purge by xkey), polled every ${POLL_MS} ms (search: every ${SEARCH_POLL_MS} ms, a search in Chromium once the index's entry file has changed through the edge), while 4 readers load pages through the edge; one origin reads the disk store, two share a \`redis-server\` (the published content and Next's cache), as operators run them; the baseline is the \`npm run build\` of the same archive in the same run (the way a change reached readers before). Targets: ≤ ${TARGETS.seconds} s (goal ${TARGETS.goalSeconds} s) for pages, ≤ ${TARGETS.searchSeconds} s for search, embargo live ≤ ${TARGETS.embargoSeconds} s after its time, 0 reader errors, 10,000-story build ≤ ${TARGETS.buildSeconds10k} s.`,
    '',
    '| stories | origins | what readers get | seconds | ÷ build | target |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const size of results) {
    lines.push(
      `| ${size.stories.toLocaleString('en-US')} | – | \`npm run build\` (baseline) | ${size.buildSeconds.toFixed(1)} s | 1 | ${size.stories === 10_000 ? verdict(size.buildSeconds, TARGETS.buildSeconds10k) : '–'} |`,
    );
    for (const r of size.rounds) lines.push(...roundRows(size, r));
  }
  return lines.join('\n');
}
