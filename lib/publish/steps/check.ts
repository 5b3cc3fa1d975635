/** content:publish's first step: every rule of content:check, with the same messages; nothing changes on an error. */
import { checkContentTree, checkReport, type CheckResult } from '@/lib/content-check/check-tree';
import { writeStoryIndex } from '@/lib/content-check/load-sources';
import { seconds } from './timings';

/** The checked tree, or undefined after printing its errors. Warnings are printed and pass. */
export async function checkForPublish(root: string, elapsedMs: () => number): Promise<CheckResult | undefined> {
  const check = await checkContentTree(root, { deferCacheSave: true });
  const report = () => checkReport(check, seconds(elapsedMs()).replace(' s', ''), 'a publish').join('\n');
  if (check.errors > 0) {
    console.log(report());
    console.log('\nNothing was published: the site is unchanged.');
    check.saveCache();
    return undefined;
  }
  if (check.warnings > 0) console.log(report(), '\n');
  return check;
}

/**
 * The generated story index, as content:check writes it: the search indexer this publish runs imports it (a fresh
 * checkout, where nothing has written it yet, would fail the search step). Written once pages are live: at
 * 10,000 stories it takes a moment no reader should wait for.
 */
export const writeCheckedStoryIndex = (root: string, check: CheckResult) =>
  writeStoryIndex(root, check.files, check.content);
