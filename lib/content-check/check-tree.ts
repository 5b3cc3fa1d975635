/**
 * Every rule of `npm run content:check` over a project folder, in one function that content:check and
 * content:publish share (so both refuse the same trees with the same `file › field: what — fix` messages).
 */
import path from 'node:path';
import { formatProblem, validateContent, type ContentProblem, type ValidContent } from '@/lib/content/model/validate';
import { CheckCache } from './check-cache';
import { loadContentSources, storyFiles } from './load-sources';

export interface CheckResult {
  files: string[];
  storyCount: number;
  /** Live updates' files (decision 0053), beside their stories. */
  updateCount: number;
  /** Grouped by file, errors before warnings; within that, the order the checks found them (schema order). */
  problems: ContentProblem[];
  errors: number;
  warnings: number;
  content: ValidContent;
  /** Writes what this check remembers for the next (lib/content-check/check-cache.ts); done already unless deferred. */
  saveCache: () => void;
}

/**
 * `deferCacheSave`: the caller saves the check's cache (`result.saveCache()`) when it is done — content:publish
 * does, after the site has the new content, since writing it takes a moment at 10,000 stories.
 */
export async function checkContentTree(root: string, { deferCacheSave = false } = {}): Promise<CheckResult> {
  const files = storyFiles(root);
  // What the last run loaded and parsed, for the files unchanged since (lib/content-check/check-cache.ts).
  const cache = CheckCache.open(root);
  const { sources, problems: loadProblems } = await loadContentSources(root, files, cache);
  const { problems: ruleProblems, content } = await validateContent(sources, {
    publicDir: path.join(root, 'public'),
    memo: cache.memo,
  });
  if (!deferCacheSave) cache.save();
  const problems: ContentProblem[] = [...loadProblems, ...ruleProblems];
  const order = new Map(problems.map((p, i) => [p, i]));
  problems.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
      order.get(a)! - order.get(b)!,
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    files,
    storyCount: sources.stories.length,
    updateCount: sources.updates?.length ?? 0,
    problems,
    errors,
    warnings: problems.length - errors,
    content,
    saveCache: () => cache.save(),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The problems, one a line, as content:check prints them. */
export const problemLines = (result: CheckResult) =>
  result.problems.map((p) => `${p.severity === 'error' ? '✖ error  ' : '⚠ warning'} ${formatProblem(p)}`);

/** content:check's report: what was checked, every problem, and the verdict. */
export function checkReport(result: CheckResult, seconds: string, stopsWhat = 'a publish and a build'): string[] {
  const updates = result.updateCount > 0 ? ` and ${plural(result.updateCount, 'update')}` : '';
  const lines = [
    `Checked ${plural(result.storyCount, 'story file')}${updates}, authors, sections, tags, fronts, the banner and takedowns in ${seconds} s.`,
  ];
  if (result.problems.length > 0) lines.push('', ...problemLines(result));
  lines.push(
    '',
    result.errors > 0
      ? `✖ ${plural(result.errors, 'error')} and ${plural(result.warnings, 'warning')}. Errors stop ${stopsWhat}: fix each as its message says (CONTENT.md explains every message).`
      : `✔ No errors${result.warnings > 0 ? `, ${plural(result.warnings, 'warning')} (warnings do not stop ${stopsWhat})` : ''}.`,
  );
  return lines;
}
