/**
 * `npm run bench:deploy`: a rolling deploy and a rollback of two origins behind the edge, under reader load,
 * against a baseline measured in the same run (stopping every origin and starting the new release), written
 * to BENCHMARKS.md's "deploy" section.
 *
 *   - time from `npm run deploy` to its end (every origin replaced and ready), for the deploy and the rollback;
 *   - what readers saw meanwhile: errors and non-2xx, for readers of cached pages and for readers whose every
 *     request reaches an origin (Authorization: the edge passes them on); target 0.
 *
 * A temporary copy of the site built twice (release A, then B with a changed client component), releases in
 * a temporary folder, `npm run origins` on two free ports, `npm run edge` in front; all on loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRelease, changeClientComponent, deploy, Origins } from '../test/support/deploy-harness';
import { Edge, request } from '../test/support/edge-harness';
import { Readers } from '../test/support/readers';
import { createTempProject } from '../test/support/temp-project';
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

async function main() {
  const started = performance.now();
  const load = os.loadavg()[0]!;
  const project = createTempProject('aju-bench-deploy-');
  const releasesDir = mkdtempSync(path.join(os.tmpdir(), 'aju-bench-releases-'));
  let origins: Origins | undefined;
  let edge: Edge | undefined;
  try {
    log('building release A');
    let buildStarted = performance.now();
    const a = buildRelease(project.dir, releasesDir);
    const buildA = (performance.now() - buildStarted) / 1000;
    log(`building release B (a changed client component) after ${buildA.toFixed(0)} s`);
    changeClientComponent(project, 'b');
    buildStarted = performance.now();
    const b = buildRelease(project.dir, releasesDir);
    const buildB = (performance.now() - buildStarted) / 1000;

    await deploy(releasesDir, ['--release', a]);
    origins = await Origins.start(releasesDir, 2);
    edge = await Edge.start(origins.addresses, { EDGE_MISS_LIMIT: '0' });
    const edgeEnv = { EDGE_URL: edge.url };
    const front = await request(edge.url, '/');
    const story = front.body.match(/href="(\/stories\/[^"/?#]+)"/)![1]!;
    const paths = ['/', story, '/search', '/feed.xml'];

    const steps: Step[] = [];
    // Baseline: every origin stopped, then the new release started (what a deploy without rolling does).
    steps.push(
      await underLoad(edge.url, paths, 'stop all, start B (baseline)', async () => {
        await origins!.stop();
        await deploy(releasesDir, ['--release', b]);
        origins = await Origins.start(releasesDir, 2, origins!.ports);
      }),
    );
    await deploy(releasesDir, ['--release', a], edgeEnv);
    steps.push(
      await underLoad(
        edge.url,
        paths,
        'npm run deploy (A → B)',
        async () => void (await deploy(releasesDir, [], edgeEnv)),
      ),
    );
    steps.push(
      await underLoad(
        edge.url,
        paths,
        'npm run deploy -- --rollback (B → A)',
        async () => void (await deploy(releasesDir, ['--rollback'], edgeEnv)),
      ),
    );

    const count = (r: Readers) => `${r.failures.length} of ${r.answered}`;
    const cpus = os.cpus();
    const [baseline, rolling, rollback] = steps as [Step, Step, Step];
    const ratio = (s: Step) => `${(s.seconds / baseline.seconds).toFixed(2)}×`;
    const row = (s: Step, vs: string) =>
      `| ${s.name} | ${s.seconds.toFixed(1)} s | ${vs} | ${count(s.cached)} | ${count(s.passed)} |`;
    const errors =
      rolling.cached.failures.length +
      rolling.passed.failures.length +
      rollback.cached.failures.length +
      rollback.passed.failures.length;
    const markdown = `## Deploy (\`npm run bench:deploy\`)

Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load average ${load.toFixed(1)} at the start; ${new Date().toISOString()}.
A copy of the site built twice (release A in ${buildA.toFixed(0)} s; release B, with a changed client component, in ${buildB.toFixed(0)} s), two origins
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

Bench time ${((performance.now() - started) / 1000).toFixed(0)} s.`;
    writeBenchSection('deploy', markdown);
    console.log(`\n${markdown}\n`);
    log('wrote BENCHMARKS.md');
  } finally {
    await edge?.stop();
    await origins?.stop();
    project.remove();
    rmSync(releasesDir, { recursive: true, force: true });
  }
}

await main();
