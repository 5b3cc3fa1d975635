/**
 * The archive site (archive-site.ts) built in the background: e2e/global-setup.ts starts the build as soon as
 * the suite's own build is served, in a detached process (e2e/support/archive-site-cli.ts), so its minutes
 * overlap the other specs instead of coming after them; the archive specs' worker fixture then only waits for it.
 * Beside the state file: `.build.json` (the builder's process and its copy), `.error` (why it failed), `.log`.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '@/test/support/temp-project';
import {
  archiveSite,
  processAlive,
  startArchiveSite,
  stateFile,
  stopArchiveSite,
  stopGroup,
  type ArchiveSite,
} from './archive-site';

interface BackgroundBuild {
  /** The builder's process id, also its process group's. */
  pid: number;
  /** The copy it builds in, once made. */
  dir?: string;
}

const buildFile = () => `${stateFile()}.build.json`;
const errorFile = () => `${stateFile()}.error`;
const logFile = () => `${stateFile()}.log`;
const lockFile = () => `${stateFile()}.lock`;

const readBuild = (): BackgroundBuild | undefined =>
  existsSync(buildFile()) ? (JSON.parse(readFileSync(buildFile(), 'utf8')) as BackgroundBuild) : undefined;

/** Starts building and serving the archive site in a detached process of its own; returns at once. */
export function startArchiveSiteInBackground(): void {
  const log = openSync(logFile(), 'w');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'e2e/support/archive-site-cli.ts')],
    {
      cwd: PROJECT_ROOT,
      env: process.env,
      detached: true,
      stdio: ['ignore', log, log],
    },
  );
  child.unref();
  writeFileSync(buildFile(), JSON.stringify({ pid: child.pid! } satisfies BackgroundBuild));
}

/** In the builder (archive-site-cli.ts): builds and serves the site, recording its copy and any failure. */
export async function buildArchiveSiteHere(): Promise<void> {
  try {
    await startArchiveSite((dir) => writeFileSync(buildFile(), JSON.stringify({ pid: process.pid, dir })));
  } catch (error) {
    writeFileSync(errorFile(), error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}

/**
 * The archive site, once it is up: from the background build global-setup started, or from one started here when
 * none was (a run whose file filter global-setup did not recognise). A lock file makes sure that, of the workers
 * asking at once, one starts it.
 */
export async function ensureArchiveSite(): Promise<ArchiveSite> {
  if (!readBuild()) {
    try {
      closeSync(openSync(lockFile(), 'wx'));
      startArchiveSiteInBackground();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  for (;;) {
    const build = readBuild();
    if (existsSync(stateFile())) return archiveSite();
    if (existsSync(errorFile())) throw new Error(readFileSync(errorFile(), 'utf8'));
    if (build && !processAlive(build.pid))
      throw new Error(`the archive site's builder ended without a word:\n${readFileSync(logFile(), 'utf8')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Stops an unfinished background build (its whole process group) and removes its copy, then stops the site;
 * nothing to do when there is neither. A builder that finished left the state file or the error file and has
 * exited: its process group is not signalled again.
 */
export async function stopArchiveSiteAndBuild(): Promise<void> {
  const build = readBuild();
  if (build && !existsSync(stateFile()) && !existsSync(errorFile())) {
    await stopGroup(build.pid);
    if (build.dir) rmSync(build.dir, { recursive: true, force: true });
  }
  for (const file of [buildFile(), errorFile(), logFile(), lockFile()]) rmSync(file, { force: true });
  await stopArchiveSite();
}
