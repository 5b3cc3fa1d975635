/**
 * The archive test site: one production build of a synthetic archive (test/support/synthetic-archive.ts), a few
 * hundred stories and a small prerender window, served on a free port. Usually built in the background from the
 * start of the run (e2e/support/archive-background.ts); the `archive` project's specs wait for it through their
 * worker fixture (e2e/support/archive-test.ts) and the global teardown removes it; specs find it with
 * `archiveSite()`.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createSyntheticArchive, MANIFEST_FILE, type SyntheticManifest } from '@/test/support/synthetic-archive';
import { freePort } from '@/test/support/free-port';
import { seedBuildCache } from '@/test/support/temp-project';

/** Stories in the archive (the seed included) and how many of the newest are prerendered. */
export const ARCHIVE_STORIES = 300;
export const ARCHIVE_WINDOW = 30;

export interface ArchiveSite {
  /** Origin of the running server, e.g. http://127.0.0.1:41234 (also the build's SITE_URL). */
  url: string;
  /** The project copy: its content, its .next build. */
  dir: string;
  /** Server process id (its own process group). */
  pid: number;
  /** Build time in seconds, for the record. */
  buildSeconds: number;
  window: number;
}

/** Where the running site is written down; set once in playwright.config.ts so every worker reads the same file. */
export const stateFile = () => {
  const file = process.env.ARCHIVE_SITE_STATE;
  if (!file) throw new Error('ARCHIVE_SITE_STATE is not set: run the archive specs through playwright.config.ts');
  return file;
};

export const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Ends a detached process group and waits until it is gone. */
export async function stopGroup(pid: number): Promise<void> {
  if (!processAlive(-pid)) return;
  process.kill(-pid, 'SIGTERM');
  for (let i = 0; i < 50 && processAlive(-pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (processAlive(-pid)) process.kill(-pid, 'SIGKILL');
}

/** Builds the synthetic archive and starts its server; writes the state file. `onCopy`: told the copy's folder first. */
export async function startArchiveSite(onCopy?: (dir: string) => void): Promise<ArchiveSite> {
  const { project } = await createSyntheticArchive({ stories: ARCHIVE_STORIES });
  onCopy?.(project.dir);
  let pid: number | undefined;
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      AJU_CONTENT_CHECKED: '',
      SITE_URL: url,
      PRERENDER_STORIES: String(ARCHIVE_WINDOW),
      TZ: 'Pacific/Honolulu',
    };
    // The same code as the suite's own build: what compiled there is reused.
    seedBuildCache(project.dir);
    const started = performance.now();
    await promisify(execFile)('npm', ['run', 'build'], { cwd: project.dir, env, maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { stdout?: string; stderr?: string }) => {
        throw new Error(`archive build failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
      },
    );
    const buildSeconds = (performance.now() - started) / 1000;
    // Its output in the copy, for the error below: a server that never answers says why there.
    const output = openSync(path.join(project.dir, 'server.log'), 'a');
    const child = spawn(
      process.execPath,
      ['scripts/operators/standalone.mjs', 'serve', '-p', String(port), '-H', '127.0.0.1'],
      { cwd: project.dir, env, detached: true, stdio: ['ignore', output, output] },
    );
    pid = child.pid!;
    child.unref();
    for (let i = 0; ; i++) {
      try {
        await fetch(url);
        break;
      } catch {
        // A minute: the server starts while the suite's other tests load both cores.
        if (i > 300 || child.exitCode !== null)
          throw new Error(
            `the archive server did not answer on ${url}:\n${readFileSync(path.join(project.dir, 'server.log'), 'utf8').slice(-4000)}`,
          );
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const site: ArchiveSite = { url, dir: project.dir, pid, buildSeconds, window: ARCHIVE_WINDOW };
    writeFileSync(stateFile(), JSON.stringify(site));
    return site;
  } catch (error) {
    if (pid) await stopGroup(pid);
    project.remove();
    throw error;
  }
}

/** The running archive site (once ensureArchiveSite, in archive-background.ts, has seen it up). */
export function archiveSite(): ArchiveSite & { manifest: SyntheticManifest } {
  const site = JSON.parse(readFileSync(stateFile(), 'utf8')) as ArchiveSite;
  return {
    ...site,
    manifest: JSON.parse(readFileSync(path.join(site.dir, MANIFEST_FILE), 'utf8')) as SyntheticManifest,
  };
}

/**
 * Stops the server and removes the copy; nothing to do when setup never got that far. At the end of a run: no reader
 * is left, so the server is killed outright (a graceful stop waited up to 5 s), and the copy, thousands of files, is
 * removed by a detached `rm` the run does not wait for.
 */
export async function stopArchiveSite(): Promise<void> {
  const file = stateFile();
  if (!existsSync(file)) return;
  const site = JSON.parse(readFileSync(file, 'utf8')) as ArchiveSite;
  if (processAlive(-site.pid)) process.kill(-site.pid, 'SIGKILL');
  spawn('rm', ['-rf', site.dir], { detached: true, stdio: 'ignore' }).unref();
  rmSync(file, { force: true });
}
