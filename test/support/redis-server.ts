import { spawn } from 'node:child_process';
import net from 'node:net';
import { freePort } from './free-port';

export interface RedisServer {
  url: string;
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Debian's `redis-server` on a free loopback port (or `port`: a restart), without persistence, evicting only keys
 * with a TTL when full, as publishing.md sets it up, for tests and benchmarks (.ci/run installs it when missing).
 * Resolves once it accepts connections.
 */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  port ??= await freePort();
  const server = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'volatile-lru',
    ],
    { stdio: 'ignore' },
  );
  let failed = false;
  const exited = new Promise<void>((resolve) => {
    server.once('exit', () => resolve());
    server.once('error', () => {
      failed = true; // not installed: no exit follows
      resolve();
    });
  });
  const stop = async () => {
    if (!failed && server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await exited;
  };
  const accepts = () =>
    new Promise<boolean>((resolve) =>
      net
        .connect(port, '127.0.0.1')
        .on('connect', function (this: net.Socket) {
          this.end();
          resolve(true);
        })
        .on('error', () => resolve(false)),
    );
  for (let waited = 0; !(await accepts()); waited += 100) {
    if (failed || server.exitCode !== null || waited > 10_000) {
      await stop();
      throw new Error('redis-server did not start: install it (apt-get install -y redis-server; .ci/run does).');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}
