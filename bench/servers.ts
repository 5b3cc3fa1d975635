/** Servers the benchmark starts and stops: the site's production server, the floor, a static file server. */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

export interface RunningServer {
  url: string;
  /** The server's process, for reading its CPU time. */
  pid?: number;
  stop(): Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server for ${url} exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      http.get(url, (res) => (res.resume(), resolve((res.statusCode ?? 500) < 500))).on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

/** Every server started, stopped when the benchmark exits for any reason, so none is left holding a port. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

async function assertPortFree(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () =>
      reject(
        new Error(`${hostname}:${port} is in use: stop whatever listens there (a server left from an earlier run?)`),
      ),
    );
    probe.listen(Number(port), hostname, () => probe.close(() => resolve()));
  });
}

async function startProcess(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  url: string,
): Promise<RunningServer> {
  // Otherwise an old server could answer for the new one and be measured instead.
  await assertPortFree(url);
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return waitForHttp(url, child).then(
    () => ({ url, pid: child.pid, stop }),
    async (error) => {
      await stop();
      throw error;
    },
  );
}

/** The site as production runs it: scripts/operators/standalone.mjs serve (Next's standalone server.js). */
export function startSite(root: string, distDir: string, port: number): Promise<RunningServer> {
  return startProcess(
    process.execPath,
    [path.join(root, 'scripts/operators/standalone.mjs'), 'serve', '-p', String(port), '-H', '127.0.0.1'],
    root,
    { NEXT_DIST_DIR: distDir, NODE_ENV: 'production' },
    `http://127.0.0.1:${port}`,
  );
}

/** The floor app under `next start` (it has no standalone output). */
export function startFloor(root: string, floorDir: string, distDir: string, port: number): Promise<RunningServer> {
  return startProcess(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'start', floorDir, '-p', String(port), '-H', '127.0.0.1'],
    root,
    { NEXT_DIST_DIR: distDir, NODE_ENV: 'production' },
    `http://127.0.0.1:${port}`,
  );
}

/**
 * The static baseline: a separate Node process answering every request with the same bytes from memory
 * (`contentEncoding: 'gzip'` when the file holds gzipped HTML, as an edge sends it).
 */
export function startStaticFileServer(
  htmlFile: string,
  port: number,
  contentEncoding?: 'gzip',
): Promise<RunningServer> {
  const encoding = contentEncoding ? `'Content-Encoding': 'gzip', ` : '';
  const source = `
    const http = require('node:http');
    const body = require('node:fs').readFileSync(${JSON.stringify(htmlFile)});
    http.createServer((req, res) => {
      res.writeHead(200, { ${encoding}'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    }).listen(${port}, '127.0.0.1');
  `;
  return startProcess(process.execPath, ['-e', source], process.cwd(), {}, `http://127.0.0.1:${port}`);
}
