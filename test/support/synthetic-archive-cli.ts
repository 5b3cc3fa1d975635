/**
 * `npm run synthetic-archive`: writes to DIR (new or empty) a copy of the project whose content is the seed story
 * plus N - 1 synthetic ones (synthetic-archive.ts), node_modules hard-linked, ready for `npm run build`;
 * DIR/synthetic-archive.json lists every story, newest first, and which are live coverage with how many updates.
 *
 *   npm run synthetic-archive -- --stories N --out DIR [--seed S]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createSyntheticArchive, liveStories, MANIFEST_FILE } from './synthetic-archive';

async function main() {
  const { values } = parseArgs({
    options: { stories: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
  });
  const stories = Number(values.stories);
  if (!Number.isInteger(stories) || stories < 1 || !values.out) {
    console.error('✖ usage: npm run synthetic-archive -- --stories 10000 --out /tmp/archive [--seed 1]');
    process.exit(1);
  }
  const started = performance.now();
  const { project, manifest } = await createSyntheticArchive({
    stories,
    out: values.out,
    ...(values.seed ? { seed: Number(values.seed) } : {}),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const live = liveStories(manifest)
    .map((s) => `${s.slug} (${s.live!.updates} updates${s.live!.endedAt ? '' : ', still live'})`)
    .join(', ');
  console.log(`✔ Wrote ${manifest.count} stories to ${path.relative(process.cwd(), project.dir) || '.'} in ${seconds} s (list: ${MANIFEST_FILE}).
Live coverage: ${live || 'none (too few stories)'}.
Next: cd ${project.dir} && npm run build && npm run serve`);
}

await main();
