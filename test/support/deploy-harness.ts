/**
 * Deploys under test or measurement (e2e/deploy.spec.ts, bench/deploy.ts): releases in a folder of their own,
 * `npm run origins` over them and `npm run deploy` against it, all from this checkout's scripts, on loopback.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { READY_PATH, request, stopProcess } from './edge-harness';
import { freePort } from './free-port';
import type { TempProject } from './temp-project';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The client component a second release changes, so its chunk (and no other page's HTML) differs. */
export const CHANGED_COMPONENT = 'components/story/ShareActions.tsx';

/** Changes the share buttons' client component in `project` in a way its chunk must show. */
export function changeClientComponent(project: TempProject, mark: string): void {
  const file = path.join(project.dir, CHANGED_COMPONENT);
  const source = readFileSync(file, 'utf8');
  const changed = source.replace(
    '<span className="share__actions"',
    `<span className="share__actions" data-release-mark="${mark}"`,
  );
  if (changed === source)
    throw new Error(`${CHANGED_COMPONENT} no longer has the share__actions span this helper marks`);
  writeFileSync(file, changed);
}

/** `npm run build` of `project`, its release made in `releasesDir`; returns the new release's name. */
export function buildRelease(projectDir: string, releasesDir: string, env: Record<string, string> = {}): string {
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: projectDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env, RELEASES_DIR: releasesDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 2 ** 20,
  });
  return realLatest(releasesDir);
}

/** The release `latest` names. */
const realLatest = (releasesDir: string) => path.basename(readlinkSync(path.join(releasesDir, 'latest')));

/** A release of a build already made in `projectDir` (`node scripts/operators/standalone.mjs prepare`). */
export function releaseOfBuild(projectDir: string, releasesDir: string): string {
  execFileSync(process.execPath, [path.join(projectDir, 'scripts/operators/standalone.mjs'), 'prepare'], {
    cwd: projectDir,
    env: { ...process.env, RELEASES_DIR: releasesDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return realLatest(releasesDir);
}

/** `npm run deploy` (scripts/operators/deploy.mjs) with these arguments; rejects on a non-zero exit, with its output. */
export function deploy(
  releasesDir: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/operators/deploy.mjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, RELEASES_DIR: releasesDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c));
    child.stderr!.on('data', (c: Buffer) => (output += c));
    child.on('exit', (code) =>
      code === 0
        ? resolve({ ms: performance.now() - started, output })
        : reject(new Error(`deploy ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

/** `npm run origins` over `releasesDir` on free loopback ports. */
export class Origins {
  private constructor(
    readonly ports: number[],
    private readonly child: ChildProcess,
    readonly log: () => string,
  ) {}

  /** `ports`: the ports to use (an edge already points at them); default `count` free ones. `env`: more of the origins' settings. */
  static async start(
    releasesDir: string,
    count = 2,
    ports: number[] = [],
    env: Record<string, string> = {},
  ): Promise<Origins> {
    ports = [...ports];
    while (ports.length < count) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    let output = '';
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/operators/origins-supervisor.mjs')], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...env,
        RELEASES_DIR: releasesDir,
        ORIGIN_PORTS: ports.join(','),
        ORIGIN_HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (c: Buffer) => (output += c));
    child.stderr!.on('data', (c: Buffer) => (output += c));
    const origins = new Origins(ports, child, () => output);
    for (const port of ports) {
      const deadline = Date.now() + 60_000;
      while (
        !(await request(`http://127.0.0.1:${port}`, READY_PATH, { timeoutMs: 2_000 }).then(
          (a) => a.status === 200,
          () => false,
        ))
      ) {
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error(`npm run origins did not start port ${port}:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    return origins;
  }

  get addresses(): Array<{ address: string }> {
    return this.ports.map((port) => ({ address: `127.0.0.1:${port}` }));
  }

  /** SIGTERM, as Ctrl-C or a service manager would; resolves with the supervisor's exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode);
      else this.child.once('exit', (code) => resolve(code));
    });
    await stopProcess(this.child);
    return exited;
  }
}
