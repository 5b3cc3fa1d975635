/** BENCHMARKS.md's edge section: the edge against a static file server, and origin requests under the realistic mix. */
import os from 'node:os';
import { CONNECTIONS, ROUND_SECONDS, ROUNDS, TARGET, WARMUP_SECONDS, type Load, type Pair } from './edge-load';
import { HOT_STORIES, MIX, MIX_REQUESTS, STORIES } from './edge-mix';

export interface ThroughputFigures {
  buildSeconds: number;
  varnishVersion: string;
  gzip: Pair;
  plain: Pair;
  origin: Load;
}

export interface MixFigures {
  otherPaths: string[];
  searches: string[];
  /** Requests that reached the origins, and the mix's answers that were not 2xx. */
  originRequests: number;
  failures: number;
  mixSeconds: number;
  distinctRaw: number;
  distinctPages: number;
  distinctCopies: number;
  tracked: number;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percent = (share: number) => `${Math.round(share * 100)}%`;

function throughputSection({ buildSeconds, varnishVersion, gzip, plain, origin }: ThroughputFigures): string {
  const met = (value: number) => (value >= TARGET ? 'met' : 'missed');
  const row = (name: string, l: Load, vs: string, cpuVs: string) =>
    `| ${name} | ${fmt(l.requestsPerSecond)} | ${vs} | ${fmt(l.p99)} ms | ${l.cpuPerThousand ? `${fmt(l.cpuPerThousand)} ms (${cpuVs})` : 'n/a'} | ${l.errors} / ${l.non2xx} |`;
  const cpuVs = (p: Pair) => `${(p.edge.cpuPerThousand / p.static.cpuPerThousand).toFixed(2)}×`;
  const vs = (p: Pair) =>
    `**${p.ratio.toFixed(2)}×** (rounds ${p.ratioRange[0].toFixed(2)}–${p.ratioRange[1].toFixed(2)})`;
  const cpus = os.cpus();
  return `## Edge (\`npm run bench:edge\`)

Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, ${varnishVersion}; ${new Date().toISOString()}.
A copy of the site with ${STORIES} synthetic stories (built in ${buildSeconds.toFixed(0)} s), two origins from that build
(\`server.js\`, each behind a counting proxy) and \`npm run edge\` in front, all on loopback, sharing the machine with the load generator.

### Story page throughput through the edge

autocannon, ${CONNECTIONS} connections, the story page at the edge (a hit) vs a static file server in a separate Node process
answering with the same bytes from memory: a ${WARMUP_SECONDS} s warm-up of each, then ${ROUNDS} rounds of ${ROUND_SECONDS} s taking turns. The ratio is the median
of the rounds' ratios (each compares two runs seconds apart, under the same load from the rest of the machine), with
their range; requests/s and p99 are medians of the runs, errors summed. CPU per 1,000 answers is the time the server's own
processes (all of Varnish's; the one Node process of the static server) spent, from /proc; it grows for both when the
machine is busy (and more for Varnish's many threads, which then wait on each other), but less than throughput moves. The origin's figures are one ${ROUND_SECONDS} s run. Target: the edge at ≥ ${TARGET}× the static server.

| server | requests/s | vs static | p99 | server CPU per 1,000 answers | errors / non-2xx |
| --- | --- | --- | --- | --- | --- |
${row('static file server, gzipped page', gzip.static, '1 (baseline)', 'baseline')}
${row('edge, gzip (a browser)', gzip.edge, vs(gzip), cpuVs(gzip))}
${row('static file server, plain page', plain.static, '1 (baseline)', 'baseline')}
${row('edge, no Accept-Encoding (its plain copy)', plain.edge, vs(plain), cpuVs(plain))}
${row('origin alone (Next server.js), gzip, for scale', origin, `${(origin.requestsPerSecond / gzip.static.requestsPerSecond).toFixed(2)}×`, `${(origin.cpuPerThousand / gzip.static.cpuPerThousand).toFixed(1)}×`)}

Target ≥ ${TARGET}×: **${met(gzip.ratio)}** for browsers (gzip, ${gzip.ratio.toFixed(2)}×); ${met(plain.ratio)} for clients without gzip (${plain.ratio.toFixed(2)}×).
Varnish spends more CPU per answer than a bare Node server writing bytes from memory (a thread hand-off per
request, a shared-memory log record for every header and step, which \`varnishlog\` reads, the site's VCL, and its
threads contending for the one hot object when the cores are oversubscribed); on a machine shared with other work, the
CPU each server gets decides the throughput ratio, so the rounds spread widely: read the range beside the median.`;
}

function mixSection(mix: MixFigures, benchSeconds: number): string {
  const {
    otherPaths,
    searches,
    originRequests,
    failures,
    mixSeconds,
    distinctRaw,
    distinctPages,
    distinctCopies,
    tracked,
  } = mix;
  return `### Origin requests under a realistic mix

${fmt(MIX_REQUESTS)} requests through a cold edge, ${CONNECTIONS} at a time: ${percent(MIX.stories)} story pages (${HOT_STORIES} hot stories take ${percent(MIX.hot)} of those, the other
${STORIES - HOT_STORIES} a 1/n long tail), ${percent(MIX.front)} the front page, ${percent(MIX.listings)} listings with their numbered pages, archive, feeds and sitemaps (${otherPaths.length} URLs), ${percent(1 - MIX.stories - MIX.front - MIX.listings)} searches (${searches.length} queries); ${fmt(tracked)} (${((100 * tracked) / MIX_REQUESTS).toFixed(0)}%)
carry tracking parameters from shares, each with its own campaign or click id; ${percent(MIX.plain)} of clients send no Accept-Encoding, ${percent(MIX.rsc)} send \`RSC: 1\`.
Counted at the origins' proxies (health probes left out).

| what reaches the origins | requests per ${fmt(MIX_REQUESTS)} | vs no cache |
| --- | --- | --- |
| no cache (every request) | ${fmt(MIX_REQUESTS)} | 1 (baseline) |
| a cache keyed on the raw URL (distinct URLs in the mix) | ${fmt(distinctRaw)} | ${(distinctRaw / MIX_REQUESTS).toFixed(3)} |
| **the edge** | **${fmt(originRequests)}** | **${(originRequests / MIX_REQUESTS).toFixed(3)}** |
| distinct pages in the mix | ${fmt(distinctPages)} | ${(distinctPages / MIX_REQUESTS).toFixed(3)} |
| distinct pages × encodings asked for (the floor for a cold edge that keeps a gzip and a plain copy) | ${fmt(distinctCopies)} | ${(distinctCopies / MIX_REQUESTS).toFixed(3)} |

${fmt(failures)} of the ${fmt(MIX_REQUESTS)} answers were not 2xx; the mix took ${mixSeconds.toFixed(1)} s. Beyond one fetch per page and encoding,
tracking parameters, \`RSC\` headers and concurrent first requests cost ${fmt(originRequests - distinctCopies)} origin requests.

Bench time ${benchSeconds.toFixed(0)} s.`;
}

export function edgeReport(throughput: ThroughputFigures, mix: MixFigures, benchSeconds: number): string {
  return `${throughputSection(throughput)}\n\n${mixSection(mix, benchSeconds)}`;
}
