/** bench:edge's realistic mix of requests through the edge: what it sends, and how many distinct pages it holds. */
import http from 'node:http';
import { prng } from '../test/support/synthetic-archive';
import { CONNECTIONS } from './edge-load';

/** Stories in the site's copy; the first HOT_STORIES take most story requests. */
export const STORIES = 200;
export const HOT_STORIES = 5;
export const MIX_REQUESTS = 10_000;
/**
 * The realistic mix's shares: of requests (stories, front page, listings; searches take the rest), of story
 * requests (hot), of links (tracked), of clients (plain, rsc).
 */
export const MIX = { stories: 0.75, hot: 0.6, front: 0.1, listings: 0.13, tracked: 0.25, plain: 0.1, rsc: 0.01 };

export interface MixRequest {
  path: string;
  headers: Record<string, string>;
}

/**
 * The realistic mix: three quarters story pages (a few hot stories take 60% of those, the rest follow a
 * long tail), the front page, listings and feeds; a quarter of all links carry tracking parameters from
 * shares (each a different campaign or click id); 10% of clients without gzip, 1% sending RSC headers.
 */
export function realisticMix(storyPaths: string[], otherPaths: string[], searches: string[]): MixRequest[] {
  // Seeded, so every run sends the same mix.
  const next = prng(20240618);
  const hot = storyPaths.slice(0, HOT_STORIES);
  const tail = storyPaths.slice(HOT_STORIES);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  // Long tail: story i is picked with weight 1/(i+1).
  const weights = tail.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const pickTail = () => {
    let r = next() * total;
    for (let i = 0; i < tail.length; i++) if ((r -= weights[i]!) <= 0) return tail[i]!;
    return tail.at(-1)!;
  };
  const requests: MixRequest[] = [];
  for (let i = 0; i < MIX_REQUESTS; i++) {
    const roll = next();
    let target =
      roll < MIX.stories
        ? next() < MIX.hot
          ? pick(hot)
          : pickTail()
        : roll < MIX.stories + MIX.front
          ? '/'
          : roll < MIX.stories + MIX.front + MIX.listings
            ? pick(otherPaths)
            : pick(searches);
    if (next() < MIX.tracked) {
      const id = Math.floor(next() * 1e9).toString(36);
      target +=
        (target.includes('?') ? '&' : '?') +
        pick([
          `utm_source=twitter&utm_medium=social&utm_campaign=${id}`,
          `fbclid=IwAR${id}`,
          `gclid=${id}`,
          `utm_source=newsletter&utm_content=${id}`,
        ]);
    }
    const headers: Record<string, string> = next() < 1 - MIX.plain ? { 'Accept-Encoding': 'gzip, deflate, br' } : {};
    if (next() < MIX.rsc) headers.RSC = '1';
    requests.push({ path: target, headers });
  }
  return requests;
}

/** Sends the mix through the edge, CONNECTIONS at a time over kept-alive connections; returns non-2xx answers. */
export async function sendMix(edgeUrl: string, mix: MixRequest[]): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const { hostname, port } = new URL(edgeUrl);
  let failures = 0;
  let index = 0;
  const worker = async () => {
    while (index < mix.length) {
      const { path: p, headers } = mix[index++]!;
      const status = await new Promise<number>((resolve) => {
        http
          .get({ host: hostname, port, path: p, headers, agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          })
          .on('error', () => resolve(0));
      });
      if (status < 200 || status >= 300) failures++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  agent.destroy();
  return failures;
}

/** How many distinct URLs, pages and cached copies the mix holds, and how many requests carry tracking parameters. */
export function countMix(mix: MixRequest[]) {
  // A page is its path and the parameters the site reads (search's q): what the edge keys on.
  const pageOf = (p: string) => {
    const url = new URL(p, 'http://x');
    const q = url.searchParams.get('q');
    return url.pathname + (q === null ? '' : `?q=${q}`);
  };
  // The edge keeps one copy per page and encoding: gzip for clients that take it, plain for the rest.
  const takesGzip = (r: MixRequest) => /gzip/.test(r.headers['Accept-Encoding'] ?? '');
  return {
    distinctRaw: new Set(mix.map((r) => r.path)).size,
    distinctPages: new Set(mix.map((r) => pageOf(r.path))).size,
    distinctCopies: new Set(mix.map((r) => `${pageOf(r.path)} ${takesGzip(r) ? 'gzip' : 'plain'}`)).size,
    tracked: mix.filter((r) => /[?&](utm_|fbclid|gclid)/.test(r.path)).length,
  };
}
