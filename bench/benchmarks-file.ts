/**
 * BENCHMARKS.md is written in parts: each benchmark part (`npm run bench:<part>`) replaces only its own
 * section, between markers, so a part can be re-run alone and `npm run bench` runs them all in turn.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../test/support/temp-project';

export const BENCHMARKS_FILE = path.join(PROJECT_ROOT, 'BENCHMARKS.md');

/** The order sections appear in, whatever order they were written in. */
export const BENCH_PARTS = ['core', 'weight', 'edge', 'archive', 'deploy', 'publish', 'faults', 'live'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

const HEADER = `# Benchmarks

Written by \`npm run bench\` (bench/), one section per part (\`npm run bench:core\`, \`bench:weight\`, \`bench:edge\`,
\`bench:archive\`, \`bench:deploy\`, \`bench:publish\`, \`bench:faults\` re-run one part and rewrite only its section); do not edit by hand. Every figure is set
beside a baseline measured in the same run, and the ratio is site ÷ baseline.
`;

const marker = (part: BenchPart) => ({ start: `<!-- bench:${part} -->`, end: `<!-- /bench:${part} -->` });

/** Replaces (or adds) one part's section of BENCHMARKS.md and returns the whole file. */
export function writeBenchSection(part: BenchPart, markdown: string, file = BENCHMARKS_FILE): string {
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const sections = new Map<BenchPart, string>();
  for (const other of BENCH_PARTS) {
    const { start, end } = marker(other);
    const from = existing.indexOf(start);
    const to = existing.indexOf(end);
    if (from >= 0 && to > from) sections.set(other, existing.slice(from + start.length, to).trim());
  }
  sections.set(part, markdown.trim());
  const body = BENCH_PARTS.filter((p) => sections.has(p))
    .map((p) => `${marker(p).start}\n${sections.get(p)}\n${marker(p).end}`)
    .join('\n\n');
  const text = `${HEADER}\n${body}\n`;
  writeFileSync(file, text);
  return text;
}
