/**
 * Soft purge by surrogate key (docs/decisions/0022): `PURGE /` with `xkey-softpurge: <path> …` marks every stored
 * copy of those pages stale at each edge in EDGE_URL (comma-separated); readers get the stale copy at once while
 * one refetch runs.
 */
import http from 'node:http';

/** Keys per request: the header stays well under Varnish's 8 KB header limit. */
const KEYS_PER_REQUEST = 60;

export const edgeUrls = (raw: string | undefined = process.env.EDGE_URL): string[] =>
  (raw ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);

/** EDGE_URL's edges, else the local one (`npm run edge` on EDGE_PORT, default 8080), which may not be running. */
export function configuredEdges(env = process.env): { edges: string[]; explicit: boolean } {
  const explicit = edgeUrls(env.EDGE_URL);
  return explicit.length
    ? { edges: explicit, explicit: true }
    : { edges: [`http://127.0.0.1:${env.EDGE_PORT || 8080}`], explicit: false };
}

function purgeRequest(edge: string, keys: string[]): Promise<{ status: number; purged: number; body: string }> {
  const url = new URL('/', edge);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'PURGE', headers: { 'xkey-softpurge': keys.join(' ') }, timeout: 10_000 },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            purged: Number(response.headers['x-purged'] ?? 0),
            body: body.trim(),
          }),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer from the edge ${edge} within 10 s`)));
    request.on('error', reject);
    request.end();
  });
}

/** Soft-purges these keys at one edge; throws with the edge's answer when it refuses. Returns how many objects. */
export async function softPurgeKeys(edge: string, keys: readonly string[]): Promise<number> {
  let purged = 0;
  for (let i = 0; i < keys.length; i += KEYS_PER_REQUEST) {
    const answer = await purgeRequest(edge, keys.slice(i, i + KEYS_PER_REQUEST));
    if (answer.status !== 200) throw new Error(`the edge ${edge} refused the purge: ${answer.status} ${answer.body}`);
    purged += answer.purged;
  }
  return purged;
}

/** Soft-purges at every edge in EDGE_URL; a summary line (errors included, never thrown). */
export async function softPurgeEdges(keys: readonly string[], edges: string[] = edgeUrls()): Promise<string> {
  const lines = await Promise.all(
    edges.map((edge) =>
      softPurgeKeys(edge, keys).then(
        (n) => `${edge}: ${n} stored objects marked stale`,
        (error: Error) => `${edge}: ${error.message}`,
      ),
    ),
  );
  return lines.join('; ');
}
