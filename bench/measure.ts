/** The measurements: bytes a page transfers, Lighthouse, autocannon, OG rendering, build time. */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Browser } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium';
import type { TempProject } from '../test/support/temp-project';
import { writeSyntheticStories } from './synthetic';

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** What a page's bytes are, by the kind DevTools gives each response. */
export const BYTE_KINDS = ['document', 'js', 'css', 'font', 'image', 'other'] as const;
export type ByteKind = (typeof BYTE_KINDS)[number];

const kindOf = (type: string): ByteKind =>
  (({ Document: 'document', Script: 'js', Stylesheet: 'css', Font: 'font', Image: 'image' })[type] as
    ByteKind | undefined) ?? 'other';

export interface Device {
  name: string;
  width: number;
  height: number;
  dpr: number;
  mobile: boolean;
}

/** A phone as the issue measures it (an iPhone's 390×844 CSS pixels at 3 dppx). */
export const PHONE: Device = { name: 'phone 390×844 @3x', width: 390, height: 844, dpr: 3, mobile: true };
/** What Lighthouse's mobile run emulates (a Moto G Power): loading it first warms the image cache for Lighthouse. */
export const LIGHTHOUSE_PHONE: Device = {
  name: 'Lighthouse phone 412×823 @1.75x',
  width: 412,
  height: 823,
  dpr: 1.75,
  mobile: true,
};
/** A wide screen: a laptop at 2 dppx. */
export const WIDE: Device = { name: 'wide 1440×900 @2x', width: 1440, height: 900, dpr: 2, mobile: false };

export interface PageLoad {
  /** Bytes on the wire (headers and compressed bodies) by kind, and in all. */
  bytes: Record<ByteKind, number> & { total: number };
  /** Compressed bodies only, by kind: what the code weighs, without each server's response headers. */
  bodies: Record<ByteKind, number> & { total: number };
  requests: number;
  /** Origins other than the page's own that were contacted (the site must contact none). */
  otherOrigins: string[];
  /** The last largest-contentful-paint entry: which element, when, how big. */
  lcp?: { element: string; startTime: number; size: number };
  /** Sum of layout-shift entries without recent input, as CLS counts them on a page this short-lived. */
  layoutShift: number;
  /** The first photo in the page (the lead photo on a story): the rendition the browser chose. */
  /** naturalWidth: the rendition's width in pixels; cssWidth: the width it is shown at. */
  photo?: { url: string; contentType: string; naturalWidth: number; cssWidth: number; bytes: number };
}

// Browser-side code as strings: tsx would wrap functions passed to page.evaluate in helpers the page lacks.
const OBSERVE_PAINT_AND_SHIFTS = `
  window.__lcp = [];
  window.__shift = 0;
  new PerformanceObserver((list) => window.__lcp.push(...list.getEntries())).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;
const READ_PAINT_AND_SHIFTS = `(() => {
  const describe = (el) => {
    if (!el) return '(removed from the page)';
    const classes = [...el.classList].map((c) => '.' + c).join('');
    const detail = el instanceof HTMLImageElement
      ? ' ' + decodeURIComponent(new URL(el.currentSrc).search.replace(/&q=\\d+/, ''))
      : ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
    return '<' + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes + '>' + detail;
  };
  const last = window.__lcp.at(-1);
  const img = document.querySelector('main img');
  return {
    lcp: last ? { element: describe(last.element), startTime: last.startTime, size: last.size } : undefined,
    layoutShift: window.__shift,
    photo: img && img.currentSrc ? { url: img.currentSrc, naturalWidth: 0, cssWidth: img.getBoundingClientRect().width } : undefined,
  };
})()`;
// naturalWidth of an <img srcset> is in CSS pixels (divided by the density the browser chose): decode the
// chosen file alone (from the cache) for its real width in pixels.
const PIXEL_WIDTH = `(async (url) => { const probe = new Image(); probe.src = url; await probe.decode(); return probe.naturalWidth; })`;

/** Loads a page in a fresh context (empty cache) for `device` and records what it fetched and painted. */
export async function measurePage(browser: Browser, url: string, device: Device): Promise<PageLoad> {
  const context = await browser.newContext({
    viewport: { width: device.width, height: device.height },
    deviceScaleFactor: device.dpr,
    isMobile: device.mobile,
    hasTouch: device.mobile,
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE_PAINT_AND_SHIFTS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const responses = new Map<string, { type: string; url: string; mimeType: string }>();
    const bytesByUrl = new Map<string, number>();
    const bytes = Object.fromEntries([...BYTE_KINDS, 'total'].map((k) => [k, 0])) as PageLoad['bytes'];
    const bodies = { ...bytes };
    // What had arrived when the response started: its headers. The rest of the wire bytes are the body.
    const headerBytes = new Map<string, number>();
    const origins = new Set<string>();
    let requests = 0;
    cdp.on('Network.requestWillBeSent', (e) => origins.add(new URL(e.request.url).origin));
    cdp.on('Network.responseReceived', (e) => {
      responses.set(e.requestId, { type: e.type, url: e.response.url, mimeType: e.response.mimeType });
      headerBytes.set(e.requestId, e.response.encodedDataLength);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const response = responses.get(e.requestId);
      const kind = kindOf(response?.type ?? '');
      bytes[kind] += e.encodedDataLength;
      bytes.total += e.encodedDataLength;
      const body = e.encodedDataLength - (headerBytes.get(e.requestId) ?? 0);
      bodies[kind] += body;
      bodies.total += body;
      requests += 1;
      if (response) bytesByUrl.set(response.url, e.encodedDataLength);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const painted = (await page.evaluate(READ_PAINT_AND_SHIFTS)) as Pick<PageLoad, 'lcp' | 'layoutShift'> & {
      photo?: { url: string; naturalWidth: number; cssWidth: number };
    };
    if (painted.photo)
      painted.photo.naturalWidth = (await page.evaluate(
        `${PIXEL_WIDTH}(${JSON.stringify(painted.photo.url)})`,
      )) as number;
    const photoResponse = painted.photo && [...responses.values()].find((r) => r.url === painted.photo!.url);
    const own = new URL(url).origin;
    return {
      bytes,
      bodies,
      requests,
      otherOrigins: [...origins].filter((o) => o !== own && !o.startsWith('data:')),
      lcp: painted.lcp,
      layoutShift: painted.layoutShift,
      photo: painted.photo && {
        ...painted.photo,
        contentType: photoResponse?.mimeType ?? 'unknown',
        bytes: bytesByUrl.get(painted.photo.url) ?? 0,
      },
    };
  } finally {
    await context.close();
  }
}

export interface LighthouseRun {
  performance: number;
  lcp: number;
  cls: number;
  tbt: number;
  fcp: number;
  /** LCP in the unthrottled trace Lighthouse simulates from. */
  observedLcp: number;
  /**
   * KB by kind of the requests that had finished by the observed LCP: Lighthouse's simulated LCP (Lantern)
   * puts all of them on the path to the paint, whatever the element waited for.
   */
  finishedBeforeLcp: Record<string, number>;
}

/** Lighthouse's default mobile run (simulated slow 4G, 4x CPU slowdown), performance category only. */
export async function runLighthouse(port: number, url: string): Promise<LighthouseRun> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const metrics = (lhr.audits.metrics?.details as { items?: Record<string, number>[] } | undefined)?.items?.[0] ?? {};
  const observedLcp = metrics.observedLargestContentfulPaint ?? NaN;
  const requests =
    (
      lhr.audits['network-requests']?.details as
        { items?: { resourceType?: string; transferSize?: number; networkEndTime?: number }[] } | undefined
    )?.items ?? [];
  const finishedBeforeLcp: Record<string, number> = {};
  for (const r of requests) {
    if ((r.networkEndTime ?? Infinity) > observedLcp) continue;
    const kind = r.resourceType ?? 'Other';
    finishedBeforeLcp[kind] = (finishedBeforeLcp[kind] ?? 0) + (r.transferSize ?? 0) / 1024;
  }
  return {
    performance: Math.round((lhr.categories.performance?.score ?? NaN) * 100),
    lcp: audit('largest-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    tbt: audit('total-blocking-time'),
    fcp: audit('first-contentful-paint'),
    observedLcp,
    finishedBeforeLcp,
  };
}

/** Story and floor alternately, `rounds` times each, in one headless Chromium on the closed network. */
export async function lighthousePair(storyUrl: string, floorUrl: string, rounds: number) {
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
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
    fcp: median(runs.map((r) => r.fcp)),
    observedLcp: median(runs.map((r) => r.observedLcp)),
    // Per run only (see runs).
    finishedBeforeLcp: {},
  });
  return { story: summarise(story), floor: summarise(floor), runs: { story, floor } };
}

export interface Load {
  requestsPerSecond: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Seconds of autocannon warm-up before each measured load. */
export const LOAD_WARMUP_SECONDS = 2;

/** autocannon: a short warm-up, then `seconds` at `connections` connections. */
export async function measureLoad(url: string, connections: number, seconds: number): Promise<Load> {
  await autocannon({ url, connections, duration: LOAD_WARMUP_SECONDS });
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
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
