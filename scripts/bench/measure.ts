/** The measurements: bytes a page transfers, Lighthouse, autocannon, OG rendering, build time. */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Browser } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../lib/chromium';
import type { TempProject } from '../lib/temp-project';
import { writeSyntheticStories } from './synthetic';

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface Transfer {
  /** Bytes on the wire (headers and compressed bodies) for scripts. */
  js: number;
  total: number;
  requests: number;
}

/** Loads a page in a fresh phone-sized context (empty cache) and adds up what crossed the network. */
export async function measureTransfer(browser: Browser, url: string): Promise<Transfer> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const types = new Map<string, string>();
  const result: Transfer = { js: 0, total: 0, requests: 0 };
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    result.total += e.encodedDataLength;
    result.requests += 1;
    if (types.get(e.requestId) === 'Script') result.js += e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await context.close();
  return result;
}

export interface LighthouseRun {
  performance: number;
  lcp: number;
  cls: number;
  tbt: number;
}

/** Lighthouse's default mobile run (simulated slow 4G, 4x CPU slowdown), performance category only. */
export async function runLighthouse(port: number, url: string): Promise<LighthouseRun> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: Math.round((lhr.categories.performance?.score ?? NaN) * 100),
    lcp: audit('largest-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    tbt: audit('total-blocking-time'),
  };
}

/** Story and floor alternately, `rounds` times each, in one headless Chromium on the closed network. */
export async function lighthousePair(storyUrl: string, floorUrl: string, rounds: number) {
  const chrome = await chromeLauncher.launch({ chromePath: findChromium(), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const story: LighthouseRun[] = [];
  const floor: LighthouseRun[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      story.push(await runLighthouse(chrome.port, storyUrl));
      floor.push(await runLighthouse(chrome.port, floorUrl));
    }
  } finally {
    chrome.kill();
  }
  const summarise = (runs: LighthouseRun[]): LighthouseRun => ({
    performance: median(runs.map((r) => r.performance)),
    lcp: median(runs.map((r) => r.lcp)),
    cls: median(runs.map((r) => r.cls)),
    tbt: median(runs.map((r) => r.tbt)),
  });
  return { story: summarise(story), floor: summarise(floor), runs: { story, floor } };
}

export interface Load {
  requestsPerSecond: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon: a short warm-up, then `seconds` at `connections` connections. */
export async function measureLoad(url: string, connections: number, seconds: number): Promise<Load> {
  await autocannon({ url, connections, duration: 2 });
  const result = await autocannon({ url, connections, duration: seconds });
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

/** Wall-clock seconds for `next build` in a directory. */
export function timeBuild(cwd: string, env: Record<string, string>, args: string[] = []): number {
  const start = performance.now();
  try {
    execFileSync(process.execPath, [path.join(cwd, 'node_modules/next/dist/bin/next'), 'build', ...args], {
      cwd,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 2 ** 20,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`next build failed in ${cwd}:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
  }
  return (performance.now() - start) / 1000;
}

/** Times a clean build of the temp project with `count` synthetic stories. */
export function timeSyntheticBuild(project: TempProject, count: number): number {
  writeSyntheticStories(project, count);
  rmSync(path.join(project.dir, '.next'), { recursive: true, force: true });
  return timeBuild(project.dir, { NEXT_DIST_DIR: '.next' });
}
