/**
 * `npm run purge`: removes pages from the edge (deploy/varnish/default.vcl), which accepts it only from the
 * addresses in EDGE_PURGE_ALLOW (loopback by default).
 *
 *   npm run purge -- /stories/some-slug /          these exact URLs (query variants are separate URLs)
 *   npm run purge -- --soft /stories/some-slug     mark stale instead: served while the refetch runs, and while origins are down
 *   npm run purge -- --story some-slug             every URL a corrected story appears on (docs/operations/caching.md: corrections)
 *   npm run purge -- --all                         everything (after a deploy)
 *   --edge http://host:port (repeatable) picks the edges; default EDGE_URL, else http://127.0.0.1:$EDGE_PORT (8080).
 *   --dry-run prints what would be purged.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildContent } from '@/lib/content';
import { formatProblem } from '@/lib/content/model/validate';
import { storyPurgeTargets, type PurgeTarget } from '@/lib/edge/purge-targets';
import { loadContentSources } from '../../lib/content-check/load-sources';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

interface EdgeAnswer {
  status: number;
  body: string;
}

function send(
  edge: string,
  method: 'PURGE' | 'BAN',
  urlPath: string,
  headers: Record<string, string> = {},
): Promise<EdgeAnswer> {
  const url = new URL(urlPath, edge);
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, timeout: 10_000 }, (response) => {
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

/**
 * The purge targets of these stories, from the content as it is now, read once (drafts too: unpublishing
 * needs a purge).
 */
export async function purgeTargetsForStories(slugs: string[], root = PROJECT_ROOT): Promise<PurgeTarget[]> {
  const { sources, problems } = await loadContentSources(root);
  if (problems.length) throw new Error(`The content cannot be read:\n${problems.map(formatProblem).join('\n')}`);
  const content = await buildContent(sources, {
    publicDir: path.join(root, 'public'),
    visibility: { now: new Date(), includeDrafts: true, includeScheduled: true },
  });
  return slugs.flatMap((slug) => {
    const targets = storyPurgeTargets(content, slug, (route) => existsSync(path.join(root, 'app', route)));
    if (!targets) {
      throw new Error(
        `No story with the slug "${slug}" in content/stories (slugs: ${content.stories
          .map((s) => s.slug)
          .slice(0, 5)
          .join(', ')}${content.stories.length > 5 ? ', …' : ''})`,
      );
    }
    return targets;
  });
}

async function main() {
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
  const edges = values.edge?.length
    ? values.edge
    : [process.env.EDGE_URL || `http://127.0.0.1:${process.env.EDGE_PORT || 8080}`];
  for (const p of positionals)
    if (!p.startsWith('/')) throw new Error(`"${p}" is not a path: give site paths such as /stories/some-slug`);
  if (!values.all && !values.story?.length && !positionals.length) {
    throw new Error('Nothing to purge: give paths, --story <slug> or --all (npm run purge -- /stories/some-slug)');
  }

  const bans: PurgeTarget[] = [];
  if (values.all) bans.push({ label: 'everything', pattern: '.' });
  if (values.story?.length) bans.push(...(await purgeTargetsForStories(values.story)));

  let failed = false;
  for (const edge of edges) {
    for (const p of positionals) {
      if (values['dry-run']) {
        console.log(`would purge ${p} at ${edge}`);
        continue;
      }
      const answer = await send(edge, 'PURGE', p, values.soft ? { 'X-Purge': 'soft' } : {});
      failed ||= answer.status !== 200;
      console.log(
        `${answer.status} ${values.soft ? 'soft purge' : 'purge'} ${p} at ${edge}${answer.status === 200 ? '' : `: ${answer.body}`}`,
      );
    }
    for (const target of bans) {
      if (values['dry-run']) {
        console.log(`would ban ${target.pattern}  (${target.label}) at ${edge}`);
        continue;
      }
      const answer = await send(edge, 'BAN', '/', { 'X-Ban-Url': target.pattern });
      failed ||= answer.status !== 200;
      console.log(
        `${answer.status} ban ${target.pattern}  (${target.label}) at ${edge}${answer.status === 200 ? '' : `: ${answer.body}`}`,
      );
    }
  }
  if (failed) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
