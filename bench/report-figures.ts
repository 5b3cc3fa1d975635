/** The core benchmark's figures, its targets, and how bench/report.ts writes numbers. */
import type { LighthouseRun, Load, PageLoad } from './measure';
import type { OgFigures } from './og';

export type BenchPageType = 'front' | 'story' | 'every-block story' | 'section' | 'author';

export interface Figures {
  machine: Record<
    'cpus' | 'memory' | 'os' | 'node' | 'chromium' | 'next' | 'react' | 'lighthouse' | 'date' | 'loadAtStart',
    string
  >;
  pages: Record<BenchPageType, string | undefined>;
  /** Cold loads on PHONE. */
  floorLoad: PageLoad;
  loads: Partial<Record<BenchPageType, PageLoad | undefined>>;
  /** The story on WIDE and on Lighthouse's phone. */
  storyWide: PageLoad;
  storyLighthousePhone: PageLoad;
  lighthouse: { story: LighthouseRun; floor: LighthouseRun; runs: { story: LighthouseRun[]; floor: LighthouseRun[] } };
  load: { site: Load; static: Load; connections: number; seconds: number; warmupSeconds: number };
  og: OgFigures | undefined;
  builds: { floor: number; byCount: { count: number; seconds: number }[] };
  benchSeconds: number;
}

/** What the figures table is built into: its rows, the targets missed, and what could not be measured yet. */
export interface Findings {
  rows: string[][];
  misses: string[];
  pending: string[];
}

/** Targets from the issue; each is checked here so the file says plainly which are met. */
export const TARGETS = {
  storyJsRatio: 1.05,
  /** The share control (and the enlarger) may add this much compressed JavaScript to the floor's. */
  storyJsOverFloorKb: 2,
  /** LCP within this factor of the floor's (Lighthouse medians). */
  lcpRatio: 1.2,
  /** Everything but photos within the floor's bytes + this. */
  nonPhotoOverFloorKb: 60,
  /** The lead photo on a 390 px phone at 3 dppx: density capped at 2, so about 828 px (a srcset step). */
  phonePhotoMaxWidth: 828,
  /** Open Graph card, warm, per story. */
  ogCardMs: 150,
  cls: 0,
  /** "Level with the floor": Lighthouse scores move a point or two between identical runs. */
  performancePoints: 2,
  /** Linear growth: the cost of each extra story may not rise with the story count (25% for noise). */
  marginalBuildRatio: 1.25,
};

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value: number) => `${Math.round(value)} ms`;
export const signedKb = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${kb(Math.abs(bytes))}`;
export const ratio = (value: number, base: number) =>
  base > 0 && Number.isFinite(value) ? `${(value / base).toFixed(2)}×` : '—';
export const mark = (met: boolean) => (met ? '✅ met' : '❌ missed');
