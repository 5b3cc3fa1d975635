/**
 * Editor tooling wired into next.config.js (plain JS: Next loads the config before any TypeScript): content:check
 * runs before `next build`, `next typegen` and `next dev` and writes the story index (a build stops on any error;
 * dev goes on, and checks again when a story file is added or removed), and `page.dev.tsx` pages, the editors'
 * previews, exist only under next dev (docs/decisions/0009-content-as-typed-modules.md).
 */
import { execFile, execFileSync } from 'node:child_process';
import { watch } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants.js';

const projectDir = path.resolve(import.meta.dirname, '../..');
// Next loads the config in several processes of one build; the check needs to run once.
const CHECKED = 'AJU_CONTENT_CHECKED';
const checkArgs = (...extra) => [
  createRequire(import.meta.url).resolve('tsx/cli'),
  path.join(projectDir, 'scripts/editors/content-check.ts'),
  ...extra,
];

/**
 * Runs content:check once per build (a process that has run it marks the environment its children inherit).
 * `force` runs it even so (scripts/operators/build.mjs: a build always checks the tree it builds).
 * @param {{ fatal: boolean, force?: boolean }} options
 */
export function checkContent({ fatal, force = false }) {
  if (process.env[CHECKED] && !force) return;
  try {
    // A production build also writes the content snapshot the server reads at run time (content-check.ts --build).
    execFileSync(process.execPath, checkArgs(...(fatal ? ['--build'] : [])), { cwd: projectDir, stdio: 'inherit' });
  } catch {
    if (fatal) {
      console.error('\nBuild stopped: the content has errors (listed above). Fix them and build again.\n');
      process.exit(1);
    }
  }
  process.env[CHECKED] = '1';
}

/** Under next dev: a story file added, renamed or deleted re-runs the check, which rewrites the index. */
function watchStoryFiles() {
  let timer;
  try {
    watch(path.join(projectDir, 'content/stories'), { recursive: true }, (event, name) => {
      if (event !== 'rename' || !name || name.includes('.generated.')) return;
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          execFile(process.execPath, checkArgs(), { cwd: projectDir }, (_error, stdout) =>
            process.stdout.write(stdout),
          ),
        300,
      );
    }).unref();
  } catch {
    console.warn('content/stories/ cannot be watched here: run npm run content:check after adding a story file.');
  }
}

/** @param {string} phase @param {import('next').NextConfig} config @returns {import('next').NextConfig} */
export function withEditorTooling(phase, config) {
  if (phase === PHASE_PRODUCTION_BUILD) checkContent({ fatal: true });
  if (phase === PHASE_DEVELOPMENT_SERVER && !process.env[CHECKED]) {
    checkContent({ fatal: false });
    watchStoryFiles();
  }
  const extensions = config.pageExtensions ?? ['tsx', 'ts', 'jsx', 'js'];
  if (phase === PHASE_DEVELOPMENT_SERVER) return { ...config, pageExtensions: ['dev.tsx', ...extensions] };
  // A production server reads the content snapshot, never a story module: the build compiles the index with
  // no story in place of the full one (which next dev, scripts and tests keep using), so it does not grow
  // with the archive (docs/decisions/0020).
  return {
    ...config,
    turbopack: {
      ...config.turbopack,
      resolveAlias: {
        ...config.turbopack?.resolveAlias,
        '@/content/stories/index.generated': './content/stories/index.production.generated.ts',
      },
    },
  };
}
