/**
 * The origins `npm run origins` supervises: one per port, restarted when one dies, replaced one port at a time by a
 * roll (docs/operations/deploys.md; why a supervisor of our own: decision 0032). Plain JavaScript, Node's modules.
 */
import { spawnOrigin, waitOriginReady } from './origin-process.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class OriginPool {
  /** port → { child, release, stopping } */
  running = new Map();
  shuttingDown = false;

  /** @param {{ ports: number[], host: string, settleMs: number, readyTimeoutMs: number, log: (line: string) => void }} settings */
  constructor({ ports, host, settleMs, readyTimeoutMs, log }) {
    Object.assign(this, { ports, host, settleMs, readyTimeoutMs, log });
    this.probeHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  }

  /** Starts an origin of `release` on `port`; one that dies is started again a second later. */
  start(port, release) {
    const child = spawnOrigin(release.dir, { port, hostname: this.host, stdio: ['ignore', 'inherit', 'inherit'] });
    const entry = { child, release, stopping: false };
    this.running.set(port, entry);
    child.on('exit', (code, signal) => {
      if (entry.stopping || this.shuttingDown) return;
      this.log(`origin on ${port} (${release.name}) exited (${signal ?? code}); starting it again in 1 s`);
      setTimeout(() => {
        if (!this.shuttingDown && this.running.get(port) === entry) this.start(port, release);
      }, 1000);
    });
    return entry;
  }

  /** SIGTERM (the origin drains), SIGKILL if it has not exited 30 s later. */
  stop(entry) {
    entry.stopping = true;
    return new Promise((resolve) => {
      if (entry.child.exitCode !== null || entry.child.signalCode !== null) return resolve();
      // The origin drains for at most its delay and timeout (3 s + 10 s by default); then it is ended.
      const force = setTimeout(() => entry.child.kill('SIGKILL'), 30_000);
      entry.child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      entry.child.kill('SIGTERM');
    });
  }

  waitReady(port, entry) {
    return waitOriginReady({ host: this.probeHost, port, child: entry.child, timeoutMs: this.readyTimeoutMs });
  }

  /** Whether each port's origin became ready, in the order of the ports. */
  waitAllReady() {
    return Promise.all(this.ports.map((port) => this.waitReady(port, this.running.get(port))));
  }

  /** Stops every origin, each draining; later exits restart nothing. */
  async stopAll() {
    this.shuttingDown = true;
    await Promise.all([...this.running.values()].map((entry) => this.stop(entry)));
  }

  /** Replaces every origin, one at a time, with `release`; `say` gets progress lines. Resolves with the ms it took. */
  async roll(release, say) {
    const started = Date.now();
    for (const port of this.ports) {
      const old = this.running.get(port);
      if (old && old.release.name === release.name) {
        say(`port ${port} already runs ${release.name}`);
        continue;
      }
      if (old) await this.stop(old);
      await this.replace(port, release, old);
      say(`port ${port} runs ${release.name}`);
      // Until the edge's probe has seen it healthy again, it would route everything to the others.
      if (port !== this.ports.at(-1)) await sleep(this.settleMs);
    }
    return Date.now() - started;
  }

  /** Starts `release` on `port`; if it is not ready in time, starts `old` again there and throws. */
  async replace(port, release, old) {
    const fresh = this.start(port, release);
    if (await this.waitReady(port, fresh)) return;
    await this.stop(fresh);
    if (old) await this.waitReady(port, this.start(port, old.release));
    throw new Error(
      `the origin of ${release.name} on port ${port} did not become ready within ${this.readyTimeoutMs} ms; port ${port} runs ${old?.release.name ?? 'nothing'} again`,
    );
  }
}
