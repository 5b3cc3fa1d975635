/** BENCHMARKS.md from one run's figures: every figure beside its same-run baseline, as a ratio. */
import { BYTE_KINDS, LIGHTHOUSE_PHONE, PHONE, WIDE, type LighthouseRun, type Load, type PageLoad } from './measure';
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

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const signedKb = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${kb(Math.abs(bytes))}`;
const ratio = (value: number, base: number) =>
  base > 0 && Number.isFinite(value) ? `${(value / base).toFixed(2)}×` : '—';
const mark = (met: boolean) => (met ? '✅ met' : '❌ missed');

export function renderReport(f: Figures): string {
  const rows: string[][] = [];
  const misses: string[] = [];
  const pending: string[] = [];

  const floorJs = f.floorLoad.bytes.js;
  for (const type of ['front', 'story', 'every-block story', 'section', 'author'] as const) {
    const t = f.loads[type];
    if (!t) {
      pending.push(`${type} pages: not built yet (no linked ${type} page answered 200), so not measured.`);
      continue;
    }
    const jsRatio = t.bytes.js / floorJs;
    const target = type === 'story' ? `≤ ${TARGETS.storyJsRatio}× → ${mark(jsRatio <= TARGETS.storyJsRatio)}` : '';
    if (type === 'story' && jsRatio > TARGETS.storyJsRatio) {
      misses.push(
        `Story page JS is ${jsRatio.toFixed(3)}× the floor, ${((jsRatio - TARGETS.storyJsRatio) * 100).toFixed(1)} points over the ${TARGETS.storyJsRatio}× target.`,
      );
    }
    rows.push([
      `JS transferred, ${type} page (${f.pages[type]})`,
      kb(t.bytes.js),
      kb(floorJs),
      ratio(t.bytes.js, floorJs),
      target,
    ]);
    rows.push([
      `Total transferred, ${type} page (${t.requests} requests)`,
      kb(t.bytes.total),
      `${kb(f.floorLoad.bytes.total)} (${f.floorLoad.requests} requests)`,
      ratio(t.bytes.total, f.floorLoad.bytes.total),
      '',
    ]);
  }

  const story = f.loads.story;
  const byKind: string[][] = [];
  if (story) {
    const floor = f.floorLoad;
    for (const kind of BYTE_KINDS) {
      byKind.push([
        kind === 'js' ? 'JavaScript' : kind,
        kb(story.bytes[kind]),
        kb(floor.bytes[kind]),
        signedKb(story.bytes[kind] - floor.bytes[kind]),
        kb(story.bodies[kind]),
        kb(floor.bodies[kind]),
      ]);
    }
    byKind.push([
      '**all**',
      kb(story.bytes.total),
      kb(floor.bytes.total),
      signedKb(story.bytes.total - floor.bytes.total),
      kb(story.bodies.total),
      kb(floor.bodies.total),
    ]);
    const nonPhoto = story.bytes.total - story.bytes.image;
    const floorNonPhoto = floor.bytes.total - floor.bytes.image;
    const over = (nonPhoto - floorNonPhoto) / 1024;
    const nonPhotoMet = over <= TARGETS.nonPhotoOverFloorKb;
    if (!nonPhotoMet)
      misses.push(
        `Bytes other than photos are ${kb(nonPhoto)} against the floor's ${kb(floorNonPhoto)}: ${over.toFixed(1)} KB over, target ${TARGETS.nonPhotoOverFloorKb} KB.`,
      );
    rows.push([
      `Bytes other than photos, story (${PHONE.name})`,
      kb(nonPhoto),
      kb(floorNonPhoto),
      `+${over.toFixed(1)} KB`,
      `≤ floor + ${TARGETS.nonPhotoOverFloorKb} KB → ${mark(nonPhotoMet)}`,
    ]);
    const jsOver = (story.bodies.js - floor.bodies.js) / 1024;
    const jsOverMet = jsOver <= TARGETS.storyJsOverFloorKb;
    if (!jsOverMet)
      misses.push(
        `Story JavaScript (compressed bodies) is ${jsOver.toFixed(2)} KB over the floor's, target ${TARGETS.storyJsOverFloorKb} KB: the page chunk holds the enlarge and share controls.`,
      );
    rows.push([
      'JS bodies (compressed, no headers), story',
      kb(story.bodies.js),
      kb(floor.bodies.js),
      `+${jsOver.toFixed(2)} KB`,
      `≤ floor + ${TARGETS.storyJsOverFloorKb} KB → ${mark(jsOverMet)}`,
    ]);

    const phonePhoto = story.photo;
    if (phonePhoto) {
      const met = phonePhoto.naturalWidth <= TARGETS.phonePhotoMaxWidth && phonePhoto.contentType === 'image/avif';
      if (!met)
        misses.push(
          `On the phone the lead photo came as ${phonePhoto.contentType}, ${phonePhoto.naturalWidth} px wide (target AVIF, ≤ ${TARGETS.phonePhotoMaxWidth} px).`,
        );
      rows.push([
        `Lead photo, ${PHONE.name}`,
        `${phonePhoto.contentType}, ${phonePhoto.naturalWidth} px, ${kb(phonePhoto.bytes)}`,
        `shown ${Math.round(phonePhoto.cssWidth)} CSS px (${Math.round(phonePhoto.cssWidth * PHONE.dpr)} device px)`,
        '',
        `AVIF, ≤ ${TARGETS.phonePhotoMaxWidth} px → ${mark(met)}`,
      ]);
    }
  }
  const widePhoto = f.storyWide.photo;
  if (widePhoto) {
    const needed = Math.round(widePhoto.cssWidth * Math.min(WIDE.dpr, 2));
    const met = widePhoto.naturalWidth >= needed;
    if (!met)
      misses.push(
        `On the wide screen the lead photo is ${widePhoto.naturalWidth} px for ${needed} device pixels: not sharp.`,
      );
    rows.push([
      `Lead photo, ${WIDE.name}`,
      `${widePhoto.contentType}, ${widePhoto.naturalWidth} px, ${kb(widePhoto.bytes)}`,
      `shown ${Math.round(widePhoto.cssWidth)} CSS px (${needed} device px)`,
      '',
      `≥ shown × 2 (sharp) → ${mark(met)}`,
    ]);
  }
  const lhPhoto = f.storyLighthousePhone.photo;
  if (lhPhoto)
    rows.push([
      `Lead photo, ${LIGHTHOUSE_PHONE.name}`,
      `${lhPhoto.contentType}, ${lhPhoto.naturalWidth} px, ${kb(lhPhoto.bytes)}`,
      `shown ${Math.round(lhPhoto.cssWidth)} CSS px`,
      '',
      '',
    ]);

  const others = [...Object.values(f.loads), f.storyWide].flatMap((l) => l?.otherOrigins ?? []);
  if (others.length) misses.push(`Pages contacted other origins: ${[...new Set(others)].join(', ')}.`);
  rows.push([
    'Requests to other origins (every page, phone and wide)',
    String(others.length),
    '',
    '',
    `0 → ${mark(others.length === 0)}`,
  ]);
  const shifts = [...Object.values(f.loads), f.storyWide, f.storyLighthousePhone].map((l) => l?.layoutShift ?? 0);
  const worstShift = Math.max(...shifts);
  if (worstShift > TARGETS.cls)
    misses.push(`A page shifted while loading: layout-shift sum ${worstShift.toFixed(4)} (PerformanceObserver).`);
  rows.push([
    'Layout shift while loading, worst page (PerformanceObserver)',
    worstShift.toFixed(4),
    f.floorLoad.layoutShift.toFixed(4),
    '',
    `0 → ${mark(worstShift <= TARGETS.cls)}`,
  ]);

  const lh = f.lighthouse;
  const rounds = lh.runs.story.length;
  const perfMet = lh.story.performance >= lh.floor.performance - TARGETS.performancePoints;
  const lcpRatio = lh.story.lcp / lh.floor.lcp;
  const lcpMet = lcpRatio <= TARGETS.lcpRatio;
  if (!lcpMet || !perfMet) {
    const withScripts = (runs: LighthouseRun[]) => runs.filter((r) => (r.finishedBeforeLcp.Script ?? 0) > 100).length;
    misses.push(
      `Lighthouse (median of ${rounds}): LCP ${ms(lh.story.lcp)} against the floor's ${ms(lh.floor.lcp)} (${lcpRatio.toFixed(2)}×, target ≤ ${TARGETS.lcpRatio}×), ` +
        `performance ${lh.story.performance} against ${lh.floor.performance} (target within ${TARGETS.performancePoints}). ` +
        `The largest paint on Lighthouse's phone is ${f.storyLighthousePhone.lcp?.element ?? 'unknown'}; on the floor it is ${f.floorLoad.lcp?.element ?? 'unknown'}. ` +
        `What stands in the way: Lighthouse simulates slow 4G from an unthrottled trace and puts on the path to the largest paint every request that had finished by the time it was painted in that trace ` +
        `(listed per run below). The floor's two lines paint before anything but its ${kb(f.floorLoad.bytes.document)} document arrives. The story's first paint waits for its ${story ? kb(story.bytes.font) : '?'} text face ` +
        `(preloaded with display: optional, so that a reader's first story is laid out in the face, not the fallback), by which time the lead photo, preloaded for wide screens where it is the largest paint, has usually arrived too; ` +
        `and its document is ${story ? kb(story.bytes.document) : '?'} (markup, the inlined stylesheet, and the story again in the page's RSC payload), past one round trip's worth of slow start. ` +
        `And in ${withScripts(lh.runs.story)} of ${rounds} story runs (${withScripts(lh.runs.floor)} of ${rounds} floor runs) the framework's scripts (the floor's JavaScript is ${kb(floorJs)}) had finished before the first paint, ` +
        `with a load average of ${f.machine.loadAtStart} at the start of the run, which puts them on the path too.`,
    );
  }
  const clsMet = lh.story.cls <= TARGETS.cls;
  if (!clsMet) misses.push(`CLS is ${lh.story.cls.toFixed(3)}, not 0.`);
  rows.push([
    `Lighthouse performance, story (median of ${rounds})`,
    String(lh.story.performance),
    String(lh.floor.performance),
    ratio(lh.story.performance, lh.floor.performance),
    `within ${TARGETS.performancePoints} of floor → ${mark(perfMet)}`,
  ]);
  rows.push([
    `Largest Contentful Paint, story (median of ${rounds})`,
    ms(lh.story.lcp),
    ms(lh.floor.lcp),
    ratio(lh.story.lcp, lh.floor.lcp),
    `≤ ${TARGETS.lcpRatio}× → ${mark(lcpMet)}`,
  ]);
  rows.push([
    'Cumulative Layout Shift, story',
    lh.story.cls.toFixed(3),
    lh.floor.cls.toFixed(3),
    lh.floor.cls > 0 ? ratio(lh.story.cls, lh.floor.cls) : '— (both 0 is the target)',
    `0 → ${mark(clsMet)}`,
  ]);
  rows.push([
    'Total Blocking Time, story',
    ms(lh.story.tbt),
    ms(lh.floor.tbt),
    lh.floor.tbt > 0 ? ratio(lh.story.tbt, lh.floor.tbt) : '—',
    '',
  ]);

  if (f.og) {
    for (const card of f.og.perStory) {
      const met = card.ms <= TARGETS.ogCardMs;
      if (!met)
        misses.push(
          `The Open Graph card for ${card.slug} took ${ms(card.ms)} to draw for the first time in a warm process (target ${TARGETS.ogCardMs} ms; ${ms(card.cachedMs)} drawn again, the one-line baseline card ${ms(f.og.baselineMs)}).`,
        );
      rows.push([
        `OG card render, ${card.slug} (${kb(card.bytes)} PNG), first time in a warm process`,
        ms(card.ms),
        `${ms(f.og.baselineMs)} (one-line card)`,
        ratio(card.ms, f.og.baselineMs),
        `≤ ${TARGETS.ogCardMs} ms → ${mark(met)}`,
      ]);
      rows.push([
        `OG card render, ${card.slug}, again (fonts cut and photo cropped already)`,
        ms(card.cachedMs),
        `${ms(f.og.baselineMs)} (one-line card)`,
        ratio(card.cachedMs, f.og.baselineMs),
        '',
      ]);
    }
  } else {
    pending.push(
      'OG card render time: lib/og/render-in-node.ts (renderStoryCard) does not exist yet; bench/og.ts times it as soon as it does.',
    );
  }

  const builds = f.builds.byCount;
  for (const b of builds)
    rows.push([
      `Build time, ${b.count} synthetic stor${b.count === 1 ? 'y' : 'ies'}`,
      `${b.seconds.toFixed(1)} s`,
      `${f.builds.floor.toFixed(1)} s (floor build)`,
      ratio(b.seconds, f.builds.floor),
      '',
    ]);
  const marginals = builds.slice(1).map((b, i) => ({
    from: builds[i]!,
    to: b,
    perStory: (b.seconds - builds[i]!.seconds) / (b.count - builds[i]!.count),
  }));
  for (const [i, m] of marginals.entries()) {
    const base = marginals[0]!;
    const isLast = i === marginals.length - 1 && i > 0;
    const grow = m.perStory / base.perStory;
    const met = grow <= TARGETS.marginalBuildRatio;
    if (isLast && !met) {
      misses.push(
        `Each story costs ${ms(m.perStory * 1000)} of build between ${m.from.count} and ${m.to.count} stories, ${grow.toFixed(2)}× the ${ms(base.perStory * 1000)} between ${base.from.count} and ${base.to.count}: faster than linear growth. ` +
          `Why (not yet pinned down): each story adds a page, an OG card drawn at build (see the OG row; Next prerenders on one worker here), three photo crops, and a line in every listing page, feed and sitemap; ` +
          `with all synthetic stories in one section, under one author and the same five tags, those listing pages each hold every story, so their rendering grows with the count too. ` +
          `Paginating listing pages and the feeds would make that part constant per page.`,
      );
    }
    rows.push([
      `Build cost per extra story, ${m.from.count} → ${m.to.count}`,
      ms(m.perStory * 1000),
      i === 0 ? '(this row is the baseline)' : `${ms(base.perStory * 1000)} (${base.from.count} → ${base.to.count})`,
      i === 0 ? '1.00×' : ratio(m.perStory, base.perStory),
      isLast ? `≤ ${TARGETS.marginalBuildRatio}× (linear) → ${mark(met)}` : '',
    ]);
  }

  const { site, static: stat } = f.load;
  rows.push([
    `Story page throughput, ${f.load.connections} connections × ${f.load.seconds} s`,
    `${Math.round(site.requestsPerSecond)} req/s`,
    `${Math.round(stat.requestsPerSecond)} req/s (static file server)`,
    ratio(site.requestsPerSecond, stat.requestsPerSecond),
    '',
  ]);
  rows.push([
    'Story page p99 latency',
    ms(site.p99),
    `${ms(stat.p99)} (static file server)`,
    ratio(site.p99, stat.p99),
    '',
  ]);
  rows.push([
    'Errors / non-2xx under load',
    `${site.errors} / ${site.non2xx}`,
    `${stat.errors} / ${stat.non2xx}`,
    '',
    '',
  ]);

  const m = f.machine;
  const table = [
    '| figure | site | baseline (same run) | ratio | target |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  const byKindTable = [
    '| kind | story (wire) | floor (wire) | difference | story (bodies) | floor (bodies) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...byKind.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  const lcpRow = (page: string, device: string, load: PageLoad | undefined) =>
    `| ${page} | ${device} | \`${(load?.lcp?.element ?? 'none').replace(/\|/g, '\\|')}\` | ${load?.lcp ? ms(load.lcp.startTime) : '—'} | ${load?.lcp ? Math.round(load.lcp.size).toLocaleString('en-US') : '—'} px² |`;
  const lcpTable = [
    '| page | device | element | painted at (unthrottled) | size |',
    '| --- | --- | --- | --- | --- |',
    lcpRow('story', PHONE.name, story),
    lcpRow('story', LIGHTHOUSE_PHONE.name, f.storyLighthousePhone),
    lcpRow('story', WIDE.name, f.storyWide),
    lcpRow('floor', PHONE.name, f.floorLoad),
  ].join('\n');
  const finished = (r: LighthouseRun) =>
    Object.entries(r.finishedBeforeLcp)
      .map(([kind, size]) => `${kind} ${size.toFixed(0)} KB`)
      .join(', ') || 'nothing';
  const runs = (name: string, list: LighthouseRun[]) =>
    `- ${name}:\n${list.map((r) => `  - ${r.performance}: LCP ${ms(r.lcp)} (FCP ${ms(r.fcp)}), CLS ${r.cls.toFixed(3)}, TBT ${ms(r.tbt)}; observed LCP ${ms(r.observedLcp)}, finished by then: ${finished(r)}`).join('\n')}`;

  return `## Story page and site (\`npm run bench:core\`)

### Machine

- CPU: ${m.cpus}; memory ${m.memory}; ${m.os}
- Node ${m.node}; ${m.chromium}; Lighthouse ${m.lighthouse}; Next.js ${m.next}; React ${m.react}
- Run: ${m.date}, ${f.benchSeconds.toFixed(0)} s in all, load average ${m.loadAtStart} at the start

### Figures

${table}

Bytes by kind, story against floor, ${PHONE.name}, cold cache:

${byKindTable}

Largest contentful paint element (PerformanceObserver, cold load):

${lcpTable}

### Targets

${misses.length ? misses.map((x) => `- ❌ ${x}`).join('\n') : '- All targets met.'}
${pending.length ? `\nNot measured yet:\n\n${pending.map((x) => `- ${x}`).join('\n')}\n` : ''}
### How it is measured

- **Floor**: \`bench/floor/\`, one App Router page (a heading and a sentence) on the same Next.js and React,
  built from the same node_modules with Next's defaults, served by \`next start\`. The site runs as production
  does: the standalone \`server.js\` (\`npm run serve\`), built with \`SITE_URL\` pointing at it.
- **Bytes**: a cold load (empty cache) in Chromium as a ${PHONE.name} (touch, mobile), until the network
  is idle; bytes on the wire (headers + compressed bodies) from the DevTools protocol, by the type DevTools
  gives each response; "bodies" leave out the response headers (the site sends security headers the floor
  does not). One load per page (no prefetching, so the bytes repeat exactly), after one untimed load per
  device so the image optimizer has made its resizes (as a CDN would hold them).
- **Photos**: the rendition the browser chose for the first photo in \`<main>\` (\`currentSrc\`), its
  Content-Type and its width in pixels (decoded alone), on the phone and as a ${WIDE.name}.
- **Largest paint**: the last \`largest-contentful-paint\` entry from a PerformanceObserver on the same cold
  loads (Lighthouse ${m.lighthouse}'s own LCP-element audit fails with this Chromium); layout shifts from a
  \`layout-shift\` observer (entries without recent input).
- **Lighthouse**: ${m.lighthouse}, default mobile settings (simulated slow 4G, 4× CPU slowdown), performance
  category only, one headless Chromium with the closed-network flags; story and floor alternate, ${rounds} rounds,
  medians shown. Individual runs:
${runs('story', f.lighthouse.runs.story)}
${runs('floor', f.lighthouse.runs.floor)}
- **OG cards**: \`renderStoryCard(story)\` from lib/og/render-in-node.ts (the card element from lib/og/story-card.tsx), until the PNG is fully read, median
  of ${f.og?.rounds ?? '–'} after a warm-up. "First time": the card's font cuts and photo crop are forgotten before each round
  (\`clearCardCaches\`), so each round draws it as for the first crawler to ask; "again": caches kept. The baseline is a one-line 1200×630 card from \`next/og\` (the same renderer) in the same process.
- **Build time**: clean \`next build\` (TypeScript check, prerendering, standalone tracing) of a temporary
  copy of the site whose content is ${f.builds.byCount.map((b) => b.count.toLocaleString('en-US')).join(', ') || 'no'} synthetic stories (copies of the seed story under new
  slugs and times), never written to content/, after one untimed warm-up build. The baseline is the
  floor's build in the same run; growth is judged by the build cost of each extra story.
- **Throughput**: autocannon, ${f.load.connections} connections for ${f.load.seconds} s after a ${f.load.warmupSeconds} s warm-up, on the story page from the
  standalone server, and on a static file server (a bare Node \`http\` server with the same HTML in memory).
  Both on loopback, sharing the machine's ${m.cpus.split(' ')[0]} cores with autocannon.
`;
}
