/** bench:edge's throughput runs: autocannon on the edge and on a static file server in turns, with CPU per answer. */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export const TARGET = 0.8;
export const ROUNDS = 7;
export const ROUND_SECONDS = 4;
export const WARMUP_SECONDS = 2;
/** autocannon's connections, and the realistic mix's requests in flight. */
export const CONNECTIONS = 50;

export interface Load {
  requestsPerSecond: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU ms the server's processes spent per 1,000 answers (user + system): independent of how busy the machine is. */
  cpuPerThousand: number;
}

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

/** User + system CPU ticks of these processes so far (Linux /proc). */
function cpuTicks(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks;
}

export async function load(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  pids: number[] = [],
): Promise<Load> {
  const before = cpuTicks(pids);
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
  const cpuPerThousand = ((cpuTicks(pids) - before) * TICK_MS) / (r.requests.total / 1000);
  return {
    requestsPerSecond: r.requests.average,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    cpuPerThousand,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export interface Pair {
  static: Load;
  edge: Load;
  /** Median over the rounds of edge ÷ static within the round, and the lowest and highest of them. */
  ratio: number;
  ratioRange: [number, number];
}

/**
 * The machine is shared, so a single pair of runs says little: after a warm-up of each, the static server
 * and the edge take turns, ROUNDS times. Each round's ratio compares two runs a few seconds apart (under
 * the same load from whatever else runs); the figure is the median of those ratios, and every other
 * figure the median of its runs (errors summed).
 */
export async function pair(
  staticServer: { url: string; pids: number[] },
  edgeServer: { url: string; pids: number[] },
  headers: Record<string, string>,
): Promise<Pair> {
  await load(staticServer.url, headers, WARMUP_SECONDS);
  await load(edgeServer.url, headers, WARMUP_SECONDS);
  const runs: Array<{ static: Load; edge: Load }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    runs.push({
      static: await load(staticServer.url, headers, ROUND_SECONDS, staticServer.pids),
      edge: await load(edgeServer.url, headers, ROUND_SECONDS, edgeServer.pids),
    });
  }
  const summary = (list: Load[]): Load => ({
    requestsPerSecond: median(list.map((l) => l.requestsPerSecond)),
    p99: median(list.map((l) => l.p99)),
    cpuPerThousand: median(list.map((l) => l.cpuPerThousand)),
    errors: list.reduce((sum, l) => sum + l.errors, 0),
    non2xx: list.reduce((sum, l) => sum + l.non2xx, 0),
  });
  const ratios = runs.map((r) => r.edge.requestsPerSecond / r.static.requestsPerSecond);
  return {
    static: summary(runs.map((r) => r.static)),
    edge: summary(runs.map((r) => r.edge)),
    ratio: median(ratios),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
  };
}
