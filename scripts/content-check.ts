/**
 * npm run content:check — validates every content module and prints every problem at once, as
 * `file › field: what is wrong — how to fix it`. Exits 1 on any error; warnings are shown but pass.
 * It also writes the story index, content/stories/index.generated.ts (lib/content/story-index.ts), from the
 * files it found. next build, next dev and next typegen run it first (scripts/lib/content-gate.js), so an
 * invalid story cannot ship and the index is always fresh. `--quiet` prints only problems.
 */
import path from 'node:path';
import { formatProblem, validateContent, type ContentProblem } from '@/lib/content/validate';
import { loadContentSources, storyFiles, writeStoryIndex } from './lib/load-content';

const started = performance.now();
const root = path.resolve(import.meta.dirname, '..');

const quiet = process.argv.includes('--quiet');
const files = storyFiles(root);
const { sources, problems: loadProblems } = await loadContentSources(root, files);
const { problems: ruleProblems, content } = await validateContent(sources, { publicDir: path.join(root, 'public') });
writeStoryIndex(root, files, content);
const problems: ContentProblem[] = [...loadProblems, ...ruleProblems];

// Grouped by file, errors before warnings; within that, the order the checks found them (schema order).
const order = new Map(problems.map((p, i) => [p, i]));
problems.sort(
  (a, b) =>
    a.file.localeCompare(b.file) ||
    Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
    order.get(a)! - order.get(b)!,
);

const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const lines = [
  `Checked ${plural(sources.stories.length, 'story file')}, authors, sections and tags in ${seconds} s.`,
];
if (problems.length > 0) lines.push('', ...problems.map((p) => `${p.severity === 'error' ? '✖ error  ' : '⚠ warning'} ${formatProblem(p)}`));
lines.push(
  '',
  errors > 0
    ? `✖ ${plural(errors, 'error')} and ${plural(warnings, 'warning')}. Errors stop the build: fix each as its message says (CONTENT.md explains every message).`
    : `✔ No errors${warnings > 0 ? `, ${plural(warnings, 'warning')} (warnings do not stop the build)` : ''}.`,
);
if (!quiet || problems.length > 0) console.log(lines.join('\n'));
process.exitCode = errors > 0 ? 1 : 0;
