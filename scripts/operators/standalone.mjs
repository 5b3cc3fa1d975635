#!/usr/bin/env node
/**
 * The production server (decision 0006; docs/operations/running.md): `prepare` makes a release of the last build
 * (`npm run build` ends with it); `serve` runs one origin of a release, the last build by default.
 *
 *   node scripts/operators/standalone.mjs prepare | serve [-p 3000] [-H 0.0.0.0] [--release latest|current|previous|<name>]
 */
import { parseArgs } from 'node:util';
import { spawnOrigin } from '../lib/origin-process.mjs';
import { prepareRelease, releasePaths, resolveRelease } from '../lib/releases.mjs';

const USAGE =
  'usage: node scripts/operators/standalone.mjs prepare | serve [-p port] [-H host] [--release latest|current|previous|<name>]';

/** Runs one origin of the release `which` until it exits; HOSTNAME is ignored: shells set it to the machine's name. */
function serve({ port, hostname, release: which = 'latest' }) {
  const { releases } = releasePaths();
  const release = resolveRelease(releases, which);
  if (!release) {
    console.error(`No release "${which}" in ${releases}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const child = spawnOrigin(release.dir, {
    port: port ?? process.env.PORT ?? '3000',
    hostname: hostname ?? process.env.HOST ?? '0.0.0.0',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', short: 'p' },
      hostname: { type: 'string', short: 'H' },
      release: { type: 'string' },
    },
  });
  if (positionals[0] === 'prepare') prepareRelease();
  else if (positionals[0] === 'serve') serve(values);
  else {
    console.error(USAGE);
    process.exit(2);
  }
}

try {
  main();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
