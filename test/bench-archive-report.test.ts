/**
 * BENCHMARKS.md carries only figures of the run that wrote it: every number in the Archive section either
 * moves with the measured figures or is one of bench/archive-report.ts's settings (sizes, targets, repeats,
 * the prerender window). A sentence with another run's figure in it fails here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  archiveReport,
  DISTINCT_STORIES,
  HEADLINE_WORDS,
  REPEATS,
  SAME_SIZE,
  TARGETS,
  type SizeFigures,
} from '@/bench/archive-report';

/** Numbers as the report writes them, not those inside words (p50, utf8) or paths. */
const numbersIn = (text: string) => text.match(/(?<![\w./-])\d+(?:,\d{3})*(?:\.\d+)?/g) ?? [];

/** One run's figures, each measured number drawn from `draw` so that two runs share none. */
function figures(draw: () => number, stories: number): SizeFigures {
  return {
    stories,
    totalSeconds: 60 * draw(),
    buildSeconds: 20 * draw(),
    checkSeconds: draw(),
    coldFirstMs: 500 * draw(),
    firstP50Ms: 25 * draw(),
    repeatP50Ms: 8 * draw(),
    prerenderedP50Ms: 11 * draw(),
    served: Math.round(900 * draw()),
    rssStartMb: 80 * draw(),
    rssAfterMb: 300 * draw(),
    frontBytes: 150_000 * draw(),
    sectionBytes: 150_000 * draw(),
    sectionPath: '/sections/north-korea',
    search: {
      bytes: 200_000 * draw(),
      ms: 800 * draw(),
      query: 'Temple stays draws',
      results: Math.round(10 * draw()),
    },
    headlineSearch: {
      bytes: 250_000 * draw(),
      ms: 900 * draw(),
      query: 'Seoul city struggle with a four-day week',
      results: Math.round(300 * draw()),
      storyFirst: true,
    },
  };
}

function render(seed: number) {
  // A small deterministic generator: factors between 1 and 2, different for every seed.
  let state = seed;
  const draw = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return 1 + state / 2 ** 31;
  };
  const base = {
    ...figures(draw, 1),
    coldFirstMs: undefined,
    firstP50Ms: undefined,
    repeatP50Ms: undefined,
    prerenderedP50Ms: undefined,
    rssAfterMb: undefined,
    served: undefined,
    headlineSearch: undefined,
  };
  return archiveReport(base, [figures(draw, 1000), figures(draw, 10_000)], {
    date: 'the day',
    machine: 'the machine',
    loadAtStart: 3 * draw(),
    prerenderStories: 200,
  });
}

test('every number in the Archive section is a figure of the run or a setting of the benchmark', () => {
  const settings = new Set(
    [1, 1000, 10_000, 200, DISTINCT_STORIES, REPEATS, SAME_SIZE, HEADLINE_WORDS, ...Object.values(TARGETS)].map((n) =>
      n.toLocaleString('en-US'),
    ),
  );
  // Three runs with different figures: the reports have the same shape, so the i-th number of each is the same
  // figure; one that is the same in all three (and is no setting) was not computed from the figures.
  const [one, ...others] = [1, 2, 3].map((seed) => numbersIn(render(seed)));
  for (const other of others) assert.equal(other.length, one!.length);
  const fixed = one!.filter((n, i) => others.every((other) => other[i] === n) && !settings.has(n));
  assert.deepEqual(fixed, [], 'numbers that stayed the same though every figure changed');
  assert.ok(one!.length > 40, `the report has its figures (${one!.length} numbers)`);
});

test('the section says how loaded the machine was and how long the large size took', () => {
  const report = render(3);
  assert.match(report, /load average \d+\.\d at the start/);
  assert.match(report, /this run had it, and it took [\d.]+ min/);
});

test('the RSS-after-serving row names, for each figure, the story counts it was measured at', () => {
  const report = render(2);
  const row = report.split('\n').find((line) => / served\) \|/.test(line));
  assert.ok(row, 'a row of RSS figures after serving archive stories');
  const [label, , ...cells] = row.replace(/^\| | \|$/g, '').split(' | ');
  // The sizes serve different numbers of stories, so a count in the label is wrong for one of them.
  assert.deepEqual(numbersIn(label!), [], `the label claims a story count: ${label}`);
  assert.match(cells[0]!, /^[\d.,]+ MB \([\d,]+ served\)$/);
  assert.match(cells[1]!, /^[\d.,]+ MB \([\d,]+ served\)$/);
  // The target judges the largest size's figure, and says so.
  assert.ok(cells.at(-1)!.startsWith(`< ${TARGETS.rssMb} MB at 10,000 stories: `), cells.at(-1));
});
