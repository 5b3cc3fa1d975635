/**
 * The edge under test or measurement (e2e/edge.spec.ts, bench/edge.ts): origins of a release (run-origin.mjs
 * running its server.js, as production does), each behind a proxy that counts what reaches it, and `npm run edge`
 * (Varnish) in front. Loopback only, free ports, every process stopped by `stop()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { READY_PATH } from '../../scripts/lib/origin-process.mjs';
import { freePort } from './free-port';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The last build's release (scripts/lib/releases.mjs): what `npm run serve` runs. */
export const LATEST_RELEASE = path.join(ROOT, `${process.env.NEXT_DIST_DIR || '.next'}-releases`, 'latest');
const LAUNCHER = path.join(ROOT, 'scripts/operators/run-origin.mjs');
/** The path the edge's probe reads, for the tests that read it too. */
export { READY_PATH };

/** Everything started here, signalled when this process exits for any reason, so nothing outlives a failed run. */
const started = new Set<{ child: ChildProcess; group: boolean }>();
process.on('exit', () => {
  for (const { child, group } of started) {
    try {
      if (child.exitCode === null && child.pid) process.kill(group ? -child.pid : child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});
const track = (child: ChildProcess, group = false) => {
  const entry = { child, group };
  started.add(entry);
  child.once('exit', () => started.delete(entry));
  return child;
};

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as the reader sees it (gunzipped when the edge sent gzip). */
  body: string;
}

/** One HTTP request with exactly these headers (no client adds or follows anything); `path` goes on the wire as written. */
export function request(
  base: string,
  requestPath: string,
  {
    method = 'GET',
    headers = {},
    localAddress,
    timeoutMs = 10_000,
  }: { method?: string; headers?: Record<string, string>; localAddress?: string; timeoutMs?: number } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: hostname, port, method, path: requestPath, headers, localAddress, timeout: timeoutMs, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let raw = Buffer.concat(chunks);
          if (res.headers['content-encoding'] === 'gzip' && raw.length) raw = zlib.gunzipSync(raw);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms: ${method} ${requestPath}`)));
    req.on('error', reject);
    req.end();
  });
}

async function waitFor(
  url: string,
  alive: () => boolean,
  what: string,
  timeoutMs = 30_000,
  probePath = READY_PATH,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`${what} exited before answering`);
    const ok = await request(url, probePath, { timeoutMs: 2_000 }).then(
      (a) => a.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs} ms`);
}

export function stopProcess(child: ChildProcess, group = false): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = (signal: NodeJS.Signals) => {
      try {
        if (group && child.pid) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // already gone
      }
    };
    const force = setTimeout(() => kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    kill('SIGTERM');
  });
}

/** An origin (scripts/operators/run-origin.mjs running a release's server.js) behind a proxy that counts what reaches it. */
export class Origin {
  private constructor(
    readonly url: string,
    /** `METHOD /path?query` of every request that reached this origin, probes included. */
    readonly seen: string[],
    /** What the server has written to its standard output and error so far. */
    readonly output: () => string,
    /** When set, every answer goes out with this Cache-Control: an origin that marks anything shareable. */
    private readonly override: { cacheControl?: string; cutOff?: boolean },
    private readonly server: ChildProcess,
    private readonly proxy: http.Server,
  ) {}

  /**
   * `release`: a release folder or a pointer to one (default: this project's last build, which the webServer made);
   * `env`: more environment for the server (the publish tests' store, secret and edge); `prefix`: a command the
   * server runs under (`faketime -f +120s`: a machine whose clock runs ahead).
   */
  static async start(
    release = LATEST_RELEASE,
    env: Record<string, string> = {},
    prefix: string[] = [],
  ): Promise<Origin> {
    if (!existsSync(path.join(release, 'server.js')))
      throw new Error(`no ${release}/server.js: build it first (npm run build)`);
    const releaseDir = realpathSync(release);
    const originPort = await freePort();
    const server = track(
      spawn(
        prefix[0] ?? process.execPath,
        [...prefix.slice(1), ...(prefix.length ? [process.execPath] : []), LAUNCHER, releaseDir],
        {
          cwd: releaseDir,
          env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(originPort), HOSTNAME: '127.0.0.1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      ),
    );
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Warnings too (they go on to this process's stderr, as before).
    server.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    const agent = new http.Agent({ keepAlive: true });
    const seen: string[] = [];
    const override: { cacheControl?: string; cutOff?: boolean } = {};
    const proxy = http.createServer((req, res) => {
      // A network blip: the origin runs on, nothing reaches it.
      if (override.cutOff) return req.socket.destroy();
      seen.push(`${req.method} ${req.url}`);
      const upstream = http.request(
        { host: '127.0.0.1', port: originPort, method: req.method, path: req.url, headers: req.headers, agent },
        (up) => {
          res.writeHead(
            up.statusCode ?? 502,
            override.cacheControl ? { ...up.headers, 'cache-control': override.cacheControl } : up.headers,
          );
          up.pipe(res);
        },
      );
      // An origin that is down looks down through the proxy too: the connection just closes.
      upstream.on('error', () => req.socket.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const origin = new Origin(
      `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`,
      seen,
      () => output,
      override,
      server,
      proxy,
    );
    await waitFor(origin.url, () => server.exitCode === null, 'origin server.js');
    return origin;
  }

  /** Make this origin mark every answer with `cacheControl` (undefined: as the site sends it). */
  markEverything(cacheControl: string | undefined): void {
    this.override.cacheControl = cacheControl;
  }

  /** Cut the origin off the network (true) or reconnect it: it keeps running, and nobody can reach it. */
  cutOff(cut: boolean): void {
    this.override.cutOff = cut;
  }

  get address(): string {
    return new URL(this.url).host;
  }

  /** Requests that reached this origin, health probes left out. */
  get requests(): number {
    return this.seen.filter((line) => !line.endsWith(` ${READY_PATH}`)).length;
  }

  /** Requests for one path (and its query variants) that reached this origin. */
  count(pathname: string): number {
    return this.seen.filter((line) => line.split(' ')[1]!.split('?')[0] === pathname).length;
  }

  /** Sends `signal` to the origin's server process (SIGTERM: its graceful stop); resolves with its exit code. */
  signal(signal: NodeJS.Signals): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.server.exitCode !== null) resolve(this.server.exitCode);
      else this.server.once('exit', (code) => resolve(code));
    });
    this.server.kill(signal);
    return exited;
  }

  /** The origin's server process (not the proxy, which runs in this process). */
  pids(): number[] {
    return this.server.pid ? [this.server.pid] : [];
  }

  async stop(): Promise<void> {
    this.proxy.close();
    this.proxy.closeAllConnections();
    await stopProcess(this.server);
  }
}

/** `npm run edge` on a free loopback port in front of the origins; purges allowed from 127.0.0.1 only. */
export class Edge {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    readonly log: () => string,
  ) {}

  /**
   * `origins`: harness origins or any `host:port` addresses; `env`: more of the edge's settings (EDGE_MISS_LIMIT…);
   * `port`: where to listen (default: a free one), for origins told the edge's address before it starts.
   */
  static async start(
    origins: Array<{ address: string }>,
    env: Record<string, string> = {},
    port?: number,
  ): Promise<Edge> {
    port ??= await freePort();
    let output = '';
    const child = track(
      spawn('npm', ['run', '--silent', 'edge'], {
        cwd: ROOT,
        // Its own process group, so stop() reaches npm, node and varnishd together.
        detached: true,
        env: {
          ...process.env,
          EDGE_PORT: String(port),
          EDGE_HOST: '127.0.0.1',
          EDGE_ORIGINS: origins.map((o) => o.address).join(','),
          EDGE_PURGE_ALLOW: '127.0.0.1',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
      true,
    );
    child.stdout!.on('data', (c: Buffer) => (output += c));
    child.stderr!.on('data', (c: Buffer) => (output += c));
    const edge = new Edge(`http://127.0.0.1:${port}`, child, () => output);
    try {
      // The edge answers its own 404 for the origins' readiness path: a page tells it is up.
      await waitFor(edge.url, () => child.exitCode === null, 'npm run edge', 60_000, '/robots.txt');
    } catch (error) {
      await edge.stop();
      throw new Error(`${(error as Error).message}\n${output}`);
    }
    return edge;
  }

  /** Every process of the edge (npm, node, varnishd's manager and child): its process group. */
  pids(): number[] {
    const group = this.child.pid;
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          // Field 5 of /proc/<pid>/stat, after the parenthesised name, is the process group.
          return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[2]) === group;
        } catch {
          return false;
        }
      })
      .map(Number);
  }

  stop(): Promise<void> {
    return stopProcess(this.child, true);
  }
}
