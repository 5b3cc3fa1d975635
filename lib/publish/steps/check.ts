/** content:publish's first step: every rule of content:check, with the same messages; nothing changes on an error. */
import { checkContentTree, checkReport, type CheckResult } from '@/lib/content-check/check-tree';
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
