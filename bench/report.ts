/**
 * BENCHMARKS.md's core section from one run's figures, each beside its baseline from the same run
 * (docs/decisions/0012-benchmarks-against-same-run-baselines.md).
 */
import { LIGHTHOUSE_PHONE, PHONE, WIDE, type LighthouseRun, type PageLoad } from './measure';
import { ms, type Figures, type Findings } from './report-figures';
import {
  buildRows,
  lighthouseRows,
  ogRows,
  originAndShiftRows,
  pageRows,
  photoRows,
  storyBytesRows,
  throughputRows,
} from './report-rows';

export { TARGETS, type BenchPageType, type Figures } from './report-figures';

const markdownTable = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

/** The largest paint element of the story on each device and of the floor. */
function lcpTable(f: Figures): string {
  const lcpRow = (page: string, device: string, load: PageLoad | undefined) =>
    `| ${page} | ${device} | \`${(load?.lcp?.element ?? 'none').replace(/\|/g, '\\|')}\` | ${load?.lcp ? ms(load.lcp.startTime) : '—'} | ${load?.lcp ? Math.round(load.lcp.size).toLocaleString('en-US') : '—'} px² |`;
  return [
    '| page | device | element | painted at (unthrottled) | size |',
    '| --- | --- | --- | --- | --- |',
    lcpRow('story', PHONE.name, f.loads.story),
    lcpRow('story', LIGHTHOUSE_PHONE.name, f.storyLighthousePhone),
    lcpRow('story', WIDE.name, f.storyWide),
    lcpRow('floor', PHONE.name, f.floorLoad),
  ].join('\n');
}

/** Machine, figures, the two detail tables and which targets were missed. */
function summary(f: Figures, { rows, misses, pending }: Findings, byKind: string[][]): string {
  const m = f.machine;
  const table = markdownTable(['figure', 'site', 'baseline (same run)', 'ratio', 'target'], rows);
  const byKindTable = markdownTable(
    ['kind', 'story (wire)', 'floor (wire)', 'difference', 'story (bodies)', 'floor (bodies)'],
    byKind,
  );
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

${lcpTable(f)}

### Targets

${misses.length ? misses.map((x) => `- ❌ ${x}`).join('\n') : '- All targets met.'}
${pending.length ? `\nNot measured yet:\n\n${pending.map((x) => `- ${x}`).join('\n')}\n` : ''}
`;
}

/** Each Lighthouse run: its scores, and what had finished by its observed largest paint. */
function lighthouseRuns(name: string, list: LighthouseRun[]): string {
  const finished = (r: LighthouseRun) =>
    Object.entries(r.finishedBeforeLcp)
      .map(([kind, size]) => `${kind} ${size.toFixed(0)} KB`)
      .join(', ') || 'nothing';
  return `- ${name}:\n${list.map((r) => `  - ${r.performance}: LCP ${ms(r.lcp)} (FCP ${ms(r.fcp)}), CLS ${r.cls.toFixed(3)}, TBT ${ms(r.tbt)}; observed LCP ${ms(r.observedLcp)}, finished by then: ${finished(r)}`).join('\n')}`;
}

/** How each figure is measured, with this run's settings. */
function method(f: Figures): string {
  const m = f.machine;
  return `### How it is measured

- **Floor**: \`bench/floor/\`, one App Router page (a heading and a sentence) on the same Next.js and React,
  built from the same node_modules with Next's defaults but one, which the site's build shares: \`next build\`
  skips the type check (\`typescript.ignoreBuildErrors\`; the site's runs in \`npm run typecheck\`). Served by
  \`next start\`. The site runs as production does: the standalone \`server.js\` (\`npm run serve\`), built with
  \`SITE_URL\` pointing at it.
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
  category only, one headless Chromium with the closed-network flags; story and floor alternate, ${f.lighthouse.runs.story.length} rounds,
  medians shown. Individual runs:
${lighthouseRuns('story', f.lighthouse.runs.story)}
${lighthouseRuns('floor', f.lighthouse.runs.floor)}
- **OG cards**: \`renderStoryCard(story)\` from lib/og/render-in-node.ts (the card element from lib/og/story-card.tsx), until the PNG is fully read, median
  of ${f.og?.rounds ?? '–'} after a warm-up. "First time": the card's font cuts and photo crop are forgotten before each round
  (\`clearCardCaches\`), so each round draws it as for the first crawler to ask; "again": caches kept. The baseline is a one-line 1200×630 card from \`next/og\` (the same renderer) in the same process.
- **Build time**: clean \`next build\` (content check, compiling, prerendering, standalone tracing; no type check) of a temporary
  copy of the site whose content is ${f.builds.byCount.map((b) => b.count.toLocaleString('en-US')).join(', ') || 'no'} synthetic stories (copies of the seed story under new
  slugs and times), never written to content/, after one untimed warm-up build. The baseline is the
  floor's build in the same run (compiling and prerendering its one page; no type check either, and no standalone
  output); growth is judged by the build cost of each extra story.
- **Throughput**: autocannon, ${f.load.connections} connections for ${f.load.seconds} s after a ${f.load.warmupSeconds} s warm-up, on the story page from the
  standalone server, and on a static file server (a bare Node \`http\` server with the same HTML in memory).
  Both on loopback, sharing the machine's ${m.cpus.split(' ')[0]} cores with autocannon.
`;
}

export function renderReport(f: Figures): string {
  const findings: Findings = { rows: [], misses: [], pending: [] };
  pageRows(f, findings);
  const byKind = storyBytesRows(f, findings);
  photoRows(f, findings);
  originAndShiftRows(f, findings);
  lighthouseRows(f, findings);
  ogRows(f, findings);
  buildRows(f, findings);
  throughputRows(f, findings);
  return summary(f, findings, byKind) + method(f);
}
