/** The rows of the core benchmark's figures table, each checked against its target (bench/report.ts renders them). */
import { BYTE_KINDS, LIGHTHOUSE_PHONE, PHONE, WIDE, type LighthouseRun } from './measure';
import { kb, mark, ms, ratio, signedKb, TARGETS, type Figures, type Findings } from './report-figures';

/** JavaScript and total bytes of each page type against the floor's. */
export function pageRows(f: Figures, { rows, misses, pending }: Findings): void {
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
}

/** The story's bytes by kind against the floor's (returned: the second table), and the rows judged on them. */
export function storyBytesRows(f: Figures, { rows, misses }: Findings): string[][] {
  const story = f.loads.story;
  if (!story) return [];
  const floor = f.floorLoad;
  const byKind = [...BYTE_KINDS, 'total' as const].map((kind) => [
    kind === 'js' ? 'JavaScript' : kind === 'total' ? '**all**' : kind,
    kb(story.bytes[kind]),
    kb(floor.bytes[kind]),
    signedKb(story.bytes[kind] - floor.bytes[kind]),
    kb(story.bodies[kind]),
    kb(floor.bodies[kind]),
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
  return byKind;
}

/** The lead photo's rendition on the phone (AVIF, not too wide), the wide screen (sharp) and Lighthouse's phone. */
export function photoRows(f: Figures, { rows, misses }: Findings): void {
  const phonePhoto = f.loads.story?.photo;
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
}

/** Requests to other origins (none allowed) and the worst layout shift of any page. */
export function originAndShiftRows(f: Figures, { rows, misses }: Findings): void {
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
}

/** Why the story's Lighthouse LCP or score missed: what the runs show stood in the way. */
function lighthouseMiss(f: Figures): string {
  const lh = f.lighthouse;
  const story = f.loads.story;
  const rounds = lh.runs.story.length;
  const lcpRatio = lh.story.lcp / lh.floor.lcp;
  const withScripts = (runs: LighthouseRun[]) => runs.filter((r) => (r.finishedBeforeLcp.Script ?? 0) > 100).length;
  return (
    `Lighthouse (median of ${rounds}): LCP ${ms(lh.story.lcp)} against the floor's ${ms(lh.floor.lcp)} (${lcpRatio.toFixed(2)}×, target ≤ ${TARGETS.lcpRatio}×), ` +
    `performance ${lh.story.performance} against ${lh.floor.performance} (target within ${TARGETS.performancePoints}). ` +
    `The largest paint on Lighthouse's phone is ${f.storyLighthousePhone.lcp?.element ?? 'unknown'}; on the floor it is ${f.floorLoad.lcp?.element ?? 'unknown'}. ` +
    `What stands in the way: Lighthouse simulates slow 4G from an unthrottled trace and puts on the path to the largest paint every request that had finished by the time it was painted in that trace ` +
    `(listed per run below). The floor's two lines paint before anything but its ${kb(f.floorLoad.bytes.document)} document arrives. The story's first paint waits for its ${story ? kb(story.bytes.font) : '?'} text face ` +
    `(preloaded with display: optional, so that a reader's first story is laid out in the face, not the fallback), by which time the lead photo, preloaded for wide screens where it is the largest paint, has usually arrived too; ` +
    `and its document is ${story ? kb(story.bytes.document) : '?'} (markup, the inlined stylesheet, and the story again in the page's RSC payload), past one round trip's worth of slow start. ` +
    `And in ${withScripts(lh.runs.story)} of ${rounds} story runs (${withScripts(lh.runs.floor)} of ${rounds} floor runs) the framework's scripts (the floor's JavaScript is ${kb(f.floorLoad.bytes.js)}) had finished before the first paint, ` +
    `with a load average of ${f.machine.loadAtStart} at the start of the run, which puts them on the path too.`
  );
}

/** Lighthouse medians, story against floor: performance, LCP, CLS, TBT. */
export function lighthouseRows(f: Figures, { rows, misses }: Findings): void {
  const lh = f.lighthouse;
  const rounds = lh.runs.story.length;
  const perfMet = lh.story.performance >= lh.floor.performance - TARGETS.performancePoints;
  const lcpMet = lh.story.lcp / lh.floor.lcp <= TARGETS.lcpRatio;
  if (!lcpMet || !perfMet) misses.push(lighthouseMiss(f));
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
}

/** Open Graph card render times against a one-line card from the same renderer. */
export function ogRows(f: Figures, { rows, misses, pending }: Findings): void {
  if (!f.og) {
    pending.push(
      'OG card render time: lib/og/render-in-node.ts (renderStoryCard) does not exist yet; bench/og.ts times it as soon as it does.',
    );
    return;
  }
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
}

/** Build time per synthetic story count against the floor's build, and the build cost of each extra story. */
export function buildRows(f: Figures, { rows, misses }: Findings): void {
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
}

/** The story page under load against a static file server with the same HTML. */
export function throughputRows(f: Figures, { rows }: Findings): void {
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
}
