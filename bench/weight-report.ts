/**
 * BENCHMARKS.md's weight section from `npm run bench:weight`'s figures (bench/weight.ts): what is measured and
 * how, each figure beside its target and its floor of the same run.
 */
import type { LighthouseRun, PageLoad } from './measure';
import type { ThrottledLoad } from './throttled';
import { SLOW_PHONE } from './throttled';

export const WEIGHT_PAGE_TYPES = ['story', 'front', 'section', 'tag', 'author', 'archive', 'search'] as const;

export interface DocumentSize {
  type: (typeof WEIGHT_PAGE_TYPES)[number];
  path: string;
  raw: number;
  gzip: number;
  /** Story cards (StoryList items) in the page. */
  cards: number;
}

export interface WeightFigures {
  documents: DocumentSize[];
  archive?: { stories: number; documents: DocumentSize[] };
  /** Response bodies by kind on a phone, cold: the story's and the plain floor's. */
  bodies: Record<'story' | 'floor', PageLoad['bodies']>;
  /** The pages as readers get them, and the story and photo floor with their scripts refused (a diagnosis). */
  paints: Record<
    'story' | 'photo floor' | 'floor' | 'story, scripts refused' | 'photo floor, scripts refused',
    ThrottledLoad
  >;
  /** Lighthouse's mobile run, median of `rounds`, the story and the photo floor alternating. */
  lighthouse: Record<'story' | 'photo floor', LighthouseRun>;
  rounds: number;
  machine: string;
}

/** Targets of issue 26. */
export const WEIGHT_TARGETS = {
  storyRaw: 60_000,
  storyGzip: 12_000,
  perCardRaw: 3_000,
  nonPhotoOverFloor: 50_000,
  lcpOverPhotoFloor: 1.2,
  lcpOverFloor: 1.5,
  /** Lighthouse's performance score, 0–100 here: within 0.03 of the photo floor's. */
  lighthouseBelowPhotoFloor: 3,
};

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const ms = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(0));
const met = (ok: boolean) => (ok ? 'met' : 'missed');

function documentTable(seed: DocumentSize[], archive: WeightFigures['archive']): string[] {
  const head = archive
    ? `| Page | raw KB, 1 story | gzip KB, 1 story | raw KB, ${archive.stories} | gzip KB, ${archive.stories} | cards | raw KB per card |`
    : '| Page | raw KB | gzip KB | cards |';
  const rows = seed.map((one) => {
    const many = archive?.documents.find((d) => d.type === one.type);
    if (!many) return `| ${one.type} | ${kb(one.raw)} | ${kb(one.gzip)} | ${one.cards} |`;
    const perCard = many.cards > one.cards ? kb((many.raw - one.raw) / (many.cards - one.cards)) : '–';
    return `| ${one.type} | ${kb(one.raw)} | ${kb(one.gzip)} | ${kb(many.raw)} | ${kb(many.gzip)} | ${one.cards} → ${many.cards} | ${perCard} |`;
  });
  return [head, `|${'---|'.repeat(head.split('|').length - 2)}`, ...rows];
}

function paintTable(paints: WeightFigures['paints']): string[] {
  const rows = (Object.keys(paints) as (keyof WeightFigures['paints'])[]).map((name) => {
    const p = paints[name];
    return `| ${name} | ${ms(p.lcp)} | ${p.lcpElement} | ${ms(p.firstPaint)} | ${ms(p.documentEnd)} | ${ms(p.photoStart)} | ${ms(p.photoEnd)} | ${ms(p.fontsEnd)} | ${ms(p.scriptsEnd)} | ${p.layoutShift.toFixed(3)} |`;
  });
  return [
    '| Page | LCP ms | LCP element | first paint | document end | photo start | photo end | fonts end | scripts end | CLS |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ];
}

export function weightReport(f: WeightFigures): string {
  const story = f.documents.find((d) => d.type === 'story')!;
  const { paints } = f;
  const overPhoto = paints.story.lcp / paints['photo floor'].lcp;
  const overFloor = paints.story.lcp / paints.floor.lcp;
  const nonPhoto = (b: PageLoad['bodies']) => b.total - b.image;
  const overBytes = nonPhoto(f.bodies.story) - nonPhoto(f.bodies.floor);
  const byKind = (b: PageLoad['bodies']) =>
    (Object.keys(b) as (keyof typeof b)[])
      .filter((kind) => kind !== 'total' && kind !== 'image' && b[kind] > 0)
      .map((kind) => `${kind} ${kb(b[kind])}`)
      .join(', ');
  const lh = f.lighthouse;
  const lhGap = lh['photo floor'].performance - lh.story.performance;
  const perCard = (f.archive?.documents ?? [])
    .map((many) => {
      const one = f.documents.find((d) => d.type === many.type)!;
      return many.cards > one.cards ? (many.raw - one.raw) / (many.cards - one.cards) : 0;
    })
    .reduce((a, b) => Math.max(a, b), 0);
  const t = WEIGHT_TARGETS;
  return [
    '## Page weight',
    '',
    `Written by \`npm run bench:weight\` (bench/weight.ts; decision 0052). ${f.machine}. Documents as the server`,
    'sends them uncompressed, gzipped by the benchmark (zlib default). Cards: story-list items; bytes per card are',
    "the listing's growth from the seed content to the archive, divided by the cards it gained.",
    '',
    ...documentTable(f.documents, f.archive),
    '',
    `- Story document: ${kb(story.raw)} KB raw (target ≤ ${kb(t.storyRaw)}: ${met(story.raw <= t.storyRaw)}), ${kb(story.gzip)} KB gzipped (target ≤ ${kb(t.storyGzip)}: ${met(story.gzip <= t.storyGzip)}).`,
    f.archive
      ? `- Largest raw bytes per listing card: ${kb(perCard)} KB (target ≤ ${kb(t.perCardRaw)}: ${met(perCard <= t.perCardRaw)}).`
      : '- Bytes per card: not measured (`--quick`: no archive).',
    `- Bytes other than photos, cold, on the phone: story ${kb(nonPhoto(f.bodies.story))} KB, floor ${kb(nonPhoto(f.bodies.floor))} KB: ${kb(overBytes)} KB over (target ≤ ${kb(t.nonPhotoOverFloor)}: ${met(overBytes <= t.nonPhotoOverFloor)}). By kind, compressed bodies in KB: story ${byKind(f.bodies.story)}; floor ${byKind(f.bodies.floor)}.`,
    '',
    `Throttled phone (390×844 @3x, ${SLOW_PHONE.rttMs} ms RTT, ${SLOW_PHONE.downMbps} Mbps down, ${SLOW_PHONE.cpuSlowdown}× CPU, cold cache), median of ${f.rounds} alternating rounds; times in ms from navigation start:`,
    '',
    ...paintTable(paints),
    '',
    `- Story LCP ÷ photo floor: ${overPhoto.toFixed(2)} (target ≤ ${t.lcpOverPhotoFloor}: ${met(overPhoto <= t.lcpOverPhotoFloor)}); ÷ plain floor: ${overFloor.toFixed(2)} (target ≤ ${t.lcpOverFloor}: ${met(overFloor <= t.lcpOverFloor)}); story CLS ${paints.story.layoutShift.toFixed(3)}.`,
    `- Where the time goes: with its scripts refused (no reader's case: the photo then shares the link with nothing but the fonts) the story's LCP is ${ms(paints['story, scripts refused'].lcp)} ms (${(paints['story, scripts refused'].lcp / paints.floor.lcp).toFixed(2)}× the plain floor) and the photo floor's ${ms(paints['photo floor, scripts refused'].lcp)} ms (${(paints['photo floor, scripts refused'].lcp / paints.floor.lcp).toFixed(2)}×): after the document, the photo (${kb(f.bodies.story.image)} KB) takes its request's ${SLOW_PHONE.rttMs} ms round trip and ${ms((f.bodies.story.image * 8) / (SLOW_PHONE.downMbps * 1000))} ms on the link alone. With the scripts, Chromium's throttling shares the link equally among the requests in flight, whatever their priority, so the framework's scripts (every page's, the floors' too) slow the photo further.`,
    `- Lighthouse mobile (simulated slow 4G, 4× CPU), median of ${f.rounds} alternating runs: story performance ${lh.story.performance} (LCP ${ms(lh.story.lcp)} ms, CLS ${lh.story.cls.toFixed(3)}, TBT ${ms(lh.story.tbt)} ms), photo floor ${lh['photo floor'].performance} (LCP ${ms(lh['photo floor'].lcp)} ms, TBT ${ms(lh['photo floor'].tbt)} ms): ${lhGap} below it (target within ${t.lighthouseBelowPhotoFloor}, i.e. 0.03: ${met(lhGap <= t.lighthouseBelowPhotoFloor)}).`,
  ].join('\n');
}
