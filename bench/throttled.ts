/**
 * A page's load as a phone on a slow link meets it (issue 26): 390×844 at 3 dppx, 150 ms round trip, 1.6 Mbps
 * down, a 4× slower CPU, empty cache; pages loaded in alternating order, one fresh context each. Records the
 * largest paint, layout shift and when the document, the photo, the fonts and the scripts arrived.
 */
import type { Browser } from 'playwright';
import { median, PHONE } from './measure';

/** Chromium's throttling, as Lighthouse's "slow 4G" profile states it. */
export const SLOW_PHONE = { rttMs: 150, downMbps: 1.6, upMbps: 0.75, cpuSlowdown: 4 } as const;

/** Milliseconds from navigation start; undefined when the page fetched no such thing. */
export interface ThrottledLoad {
  lcp: number;
  lcpElement: string;
  layoutShift: number;
  /** The document's last byte, the first paint, the lead photo's last byte, the last font's and script's. */
  documentEnd: number;
  firstPaint: number;
  photoEnd?: number;
  fontsEnd?: number;
  scriptsEnd?: number;
  /** When the photo's request started: with the document, or behind something else. */
  photoStart?: number;
}

const READ_LOAD = `new Promise((resolve) => {
  const lcp = [];
  let shift = 0;
  new PerformanceObserver((l) => lcp.push(...l.getEntries())).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) shift += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  setTimeout(() => {
    const last = lcp.at(-1);
    const res = performance.getEntriesByType('resource');
    const end = (test) => { const r = res.filter((e) => test(e.name)); return r.length ? Math.max(...r.map((e) => e.responseEnd)) : undefined; };
    const photo = res.find((e) => e.name.includes('/_next/image'));
    const el = last && last.element;
    resolve({
      lcp: last ? last.startTime : 0,
      lcpElement: el ? el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') : '(none)',
      layoutShift: shift,
      documentEnd: performance.getEntriesByType('navigation')[0].responseEnd,
      firstPaint: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || 0,
      photoEnd: photo ? photo.responseEnd : undefined,
      photoStart: photo ? photo.startTime : undefined,
      fontsEnd: end((n) => n.endsWith('.woff2')),
      scriptsEnd: end((n) => n.endsWith('.js')),
    });
  }, 500);
})`;

/**
 * A page to load: its URL, or its URL with its scripts refused (`withoutScripts`), which shows what the scripts'
 * share of the link costs the photo (a diagnosis, not a page any reader gets).
 */
export type ThrottledPage = string | { url: string; withoutScripts: true };

/** One cold, throttled load of `target`. */
export async function throttledLoad(browser: Browser, target: ThrottledPage): Promise<ThrottledLoad> {
  const url = typeof target === 'string' ? target : target.url;
  const context = await browser.newContext({
    viewport: { width: PHONE.width, height: PHONE.height },
    deviceScaleFactor: PHONE.dpr,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_PHONE.rttMs,
      downloadThroughput: (SLOW_PHONE.downMbps * 1e6) / 8,
      uploadThroughput: (SLOW_PHONE.upMbps * 1e6) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });
    if (typeof target !== 'string') await page.route(/\.js(\?|$)/, (route) => route.abort());
    await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
    return (await page.evaluate(READ_LOAD)) as ThrottledLoad;
  } finally {
    await context.close();
  }
}

/** Each page's median of every figure over `rounds` rounds, the order alternating from round to round. */
export async function throttledRounds<Name extends string>(
  browser: Browser,
  pages: Record<Name, ThrottledPage>,
  rounds: number,
): Promise<Record<Name, ThrottledLoad>> {
  const names = Object.keys(pages) as Name[];
  const runs = new Map<Name, ThrottledLoad[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse())
      runs.get(name)!.push(await throttledLoad(browser, pages[name]));
  }
  const medianOf = (loads: ThrottledLoad[], key: keyof ThrottledLoad) => {
    const values = loads.map((load) => load[key]).filter((v): v is number => typeof v === 'number');
    return values.length ? median(values) : undefined;
  };
  return Object.fromEntries(
    names.map((name) => {
      const loads = runs.get(name)!;
      const figures = Object.fromEntries(
        (Object.keys(loads[0]!) as (keyof ThrottledLoad)[])
          .filter((key) => key !== 'lcpElement')
          .map((key) => [key, medianOf(loads, key)]),
      );
      return [name, { ...figures, lcpElement: loads.at(-1)!.lcpElement } as ThrottledLoad];
    }),
  ) as Record<Name, ThrottledLoad>;
}
