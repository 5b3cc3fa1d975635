/**
 * `npm run bench:deploy`: a rolling deploy and a rollback of two origins behind the edge, under readers of cached
 * pages and readers passed to an origin, against stopping every origin and starting the new release, in the
 * same run; writes BENCHMARKS.md's deploy section (docs/operations/deploys.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRelease, changeClientComponent, deploy, Origins } from '../test/support/deploy-harness';
import { Edge, request } from '../test/support/edge-harness';
import { Readers } from '../test/support/readers';
import { createTempProject, type TempProject } from '../test/support/temp-project';
import { writeBenchSection } from './benchmarks-file';

const log = (message: string) => console.log(`[bench:deploy] ${message}`);
const CONNECTIONS = 4;

interface Step {
  name: string;
  seconds: number;
  cached: Readers;
  passed: Readers;
}

/** Runs `action` while readers read through the edge; returns how long it took and what they saw. */
async function underLoad(edgeUrl: string, paths: string[], name: string, action: () => Promise<void>): Promise<Step> {
  const cached = new Readers(edgeUrl, paths, { connections: CONNECTIONS, maxSeconds: 300, fetchAssets: true });
  const passed = new Readers(edgeUrl, paths, {
    connections: CONNECTIONS,
    maxSeconds: 300,
    headers: { Authorization: 'Bearer reader' },
  });
  await new Promise((r) => setTimeout(r, 1_000));
  const started = performance.now();
  await action();
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 2_000));
  await Promise.all([cached.stop(), passed.stop()]);
  log(`${name}: ${seconds.toFixed(1)} s; failures ${cached.failures.length} cached, ${passed.failures.length} passed`);
  return { name, seconds, cached, passed };
}

interface Builds {
  a: string;
  b: string;
  /** Seconds each build took. */
  buildA: number;
  buildB: number;
}

/** Release A, then release B with a changed client component. */
function buildReleases(project: TempProject, releasesDir: string): Builds {
  log('building release A');
  let buildStarted = performance.now();
  const a = buildRelease(project.dir, releasesDir);
  const buildA = (performance.now() - buildStarted) / 1000;
  log(`building release B (a changed client component) after ${buildA.toFixed(0)} s`);
  changeClientComponent(project, 'b');
  buildStarted = performance.now();
  const b = buildRelease(project.dir, releasesDir);
  const buildB = (performance.now() - buildStarted) / 1000;
  return { a, b, buildA, buildB };
}

/** The baseline (stop all, start B), then the rolling deploy A → B and the rollback, each under readers. */
async function runSteps(releasesDir: string, builds: Builds, running: { origins?: Origins; edge?: Edge }) {
  const { a, b } = builds;
  await deploy(releasesDir, ['--release', a]);
  running.origins = await Origins.start(releasesDir, 2);
  const edge = (running.edge = await Edge.start(running.origins.addresses, { EDGE_MISS_LIMIT: '0' }));
  const edgeEnv = { EDGE_URL: edge.url };
  const front = await request(edge.url, '/');
  const story = front.body.match(/href="(\/stories\/[^"/?#]+)"/)![1]!;
  const paths = ['/', story, '/search', '/feed.xml'];
  // Baseline: every origin stopped, then the new release started (what a deploy without rolling does).
  const baseline = await underLoad(edge.url, paths, 'stop all, start B (baseline)', async () => {
    await running.origins!.stop();
    await deploy(releasesDir, ['--release', b]);
    running.origins = await Origins.start(releasesDir, 2, running.origins!.ports);
  });
  await deploy(releasesDir, ['--release', a], edgeEnv);
  const rolling = await underLoad(
    edge.url,
    paths,
    'npm run deploy (A → B)',
    async () => void (await deploy(releasesDir, [], edgeEnv)),
  );
  const rollback = await underLoad(
    edge.url,
    paths,
    'npm run deploy -- --rollback (B → A)',
    async () => void (await deploy(releasesDir, ['--rollback'], edgeEnv)),
  );
  return { baseline, rolling, rollback };
}

function deployReport(
  { baseline, rolling, rollback }: { baseline: Step; rolling: Step; rollback: Step },
  builds: Builds,
  load: number,
  benchSeconds: number,
): string {
  const count = (r: Readers) => `${r.failures.length} of ${r.answered}`;
  const cpus = os.cpus();
  const ratio = (s: Step) => `${(s.seconds / baseline.seconds).toFixed(2)}×`;
  const row = (s: Step, vs: string) =>
    `| ${s.name} | ${s.seconds.toFixed(1)} s | ${vs} | ${count(s.cached)} | ${count(s.passed)} |`;
  const errors =
    rolling.cached.failures.length +
    rolling.passed.failures.length +
    rollback.cached.failures.length +
    rollback.passed.failures.length;
  return `## Deploy (\`npm run bench:deploy\`)

Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load average ${load.toFixed(1)} at the start; ${new Date().toISOString()}.
A copy of the site built twice (release A in ${builds.buildA.toFixed(0)} s; release B, with a changed client component, in ${builds.buildB.toFixed(0)} s), two origins
under \`npm run origins\`, \`npm run edge\` in front, all on loopback. During each step, ${CONNECTIONS} readers load pages through the edge
and every static file each page references, as a browser does (mostly cached pages), and ${CONNECTIONS} more send requests the edge
passes to an origin (Authorization), one at a time each. The baseline stops both origins, then starts both on release B.
Time is from the command to every origin of the new release answering its readiness path (for the deploy, with the 3 s the
edge's probe is given to take each one back before the next is stopped). Target: 0 failed answers for readers.

| step | time | vs baseline | cached readers: failed of answered | origin readers: failed of answered |
| --- | --- | --- | --- | --- |
${row(baseline, '1 (baseline)')}
${row(rolling, ratio(rolling))}
${row(rollback, ratio(rollback))}

Deploy and rollback together: **${errors} failed answers** (target 0: **${errors === 0 ? 'met' : 'missed'}**).
First failures of the baseline: ${
    [...baseline.passed.failures, ...baseline.cached.failures]
      .slice(0, 3)
      .map((f) => `\`${f.path}\` ${f.what}`)
      .join('; ') || 'none'
  }.

Bench time ${benchSeconds.toFixed(0)} s.`;
}

async function main() {
  const started = performance.now();
  const load = os.loadavg()[0]!;
  const project = createTempProject('aju-bench-deploy-');
  const releasesDir = mkdtempSync(path.join(os.tmpdir(), 'aju-bench-releases-'));
  const running: { origins?: Origins; edge?: Edge } = {};
  try {
    const builds = buildReleases(project, releasesDir);
    const steps = await runSteps(releasesDir, builds, running);
    const markdown = deployReport(steps, builds, load, (performance.now() - started) / 1000);
    writeBenchSection('deploy', markdown);
    console.log(`\n${markdown}\n`);
    log('wrote BENCHMARKS.md');
  } finally {
    await running.edge?.stop();
    await running.origins?.stop();
    project.remove();
    rmSync(releasesDir, { recursive: true, force: true });
  }
}

await main();
