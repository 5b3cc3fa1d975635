/**
 * `npm run bench:faults`: each fault of docs/operations/faults.md injected in turn at 1,000 stories, two origins
 * on Redis behind the edge, readers loading a warm working set through the edge the whole time; for each, the
 * readers' errors and the seconds until every origin and the edge serve the store's content. `-- --stories N`.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createClient } from 'redis';
import seed from '@/content/stories/2024/06/putin-heads-to-pyongyang';
import { storyFilePath } from '@/lib/content/model/validate';
import { Origin, request } from '../test/support/edge-harness';
import { startRedisServer } from '../test/support/redis-server';
import { createSyntheticArchive, publishedStories } from '../test/support/synthetic-archive';
import { writeBenchSection } from './benchmarks-file';
import { FaultRig, log, Readers } from './fault-rig';
import { faultsReport, type FaultRow } from './faults-report';

const { values } = parseArgs({ options: { stories: { type: 'string', default: '1000' } } });
const STORIES = Number(values.stories);
const EDGE_WATCH_S = 60;

const storySource = (data: object) =>
  `import { defineStory } from '@/content/schema';\n\nexport default defineStory(${JSON.stringify(data, null, 2)});\n`;

let written = 0;
/** A new story like the seed; returns its page and headline. */
function writeStory(rig: FaultRig, extra: Record<string, string> = {}): { page: string; headline: string } {
  written++;
  const slug = `bench-fault-story-${written}`;
  const headline = `Fault run story ${written} reaches every reader`;
  const postedAt = extra.postedAt ?? new Date(Date.now() - 60_000).toISOString();
  rig.project.write(
    storyFilePath(slug, postedAt),
    storySource({ ...seed, slug, headline, postedAt, updatedAt: postedAt, ...extra }),
  );
  return { page: `/stories/${slug}`, headline };
}

/** Runs `inject` under the readers and returns its row: their requests and errors meanwhile, and what it measured. */
async function fault(
  readers: Readers,
  name: string,
  inject: () => Promise<Omit<FaultRow, 'fault' | 'requests' | 'errors'> & Partial<FaultRow>>,
) {
  log(name);
  const before = readers.mark();
  const measured = await inject();
  const after = readers.mark();
  // A fault may count its own readers' window (the edge's: from when it answers again).
  const row: FaultRow = {
    fault: name,
    requests: after.requests - before.requests,
    errors: after.errors - before.errors,
    ...measured,
  };
  log(`  ${JSON.stringify(row)}`);
  return row;
}

async function killedPublish(rig: FaultRig) {
  const story = writeStory(rig);
  const t0 = performance.now();
  const killed = await rig.publish({ PUBLISH_FAULT: 'kill-after-switch' });
  if (killed.code === 0) throw new Error('the publish was not killed');
  return { seconds: await rig.converged(t0, story.page, story.headline), lost: 'nothing' };
}

async function originAway(rig: FaultRig) {
  const story = writeStory(rig);
  const away = rig.origins[1]!;
  away.cutOff(true);
  const published = await rig.publish();
  await new Promise((r) => setTimeout(r, 10_000));
  away.cutOff(false);
  const back = performance.now();
  const named = published.out.includes(`${away.url} did not answer`);
  return {
    seconds: await rig.converged(back, story.page, story.headline),
    lost: 'nothing',
    note: `cut off 10 s; publish exit ${published.code}${named ? ', origin named' : ''}; seconds after it was back`,
  };
}

async function clockAhead(rig: FaultRig) {
  const ahead = await Origin.start(rig.release, rig.originEnv(), ['faketime', '-f', '+120s']);
  try {
    const at = new Date(Date.now() + 20_000);
    const story = writeStory(rig, { postedAt: at.toISOString(), publishAt: at.toISOString() });
    await rig.publish({ PUBLISH_ORIGINS: [...rig.origins, ahead].map((o) => o.url).join(',') });
    const bases = [...rig.origins, ahead].map((o) => o.url).concat(rig.edge!.url);
    const firstShown = new Map<string, number>();
    while (firstShown.size < bases.length && Date.now() - at.getTime() < 60_000) {
      for (const base of bases)
        if (!firstShown.has(base) && (await request(base, story.page)).status === 200) firstShown.set(base, Date.now());
      await new Promise((r) => setTimeout(r, 200));
    }
    const early = Math.max(0, ...[...firstShown.values()].map((t) => at.getTime() - t)) / 1000;
    const last = Math.max(...firstShown.values());
    return {
      seconds: firstShown.size === bases.length ? (last - at.getTime()) / 1000 : undefined,
      lost: early > 0 ? `shown ${early.toFixed(1)} s early` : 'nothing; never shown before publishAt',
      note: 'one more origin, its clock 120 s ahead (faketime); seconds after publishAt',
    };
  } finally {
    await ahead.stop();
  }
}

async function redisEmptied(rig: FaultRig, kept: { page: string; headline: string }) {
  const port = Number(new URL(rig.redis!.url).port);
  await rig.redis!.stop();
  rig.redis = await startRedisServer(port);
  await new Promise((r) => setTimeout(r, 10_000));
  const story = writeStory(rig);
  const t0 = performance.now();
  // Watched from the publish's start: its search step runs on after the pages are live.
  const [restored, seconds] = await Promise.all([rig.publish(), rig.converged(t0, story.page, story.headline)]);
  const keptEverywhere = await rig.converged(performance.now(), kept.page, kept.headline, 5);
  return {
    seconds,
    lost: keptEverywhere !== undefined ? 'nothing' : `${kept.page} missing`,
    note: `restarted empty, 10 s of reading, then a publish (exit ${restored.code})`,
  };
}

async function redisFull(rig: FaultRig) {
  const client = createClient({ url: rig.redis!.url });
  await client.connect();
  try {
    await client.configSet('maxmemory', '1');
    const story = writeStory(rig);
    const refused = await rig.publish();
    const clear = refused.code === 1 && refused.out.includes('The store is full');
    await client.configSet('maxmemory', '0');
    const t0 = performance.now();
    const [, seconds] = await Promise.all([rig.publish(), rig.converged(t0, story.page, story.headline)]);
    return {
      seconds,
      lost: 'nothing',
      note: `a publish at maxmemory ${clear ? 'refused with "The store is full"' : `exit ${refused.code}`}; then room made and published`,
    };
  } finally {
    await client.close();
  }
}

async function edgeCold(rig: FaultRig, readers: Readers, workingSet: number) {
  const down = readers.mark();
  const stopped = performance.now();
  await rig.edge!.stop();
  await rig.startEdge();
  const downSeconds = (performance.now() - stopped) / 1000;
  const whileDown = readers.errors - down.errors;
  const originsBefore = rig.origins.reduce((n, o) => n + o.requests, 0);
  const readersBefore = readers.mark();
  await new Promise((r) => setTimeout(r, EDGE_WATCH_S * 1000));
  const originRequests = rig.origins.reduce((n, o) => n + o.requests, 0) - originsBefore;
  const readerRequests = readers.requests - readersBefore.requests;
  return {
    requests: readerRequests,
    errors: readers.errors - readersBefore.errors,
    seconds: undefined,
    lost: 'nothing',
    note: `counted from when the new edge answers (${downSeconds.toFixed(1)} s down, ${whileDown} refused connections meanwhile); first ${EDGE_WATCH_S} s: readers ${(readerRequests / EDGE_WATCH_S).toFixed(0)}/s, origins ${(originRequests / EDGE_WATCH_S).toFixed(1)}/s (${originRequests} requests for a working set of ${workingSet} pages)`,
  };
}

const load = os.loadavg();
log(`load average ${load.map((l) => l.toFixed(2)).join(' / ')} on ${os.cpus().length} cores; ${STORIES} stories`);
const { project, manifest } = await createSyntheticArchive({ stories: STORIES });
const rig = new FaultRig(project);
try {
  log('building');
  execFileSync('npm', ['run', 'build'], {
    cwd: project.dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', AJU_CONTENT_CHECKED: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await rig.start();
  const first = writeStory(rig);
  if ((await rig.publish()).code !== 0) throw new Error('the first publish failed');
  const workingSet = ['/', ...publishedStories(manifest).map((s) => `/stories/${s.slug}`)];
  log(`warming the edge with ${workingSet.length} pages`);
  for (const page of workingSet) await request(rig.edge!.url, page);
  const readers = new Readers(rig.edge!.url, workingSet);
  const rows: FaultRow[] = [
    await fault(readers, 'a publish killed right after its switch', () => killedPublish(rig)),
    await fault(readers, 'an origin cut off during a publish', () => originAway(rig)),
    await fault(readers, "an origin's clock two minutes ahead, an embargo lifting", () => clockAhead(rig)),
    await fault(readers, 'Redis restarted empty', () => redisEmptied(rig, first)),
    await fault(readers, 'Redis full (maxmemory)', () => redisFull(rig)),
    await fault(readers, 'the edge restarted cold', () => edgeCold(rig, readers, workingSet.length)),
  ];
  await readers.stop();
  const markdown = faultsReport(rows, { stories: STORIES, load, date: new Date() });
  console.log(`\n${markdown}\n`);
  writeBenchSection('faults', markdown);
} finally {
  await rig.stop();
  project.remove();
}
