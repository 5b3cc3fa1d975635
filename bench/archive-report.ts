/**
 * The Archive section of BENCHMARKS.md from one run of bench/archive.ts: every number in it is a figure of
 * that run or one of the settings below (test/bench-archive-report.test.ts holds it so).
 */

/** Archive stories outside the window requested once each (at most). */
export const DISTINCT_STORIES = 1000;
/** Archive stories requested a second time, and prerendered stories requested, for the cache rows. */
export const REPEATS = 100;
/** "Independent of archive size": the largest archive's section page within this factor of the smallest's. */
export const SAME_SIZE = 1.1;
/** The headline search types a headline of this many words, all at once (issue 14: "a headline-length one too"). */
export const HEADLINE_WORDS = 7;
export const TARGETS = {
  buildSeconds10k: 300,
  buildGoal10k: 180,
  firstRequestMs: 300,
  rssMb: 512,
  checkSeconds10k: 20,
  searchKb: 300,
};

export interface SizeFigures {
  stories: number;
  /** Wall time of this size's whole measurement: generating, checking, building, serving and requests. */
  totalSeconds: number;
  buildSeconds: number;
  checkSeconds: number;
  /** The very first request after the server started (an archive story): module loading included. */
  coldFirstMs?: number;
  firstP50Ms?: number;
  repeatP50Ms?: number;
  prerenderedP50Ms?: number;
  served?: number;
  rssStartMb: number;
  rssAfterMb?: number;
  frontBytes: number;
  sectionBytes: number;
  sectionPath: string;
  search?: { bytes: number; ms: number; query: string; results: number };
  /** An archive story's whole headline typed at once; `storyFirst`: that story is the first result. */
  headlineSearch?: { bytes: number; ms: number; query: string; results: number; storyFirst: boolean };
}

/** What the run was: where, when, under what load, with which prerender window. */
export interface ArchiveRun {
  /** The day, e.g. 2026-11-28. */
  date: string;
  /** CPUs, memory, OS and Node, as one phrase. */
  machine: string;
  loadAtStart: number;
  prerenderStories: number;
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined ? 'n/a' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`;
const met = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'met' : '**missed**');

type Row = string[];

/** Build, content check and request latencies. */
function timingRows(base: SizeFigures, sizes: SizeFigures[]): Row[] {
  const big = sizes.at(-1)!;
  const tenK = sizes.find((s) => s.stories === 10_000);
  return [
    [
      '`next build`',
      `${fmt(base.buildSeconds, 1)} s`,
      ...sizes.map((s) => `${fmt(s.buildSeconds, 1)} s`),
      ratio(big.buildSeconds, base.buildSeconds),
      `≤ ${TARGETS.buildSeconds10k} s at 10,000 (goal ${TARGETS.buildGoal10k} s): ${tenK ? met(tenK.buildSeconds <= TARGETS.buildSeconds10k) : 'run with --full'}`,
    ],
    [
      '`content:check` (tsx start-up included)',
      `${fmt(base.checkSeconds, 1)} s`,
      ...sizes.map((s) => `${fmt(s.checkSeconds, 1)} s`),
      ratio(big.checkSeconds, base.checkSeconds),
      `< ${TARGETS.checkSeconds10k} s at 10,000: ${tenK ? met(tenK.checkSeconds < TARGETS.checkSeconds10k) : 'run with --full'}`,
    ],
    [
      'archive story, first request, p50',
      '–',
      ...sizes.map((s) => `${fmt(s.firstP50Ms, 1)} ms`),
      `${ratio(big.firstP50Ms, big.prerenderedP50Ms)} of a prerendered story`,
      `< ${TARGETS.firstRequestMs} ms: ${met(big.firstP50Ms! < TARGETS.firstRequestMs)}`,
    ],
    [
      'archive story, repeat request (cache), p50',
      '–',
      ...sizes.map((s) => `${fmt(s.repeatP50Ms, 1)} ms`),
      `${ratio(big.repeatP50Ms, big.prerenderedP50Ms)} of a prerendered story`,
      'as fast as a prerendered story',
    ],
    [
      'prerendered story, p50 (the baseline above)',
      '–',
      ...sizes.map((s) => `${fmt(s.prerenderedP50Ms, 1)} ms`),
      '',
      '',
    ],
    ['very first request after start (an archive story)', '–', ...sizes.map((s) => `${fmt(s.coldFirstMs)} ms`), '', ''],
  ];
}

/** The server's memory and the HTML bytes of the front and section pages. */
function memoryAndPageRows(base: SizeFigures, sizes: SizeFigures[]): Row[] {
  const big = sizes.at(-1)!;
  return [
    [
      'server RSS right after start',
      `${fmt(base.rssStartMb)} MB`,
      ...sizes.map((s) => `${fmt(s.rssStartMb)} MB`),
      ratio(big.rssStartMb, base.rssStartMb),
      '',
    ],
    [
      // Each size serves as many stories as it has outside the window (DISTINCT_STORIES at most): each cell says
      // how many, and the target names the size it judges.
      'server RSS after serving distinct archive stories (how many: in brackets)',
      '–',
      ...sizes.map((s) => `${fmt(s.rssAfterMb)} MB (${fmt(s.served)} served)`),
      `${ratio(big.rssAfterMb, base.rssStartMb)} of the baseline's RSS right after start`,
      `< ${TARGETS.rssMb} MB at ${fmt(big.stories)} stories: ${met(big.rssAfterMb! < TARGETS.rssMb)}`,
    ],
    [
      'front page HTML',
      kb(base.frontBytes),
      ...sizes.map((s) => kb(s.frontBytes)),
      ratio(big.frontBytes, base.frontBytes),
      'independent of archive size',
    ],
    [
      `section page HTML (\`${base.sectionPath}\`)`,
      kb(base.sectionBytes),
      ...sizes.map((s) => kb(s.sectionBytes)),
      ratio(big.sectionBytes, base.sectionBytes),
      `independent of archive size (within ${SAME_SIZE}× of ${fmt(sizes[0]!.stories)} stories'): ${met(sizes.length > 1 ? sizes.at(-1)!.sectionBytes <= sizes[0]!.sectionBytes * SAME_SIZE : undefined)}`,
    ],
  ];
}

/** A search in Chromium, and an archive story's whole headline typed at once. */
function searchRows(base: SizeFigures, sizes: SizeFigures[]): Row[] {
  const big = sizes.at(-1)!;
  return [
    [
      'search: bytes transferred',
      base.search ? kb(base.search.bytes) : 'pending',
      ...sizes.map((s) => (s.search ? kb(s.search.bytes) : 'pending')),
      '',
      `< ${TARGETS.searchKb} KB: ${big.search ? met(big.search.bytes < TARGETS.searchKb * 1024) : 'pending (no /search yet)'}`,
    ],
    [
      'search: time to first result',
      base.search ? `${fmt(base.search.ms)} ms` : 'pending',
      ...sizes.map((s) => (s.search ? `${fmt(s.search.ms)} ms` : 'pending')),
      '',
      '',
    ],
    [
      `search, a ${HEADLINE_WORDS}-word headline typed at once: bytes transferred`,
      base.headlineSearch ? kb(base.headlineSearch.bytes) : '–',
      ...sizes.map((s) => (s.headlineSearch ? kb(s.headlineSearch.bytes) : '–')),
      '',
      `< ${TARGETS.searchKb} KB: ${big.headlineSearch ? met(big.headlineSearch.bytes < TARGETS.searchKb * 1024) : 'n/a'}`,
    ],
    [
      `search, a ${HEADLINE_WORDS}-word headline: time to first result (the story first?)`,
      base.headlineSearch ? `${fmt(base.headlineSearch.ms)} ms` : '–',
      ...sizes.map((s) =>
        s.headlineSearch ? `${fmt(s.headlineSearch.ms)} ms (${s.headlineSearch.storyFirst ? 'yes' : '**no**'})` : '–',
      ),
      '',
      'the story first',
    ],
  ];
}

/** The run, and whether it had the 10,000-story size. */
function intro(sizes: SizeFigures[], run: ArchiveRun): string {
  const tenK = sizes.find((s) => s.stories === 10_000);
  return `Measured ${run.date} on ${run.machine}, load average ${run.loadAtStart.toFixed(1)} at the start (times grow with whatever else the machine runs).

The 10,000-story size is behind \`--full\`, so \`npm run bench\` runs 1 and 1,000 only; ${tenK ? `this run had it, and it took ${fmt(tenK.totalSeconds / 60, 1)} min of the run (generating, checking, building, serving and requests) against ${fmt(sizes[0]!.totalSeconds / 60, 1)} min for ${fmt(sizes[0]!.stories)} stories.` : 'this run did not.'}${tenK && tenK.buildSeconds > TARGETS.buildSeconds10k ? ` The 10,000-story build missed its target: what still grows with the archive is the content check loading and validating 10,000 story modules and writing their snapshot, the generated index and the search index of every story; the pages built are the same ${fmt(run.prerenderStories)} stories and the listings' first pages at every size.` : ''}`;
}

/** How each size is built, served and measured. */
function method(big: SizeFigures, run: ArchiveRun): string {
  return `How: each size is a fresh copy of the project (\`npm run synthetic-archive\`: varied stories over ten years,
the seed kept), checked (\`tsx scripts/editors/content-check.ts\`, wall time), built (\`npm run build\`, wall time,
prerender window of ${fmt(run.prerenderStories)}), then served as production runs it (\`scripts/operators/standalone.mjs serve\`: \`server.js\` with
its default heap cap, SERVER_MAX_HEAP_MB) alone on a free loopback port.
Latencies are sequential \`fetch\` calls from the benchmark process: the very first request after start is
shown apart (it loads the route's modules); then every published story outside the window, up to
${fmt(DISTINCT_STORIES)}, once (rendered on that request: p50 of those), ${REPEATS} of them again (Next's cache), and up
to ${REPEATS} prerendered stories. RSS is server.js's VmRSS from /proc. Page bytes are the HTML as served
(uncompressed). The search row types a query into \`/search\` in Chromium and counts every byte the page
fetches from the keystroke until the results are shown.${big.search ? ` Query: “${big.search.query}” (${big.search.results} results).` : ' It is pending until the site has a `/search` page.'}${big.headlineSearch ? ` The headline rows type, with no delay between keys, the whole headline of an archive story (the oldest published one whose headline has ${HEADLINE_WORDS} words and is no other story's), counting every byte the same way: “${big.headlineSearch.query}” (${big.headlineSearch.results} results).` : ''}
`;
}

export function archiveReport(base: SizeFigures, sizes: SizeFigures[], run: ArchiveRun): string {
  const big = sizes.at(-1)!;
  const tenK = sizes.find((s) => s.stories === 10_000);
  const header = `| figure | baseline: 1 story | ${sizes.map((s) => `${fmt(s.stories)} stories`).join(' | ')} | ratio (${fmt(big.stories)} ÷ baseline) | target |`;
  const rows = [...timingRows(base, sizes), ...memoryAndPageRows(base, sizes), ...searchRows(base, sizes)];
  return `## Archive (\`npm run bench:archive${tenK ? ' -- --full' : ''}\`)

${intro(sizes, run)}

${header}
| --- | --- | ${sizes.map(() => '---').join(' | ')} | --- | --- |
${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}

${method(big, run)}`;
}
