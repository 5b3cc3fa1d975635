/** bench:faults' section of BENCHMARKS.md: one row per fault, as the run measured it. */

export interface FaultRow {
  fault: string;
  /** Reader requests through the edge while the fault ran, and how many were not a 200. */
  requests: number;
  errors: number;
  /** Seconds until every origin and the edge served the store's content (undefined: not measured, or never). */
  seconds: number | undefined;
  lost: string;
  note?: string;
}

export function faultsReport(rows: FaultRow[], run: { stories: number; load: number[]; date: Date }): string {
  const lines = [
    '## Faults',
    '',
    `${run.date.toISOString().slice(0, 10)}, ${run.stories.toLocaleString('en-US')} stories, two origins on Redis behind Varnish, four`,
    'readers loading a warm working set through the edge the whole run (every story page and the front page).',
    `Load average before the run: ${run.load.map((l) => l.toFixed(2)).join(' / ')}. What each fault is and how it heals:`,
    'docs/operations/faults.md. The disk-full faults are tested end to end (e2e/disk-full.spec.ts), not here.',
    '',
    '| fault | reader requests | reader errors | seconds until every origin and the edge serve the store | lost | how |',
    '| --- | ---: | ---: | ---: | --- | --- |',
  ];
  for (const row of rows)
    lines.push(
      `| ${row.fault} | ${row.requests} | ${row.errors} | ${row.seconds === undefined ? '—' : row.seconds.toFixed(1)} | ${row.lost} | ${row.note ?? ''} |`,
    );
  return lines.join('\n');
}
