/**
 * BENCHMARKS.md's live section from `npm run bench:live`'s figures (bench/live.ts): each figure beside its target
 * (issue 23) and its baseline of the same run.
 */
export interface PollingFigures {
  tabs: number;
  tabRequestsPerMinute: number;
  tabPageLoads: number;
  errors: number;
  originRequestsPerMinute: number;
  originStatusRequestsPerMinute: number;
}

interface Html {
  path: string;
  raw: number;
  gzip: number;
}

export interface LiveFigures {
  stories: number;
  load: number[];
  rounds: number;
  /** Medians over the rounds, seconds from content:publish's start. */
  correction: number;
  page: number;
  tab: number;
  purged: number;
  /** Rounds in which the page or the tab never had the update (90 s / 60 s). */
  missed: number;
  polling: PollingFigures[];
  updateCounts: { short: number; long: number };
  html: { plain: Html; short: Html; long: Html };
  /** Compressed JavaScript bodies in Chromium, phone, cold cache. */
  js: { live: number; plain: number; floor: number };
}

export const LIVE_TARGETS = { pageSeconds: 10, pageGoal: 3, tabSeconds: 20, tabGoal: 10 };

const sec = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const met = (ok: boolean) => (ok ? 'met' : 'missed');

export function liveReport(f: LiveFigures): string {
  const [low, high] = [f.polling[0], f.polling.at(-1)];
  const growth = low && high ? high.originRequestsPerMinute / Math.max(1, low.originRequestsPerMinute) : NaN;
  const lines = [
    '## Live coverage',
    '',
    `\`npm run bench:live\` at ${f.stories.toLocaleString('en-US')} synthetic stories: two origins on Redis behind Varnish,`,
    `\`content:publish\` of one update to the archive's open live story, ${f.rounds} rounds (medians), a plain story's`,
    `correction in each round as the baseline. Load average at the start: ${f.load.map((l) => l.toFixed(2)).join(' / ')}.`,
    '',
    '| Seconds after content:publish starts | this run | baseline: a correction | ratio | target |',
    '|---|---|---|---|---|',
    `| the edge purged | ${sec(f.purged)} | | | |`,
    `| the live page through the edge has the update | ${sec(f.page)} | ${sec(f.correction)} | ${(f.page / f.correction).toFixed(2)} | ≤ ${LIVE_TARGETS.pageSeconds} (goal ${LIVE_TARGETS.pageGoal}): ${met(f.page <= LIVE_TARGETS.pageSeconds)} |`,
    `| an open tab (Chromium, phone) shows it | ${sec(f.tab)} | | | ≤ ${LIVE_TARGETS.tabSeconds} (goal ${LIVE_TARGETS.tabGoal}): ${met(f.tab <= LIVE_TARGETS.tabSeconds)} |`,
    '',
    f.missed
      ? `In ${f.missed} round(s) the page or the tab never had the update.`
      : 'Every round reached the page and the tab.',
    '',
    '| Open tabs polling through the edge | their status requests / min | page loads after the update | origin requests / min (all) | of them status | errors |',
    '|---|---|---|---|---|---|',
    ...f.polling.map(
      (p) =>
        `| ${p.tabs.toLocaleString('en-US')} | ${p.tabRequestsPerMinute.toLocaleString('en-US')} | ${p.tabPageLoads.toLocaleString('en-US')} | ${p.originRequestsPerMinute} | ${p.originStatusRequestsPerMinute} | ${p.errors} |`,
    ),
    '',
    `Origin requests per minute with ${high?.tabs} tabs ÷ with ${low?.tabs}: ${growth.toFixed(2)} (target: does not grow with the tabs: ${met(growth <= 1.5)}).`,
    '',
    '| Page through the edge | updates | raw KB | gzip KB | gzip ÷ the plain story |',
    '|---|---|---|---|---|',
    `| a plain story | – | ${kb(f.html.plain.raw)} | ${kb(f.html.plain.gzip)} | 1.00 |`,
    `| ended live story | ${f.updateCounts.short} | ${kb(f.html.short.raw)} | ${kb(f.html.short.gzip)} | ${(f.html.short.gzip / f.html.plain.gzip).toFixed(2)} |`,
    `| ended live story | ${f.updateCounts.long} | ${kb(f.html.long.raw)} | ${kb(f.html.long.gzip)} | ${(f.html.long.gzip / f.html.plain.gzip).toFixed(2)} |`,
    '',
    `With ${f.updateCounts.long} updates the live page weighs ${(f.html.long.gzip / f.html.short.gzip).toFixed(2)}× the one with ${f.updateCounts.short} (target: about the same).`,
    '',
    '| JavaScript (compressed, phone, cold) | KB | ÷ the floor |',
    '|---|---|---|',
    `| bench/floor's page | ${kb(f.js.floor)} | 1.00 |`,
    `| a plain story | ${kb(f.js.plain)} | ${(f.js.plain / f.js.floor).toFixed(2)} |`,
    `| the open live story | ${kb(f.js.live)} | ${(f.js.live / f.js.floor).toFixed(2)} |`,
    '',
    `The live page's follower adds ${kb(f.js.live - f.js.plain)} KB over a plain story.`,
  ];
  return lines.join('\n');
}
