/**
 * `npm run bench:publish`: seconds from `content:publish` until readers get a new story, a correction, a takedown
 * and an embargo through the edge, with one origin and with two on Redis, against the same archive's `npm run build`
 * (docs/operations/publishing.md). `-- --full`: also 10,000 stories; `-- --stories N --origins N`: printed only.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createSyntheticArchive } from '../test/support/synthetic-archive';
import { writeBenchSection } from './benchmarks-file';
import { publishReport, type Round, type SizeResult } from './publish-report';
import { closeBrowser, log, round } from './publish-round';
import { npmRunBuild } from './publish-rig';

const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    stories: { type: 'string' },
    origins: { type: 'string' },
  },
});
/** A run limited to one size or origin count prints its figures but does not rewrite BENCHMARKS.md. */
const PARTIAL = values.stories !== undefined || values.origins !== undefined;
const SIZES = values.stories ? [Number(values.stories)] : values.full ? [1000, 10_000] : [1000];
const ORIGIN_COUNTS = values.origins ? [Number(values.origins)] : [1, 2];

async function measureSize(stories: number): Promise<SizeResult> {
  log(`${stories} stories: generating`);
  const { project, manifest } = await createSyntheticArchive({ stories });
  try {
    log('building (the baseline: how a change was published before)');
    const buildSeconds = npmRunBuild(project.dir);
    const builtAt = Date.now();
    log(`  built in ${buildSeconds.toFixed(0)} s`);
    const rounds: Round[] = [];
    for (const originCount of ORIGIN_COUNTS) {
      log(`  publishing to ${originCount} origin${originCount > 1 ? 's' : ''} behind the edge`);
      rounds.push(await round(project, manifest, originCount, builtAt));
    }
    return { stories, buildSeconds, rounds };
  } finally {
    project.remove();
  }
}

const load = os.loadavg();
log(`load average ${load.map((l) => l.toFixed(2)).join(' / ')} on ${os.cpus().length} cores`);
const results: SizeResult[] = [];
for (const size of SIZES) results.push(await measureSize(size));
const markdown = publishReport(results, load);
console.log(`\n${markdown}\n`);
if (PARTIAL) log('a partial run: BENCHMARKS.md is left as it is');
else writeBenchSection('publish', markdown);
await closeBrowser();
