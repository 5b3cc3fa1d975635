/**
 * The servers bench:faults injects faults into: a built synthetic archive, Redis, two origins on it and the edge
 * in front; readers loading a working set through the edge the whole time, every answer counted.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Edge, Origin, request } from '../test/support/edge-harness';
import { freePort } from '../test/support/free-port';
import { startRedisServer, type RedisServer } from '../test/support/redis-server';
import { CONTENT_PUBLISH_ARGS, type TempProject } from '../test/support/temp-project';

export const log = (message: string) =>
  console.log(`[bench:faults ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Readers through the edge: `connections` loops over `pages`, each answer counted, errors kept by status. */
export class Readers {
  requests = 0;
  errors = 0;
  private stopped = false;
  private readonly loops: Promise<void>[];

  constructor(edge: string, pages: string[], connections = 4) {
    this.loops = Array.from({ length: connections }, async (_, i) => {
      for (let n = i * 7919; !this.stopped; n++) {
        const answer = await request(edge, pages[n % pages.length]!, { headers: { 'Accept-Encoding': 'gzip' } }).catch(
          () => ({ status: 0 }),
        );
        this.requests++;
        if (answer.status !== 200) this.errors++;
        await new Promise((r) => setTimeout(r, 10));
      }
    });
  }

  /** Counts from here on. */
  mark(): { requests: number; errors: number } {
    return { requests: this.requests, errors: this.errors };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }
}

export class FaultRig {
  origins: Origin[] = [];
  edge?: Edge;
  edgePort = 0;
  redis?: RedisServer;
  readonly secret = randomBytes(24).toString('hex');

  constructor(readonly project: TempProject) {}

  get release() {
    return path.join(this.project.dir, '.next-releases', 'latest');
  }

  originEnv(): Record<string, string> {
    return { REDIS_URL: this.redis!.url, PUBLISH_SECRET: this.secret, EDGE_URL: `http://127.0.0.1:${this.edgePort}` };
  }

  async start(): Promise<void> {
    this.redis = await startRedisServer();
    this.edgePort = await freePort();
    for (let i = 0; i < 2; i++) this.origins.push(await Origin.start(this.release, this.originEnv()));
    await this.startEdge();
  }

  async startEdge(): Promise<void> {
    // Every reader here is one loopback address: no miss limit.
    this.edge = await Edge.start(this.origins, { EDGE_MISS_LIMIT: '0' }, this.edgePort);
  }

  /** Runs content:publish in the project (`env`: PUBLISH_FAULT and the like). */
  publish(env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
    const child = spawn(process.execPath, CONTENT_PUBLISH_ARGS, {
      cwd: this.project.dir,
      env: {
        ...process.env,
        REDIS_URL: this.redis!.url,
        PUBLISH_SECRET: this.secret,
        PUBLISH_ORIGINS: this.origins.map((o) => o.url).join(','),
        EDGE_URL: this.edge?.url ?? '',
        PUBLISH_ORIGIN_TIMEOUT_MS: '10000',
        ...env,
      },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (out += c));
    return new Promise((resolve) =>
      child.on('close', (code) => {
        // Where a publish's own time went, for the seconds the table shows.
        log(`  publish exit ${code}: ${/Steps: .*/.exec(out)?.[0] ?? out.trim().split('\n').at(-1)}`);
        resolve({ code: code ?? 1, out });
      }),
    );
  }

  /** Seconds from `t0` until every origin and the edge answer `page` containing `text` (undefined: not in `limitS`). */
  async converged(t0: number, page: string, text: string, limitS = 90): Promise<number | undefined> {
    const bases = [...this.origins.map((o) => o.url), this.edge!.url];
    while (performance.now() - t0 < limitS * 1000) {
      const answers = await Promise.all(bases.map((b) => request(b, page).catch(() => ({ body: '' }))));
      if (answers.every((a) => a.body.includes(text))) return (performance.now() - t0) / 1000;
      await new Promise((r) => setTimeout(r, 250));
    }
    return undefined;
  }

  async stop(): Promise<void> {
    await this.edge?.stop();
    await Promise.all(this.origins.map((o) => o.stop()));
    await this.redis?.stop();
  }
}
