/**
 * A full disk (docs/operations/running.md): a publish whose store folder fills, and a release whose releases
 * folder fills, each fail naming the folder, change nothing that serves, and succeed once space is back. The
 * full disk is a real one: a small tmpfs mounted over the folder (root, as CI runs; skipped otherwise).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { LATEST_RELEASE, request } from '../test/support/edge-harness';
import { PublishSite } from './support/publish-site';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const ROOT = path.resolve(import.meta.dirname, '..');
const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
test.skip(!canMount, 'mounting a small tmpfs needs root (CI runs as root)');

/** Mounts a tmpfs of `megabytes` over `dir`; returns the unmount. */
function smallDisk(dir: string, megabytes: number): () => void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]);
  return () => execFileSync('umount', ['--lazy', dir]);
}

/** Fills the disk under `dir` to the last byte (dd stops at ENOSPC); returns the filler's path. */
function fillDisk(dir: string): string {
  const filler = path.join(dir, '.filler');
  spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M'], { stdio: 'ignore' });
  expect(statfsSync(dir).bavail, 'the disk is full').toBe(0);
  return filler;
}

test('a publish whose store fills fails naming the folder, changes nothing, and succeeds once space is back', async () => {
  const site = await PublishSite.copy(LATEST_RELEASE);
  const unmount = smallDisk(site.storeDir, 32);
  try {
    const origin = await site.startOrigin();
    const first = { slug: 'disk-full-first', headline: 'Published before the disk filled' };
    site.writeStory(first);
    expect((await site.publish()).code).toBe(0);
    const current = readFileSync(path.join(site.storeDir, 'current.json'), 'utf8');

    const filler = fillDisk(site.storeDir);
    const second = { slug: 'disk-full-second', headline: 'Published once the disk has room' };
    site.writeStory(second);
    const refused = await site.publish();
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`The disk under the folder ${site.storeDir} is full (ENOSPC)`);
    expect(refused.out).toContain('Nothing was published: the site is unchanged.');
    expect(readFileSync(path.join(site.storeDir, 'current.json'), 'utf8')).toBe(current);
    expect(readdirSync(site.storeDir, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
    expect((await request(origin.url, `/stories/${first.slug}`)).body).toContain(first.headline);
    expect((await request(origin.url, `/stories/${second.slug}`)).status).toBe(404);

    rmSync(filler);
    const published = await site.publish();
    expect(published.code, published.out).toBe(0);
    expect((await request(origin.url, `/stories/${second.slug}`)).body).toContain(second.headline);
  } finally {
    await site.stop().catch(() => undefined);
    unmount();
    rmSync(site.storeDir, { recursive: true, force: true });
  }
});

test('a release whose folder fills fails naming it, leaves no half-made release, and succeeds once space is back', () => {
  const releases = mkdtempSync(path.join(os.tmpdir(), 'aju-releases-full-'));
  // The webServer's build, made into a release again in a folder of its own.
  const prepare = () =>
    spawnSync(process.execPath, ['scripts/operators/standalone.mjs', 'prepare'], {
      cwd: ROOT,
      env: { ...process.env, RELEASES_DIR: releases },
      encoding: 'utf8',
    });
  const unmount = smallDisk(releases, 8);
  try {
    const refused = prepare();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`The disk under ${releases} is full (ENOSPC)`);
    expect(readdirSync(releases), 'nothing half-made, no latest').toEqual([]);
  } finally {
    unmount();
  }
  try {
    const made = prepare();
    expect(made.status, made.stderr).toBe(0);
    expect(existsSync(path.join(releases, 'latest', 'server.js'))).toBe(true);
  } finally {
    rmSync(releases, { recursive: true, force: true });
  }
});
