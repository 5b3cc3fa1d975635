/**
 * `npm run purge`: removes pages from the edge (docs/operations/caching.md). `-- /path …` exact URLs,
 * `--soft` marks them stale instead, `--story <slug>` every page that shows a story, `--all` everything,
 * `--edge <url>` (repeatable; default EDGE_URL's edges, else 127.0.0.1:$EDGE_PORT or 8080), `--dry-run`.
 */
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { purgeTargetsForStories, type PurgeTarget } from '@/lib/edge/purge-targets';
import { configuredEdges } from '@/lib/edge/xkey';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

function send(edge: string, method: 'PURGE' | 'BAN', urlPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(new URL(urlPath, edge), { method, headers, timeout: 10_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: body.trim() }));
    });
    request.on('timeout', () => request.destroy(new Error(`no answer from ${edge} within 10 s`)));
    request.on('error', reject);
    request.end();
  });
}

function parseCommand() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      edge: { type: 'string', multiple: true },
      story: { type: 'string', multiple: true },
      all: { type: 'boolean', default: false },
      soft: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  for (const p of positionals)
    if (!p.startsWith('/')) throw new Error(`"${p}" is not a path: give site paths such as /stories/some-slug`);
  if (!values.all && !values.story?.length && !positionals.length)
    throw new Error('Nothing to purge: give paths, --story <slug> or --all (npm run purge -- /stories/some-slug)');
  const edges = values.edge?.length ? values.edge : configuredEdges().edges;
  return { ...values, paths: positionals, edges, dryRun: values['dry-run'] };
}

/** Sends one purge or ban (or says what it would send); true when the edge took it. */
async function request(
  edge: string,
  dryRun: boolean,
  what: string,
  sendIt: () => Promise<{ status: number; body: string }>,
) {
  if (dryRun) {
    console.log(`would ${what} at ${edge}`);
    return true;
  }
  const answer = await sendIt();
  console.log(`${answer.status} ${what} at ${edge}${answer.status === 200 ? '' : `: ${answer.body}`}`);
  return answer.status === 200;
}
async function main() {
  const command = parseCommand();
  const bans: PurgeTarget[] = command.all ? [{ label: 'everything', pattern: '.' }] : [];
  if (command.story?.length) bans.push(...(await purgeTargetsForStories(command.story, PROJECT_ROOT)));
  let ok = true;
  for (const edge of command.edges) {
    for (const p of command.paths) {
      const headers: Record<string, string> = command.soft ? { 'X-Purge': 'soft' } : {};
      const what = `${command.soft ? 'soft purge' : 'purge'} ${p}`;
      ok = (await request(edge, command.dryRun, what, () => send(edge, 'PURGE', p, headers))) && ok;
    }
    for (const { pattern, label } of bans) {
      const what = `ban ${pattern}  (${label})`;
      ok = (await request(edge, command.dryRun, what, () => send(edge, 'BAN', '/', { 'X-Ban-Url': pattern }))) && ok;
    }
  }
  if (!ok) process.exitCode = 1;
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
