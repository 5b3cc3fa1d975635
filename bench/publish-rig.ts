/**
 * The servers a publish benchmark runs against (bench:publish, bench:live): origins of a built archive sharing a
 * store (and Redis when more than one), the edge in front, `content:publish` run in the project as editors run
 * it, and the polling that times what readers get through the edge.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { Edge, Origin, request } from '../test/support/edge-harness';
import { freePort } from '../test/support/free-port';
import { startRedisServer, type RedisServer } from '../test/support/redis-server';
import { CONTENT_PUBLISH_ARGS, type TempProject } from '../test/support/temp-project';
import { POLL_MS } from './publish-report';

export const GIVE_UP_MS = 90_000;

export type StoryData = Record<string, unknown>;
export const storyData = (source: string) =>
  JSON.parse(
    source.slice(source.indexOf('defineStory(') + 'defineStory('.length, source.lastIndexOf(');')),
  ) as StoryData;
export const storySource = (data: object) =>
  `import { defineStory } from '@/content/schema';\n\nexport default defineStory(${JSON.stringify(data, null, 2)});\n`;

/** Year and month folder of an instant in KST, as content:check files stories. */
export function kstFolder(iso: string): string {
  const kst = new Date(Date.parse(iso) + 9 * 3600_000);
  return `${kst.getUTCFullYear()}/${String(kst.getUTCMonth() + 1).padStart(2, '0')}`;
}

export class Publisher {
  constructor(
    private readonly project: TempProject,
    private readonly env: Record<string, string>,
  ) {}

  /** Runs content:publish; `purged` is when it printed its edge line (or its last step before search). */
  run(): Promise<{ seconds: number; purged?: number; out: string; code: number }> {
    const started = performance.now();
    let purged: number | undefined;
    let out = '';
    const child = spawn(process.execPath, CONTENT_PUBLISH_ARGS, {
      cwd: this.project.dir,
      env: { ...process.env, ...this.env },
      timeout: 300_000,
    });
    const take = (chunk: Buffer) => {
      out += chunk.toString();
      if (purged === undefined && /✔ edge|no edge at/.test(out)) purged = (performance.now() - started) / 1000;
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    return new Promise((resolve) =>
      child.on('close', (code) =>
        resolve({ seconds: (performance.now() - started) / 1000, purged, out, code: code === 0 ? 0 : 1 }),
      ),
    );
  }
}

/** Seconds from `t0` until `check` holds through the edge, polled every `interval` ms; undefined if it never does. */
export async function until(
  t0: number,
  check: () => Promise<boolean>,
  interval = POLL_MS,
): Promise<number | undefined> {
  while (performance.now() - t0 < GIVE_UP_MS) {
    if (await check().catch(() => false)) return (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, interval));
  }
  return undefined;
}

/** One round's servers and publisher; `written`: story files the round added, removed at its end. */
export interface Rig {
  project: TempProject;
  originCount: number;
  storeDir: string;
  origins: Origin[];
  redis?: RedisServer;
  edge?: Edge;
  publisher?: Publisher;
  written: string[];
  /** ROUND_FILES as they were before the round. */
  restore?: string[];
}

/** A path through the edge, as a browser asks for it. */
export const via = (rig: Rig, p: string) => request(rig.edge!.url, p, { headers: { 'Accept-Encoding': 'gzip' } });

/** Origins sharing a store (and Redis when more than one, as operators run them), the edge, and content:publish. */
export async function startRig(rig: Rig): Promise<void> {
  const secret = randomBytes(24).toString('hex');
  const edgePort = await freePort();
  const release = path.join(rig.project.dir, '.next-releases', 'latest');
  rig.redis = rig.originCount > 1 ? await startRedisServer() : undefined;
  const shared: Record<string, string> = rig.redis ? { REDIS_URL: rig.redis.url } : {};
  const env = { CONTENT_STORE_DIR: rig.storeDir, PUBLISH_SECRET: secret, ...shared };
  for (let i = 0; i < rig.originCount; i++)
    rig.origins.push(await Origin.start(release, { ...env, EDGE_URL: `http://127.0.0.1:${edgePort}` }));
  // Every reader here is one loopback address: no miss limit.
  rig.edge = await Edge.start(rig.origins, { EDGE_MISS_LIMIT: '0' }, edgePort);
  rig.publisher = new Publisher(rig.project, {
    ...env,
    PUBLISH_ORIGINS: rig.origins.map((o) => o.url).join(','),
    EDGE_URL: rig.edge.url,
  });
}

/** Files a round's publishes change in the project (the ledger, the takedowns): put back as built after it. */
export const ROUND_FILES = ['content/published-addresses.json', 'content/takedowns.ts'];

export async function stopRig(rig: Rig): Promise<void> {
  for (const file of rig.written) rmSync(path.join(rig.project.dir, file), { force: true });
  rig.restore?.forEach((text, i) => rig.project.write(ROUND_FILES[i]!, text));
  await rig.edge?.stop();
  await Promise.all(rig.origins.map((o) => o.stop()));
  await rig.redis?.stop();
  rmSync(rig.storeDir, { recursive: true, force: true });
}

/** Writes a story file into the project, to be removed when the round ends. */
export function writeStory(rig: Rig, slug: string, postedAt: string, data: StoryData): string {
  const file = `content/stories/${kstFolder(postedAt)}/${slug}.ts`;
  rig.project.write(file, storySource({ ...data, slug, postedAt, updatedAt: postedAt }));
  rig.written.push(file);
  return file;
}

export async function publishOrThrow(rig: Rig) {
  const run = await rig.publisher!.run();
  if (run.code !== 0) throw new Error(`content:publish failed:\n${run.out}`);
  return run;
}

/** `npm run build` of a copy, as operators build (the release folder origins serve); its seconds. */
export function npmRunBuild(dir: string): number {
  const started = performance.now();
  execFileSync('npm', ['run', 'build'], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', AJU_CONTENT_CHECKED: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return (performance.now() - started) / 1000;
}
