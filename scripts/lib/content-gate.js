/**
 * Editor tooling wired into next.config.js (plain JS: Next loads the config before any TypeScript).
 * - A production build first runs `content:check` and stops with its messages if the content has errors,
 *   before anything compiles, so no invalid story can ship.
 * - Pages named `page.dev.tsx` (the editors' preview pages) exist only under `next dev`: production builds
 *   never see them.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants.js';

const projectDir = path.resolve(import.meta.dirname, '../..');
// Next loads the config in several processes of one build; the check needs to run once.
const CHECKED = 'AJU_CONTENT_CHECKED';

function checkContent() {
  if (process.env[CHECKED]) return;
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  try {
    execFileSync(process.execPath, [tsx, path.join(projectDir, 'scripts/content-check.ts')], {
      cwd: projectDir,
      stdio: 'inherit',
    });
  } catch {
    console.error('\nBuild stopped: the content has errors (listed above). Fix them and build again.\n');
    process.exit(1);
  }
  process.env[CHECKED] = '1';
}

/** @param {string} phase @param {import('next').NextConfig} config @returns {import('next').NextConfig} */
export function withEditorTooling(phase, config) {
  if (phase === PHASE_PRODUCTION_BUILD) checkContent();
  const extensions = config.pageExtensions ?? ['tsx', 'ts', 'jsx', 'js'];
  return phase === PHASE_DEVELOPMENT_SERVER ? { ...config, pageExtensions: ['dev.tsx', ...extensions] } : config;
}
