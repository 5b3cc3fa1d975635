/**
 * An origin under a process manager (docs/operations/running.md): signalled as a supervisor signals it — the
 * process it started alone, or that process's whole group — it drains, exits 0 and leaves no process behind;
 * `deploy/`'s systemd unit and container file run it that way. Uses the release the webServer built.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { validate } from 'dockerfile-utils';
import { READY_PATH, request } from '../test/support/edge-harness';
import { freePort } from '../test/support/free-port';

test.describe.configure({ mode: 'serial' });

const ROOT = path.resolve(import.meta.dirname, '..');
const UNIT = path.join(ROOT, 'deploy/systemd/aju-press-origin.service');
const CONTAINER_FILE = path.join(ROOT, 'deploy/container/Dockerfile');
// A short drain keeps the tests short; the drain itself is e2e/origins.spec.ts's subject.
const QUICK_DRAIN = { ORIGIN_DRAIN_DELAY_MS: '500' };

interface Started {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
}
const groups = new Set<number>();

// A failed test must not leave a server behind for the next one.
test.afterEach(() => {
  for (const pgid of groups) if (groupMembers(pgid).length) process.kill(-pgid, 'SIGKILL');
  groups.clear();
});

/** Runs `command` in a process group of its own (a supervisor's cgroup, a container) and waits until it serves. */
async function startUnderSupervisor(command: string[], env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...QUICK_DRAIN, ...env, PORT: String(port), HOST: '127.0.0.1' },
  });
  groups.add(child.pid!);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const ready = () =>
    request(base, READY_PATH, { timeoutMs: 2_000 }).then(
      (a) => a.status,
      () => 0,
    );
  await expect.poll(ready, { timeout: 60_000 }).toBe(200);
  return { child, base, exited };
}

/** The processes still in the group `pgid`. */
function groupMembers(pgid: number): string[] {
  const ps = spawnSync('ps', ['-e', '-o', 'pgid=,pid=,args='], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((line) => line.trim().split(/\s+/)[0] === String(pgid));
}

/** Signals as a supervisor does, then checks: the page answered during the drain, exit 0, nobody left. */
async function expectCleanStop(started: Started, target: 'main' | 'group') {
  const { child, base, exited } = started;
  expect((await request(base, '/')).status).toBe(200);
  process.kill(target === 'group' ? -child.pid! : child.pid!, 'SIGTERM');
  expect((await request(base, '/')).status, 'a reader during the drain').toBe(200);
  expect(await exited, 'exit code').toBe(0);
  await expect.poll(() => groupMembers(child.pid!), { timeout: 5_000 }).toEqual([]);
  await expect(request(base, READY_PATH, { timeoutMs: 1_000 })).rejects.toThrow();
}

/** `Key=value` lines of the unit's [Service] section (a key given twice keeps its last value). */
function unitService(text: string): Map<string, string> {
  const section = text.split(/^\[Service\]$/m)[1]!.split(/^\[/m)[0]!;
  const entries = section
    .split('\n')
    .filter((line) => /^\w+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as [string, string]);
  return new Map(entries);
}

for (const target of ['main', 'group'] as const) {
  test(`npm run serve, signalled ${target === 'main' ? 'alone' : 'as a group'}: drains, exits 0, leaves nothing`, async () => {
    test.setTimeout(90_000);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    await expectCleanStop(await startUnderSupervisor([npm, 'run', 'serve'], {}), target);
  });
}

test('the systemd unit runs node itself; stopped as systemd stops it, the origin drains and exits 0', async () => {
  test.setTimeout(90_000);
  const service = unitService(readFileSync(UNIT, 'utf8'));
  const command = service.get('ExecStart')!.split(/\s+/);
  expect(command[0], 'an absolute path, as systemd wants').toBe('/usr/bin/node');
  expect(service.get('KillMode'), 'SIGTERM to the main process only, SIGKILL to what is left').toBe('mixed');
  expect(service.get('KillSignal')).toBe('SIGTERM');
  const environment = Object.fromEntries(
    service
      .get('Environment')!
      .split(/\s+/)
      .map((pair) => pair.split('=')),
  );
  // This machine's node wherever it is; the checkout instead of WorkingDirectory.
  const started = await startUnderSupervisor([process.execPath, ...command.slice(1)], environment);
  await expectCleanStop(started, 'main');
});

test('the container file lints clean and its CMD, stopped as docker stop does, drains and exits 0', async () => {
  test.setTimeout(90_000);
  const text = readFileSync(CONTAINER_FILE, 'utf8');
  expect(validate(text), 'dockerfile-utils finds nothing').toEqual([]);
  const instruction = (name: string) => text.match(new RegExp(`^${name} (.+)$`, 'm'))?.[1];
  // Exec form: a shell form would make /bin/sh PID 1, and the shell does not pass the signal on.
  const command = JSON.parse(instruction('CMD')!) as string[];
  expect(command[0], 'node is PID 1, not npm or a shell').toBe('node');
  expect(instruction('STOPSIGNAL')).toBe('SIGTERM');
  expect(instruction('HEALTHCHECK'), 'the health check reads the readiness path').toContain(READY_PATH);
  expect(instruction('ENV')).toContain(`PORT=${instruction('EXPOSE')}`);
  const started = await startUnderSupervisor([process.execPath, ...command.slice(1)], {});
  await expectCleanStop(started, 'main');
});

test('a launcher killed outright leaves no server behind: the origin stops by itself', async () => {
  test.setTimeout(90_000);
  const started = await startUnderSupervisor([process.execPath, 'scripts/operators/standalone.mjs', 'serve'], {});
  started.child.kill('SIGKILL');
  await started.exited;
  await expect.poll(() => groupMembers(started.child.pid!), { timeout: 10_000 }).toEqual([]);
  await expect(request(started.base, READY_PATH, { timeoutMs: 1_000 })).rejects.toThrow();
});
