/**
 * Releases: each `npm run build` ends in a new, complete folder under RELEASES_DIR that servers run from and nothing
 * writes to again, with the pointers latest, current and previous beside it; each release's static folder shares the
 * kept releases' files (docs/operations/deploys.md, decisions 0030 and 0034). Plain JavaScript, Node's modules.
 */
import {
  cpSync,
  existsSync,
  linkSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';
import { namingFullDisk } from '../../lib/full-disk.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const RELEASE_NAME = /^\d{8}T\d{6}Z-[A-Za-z0-9_-]+$/;
const POINTERS = ['latest', 'current', 'previous'];

/** Where this checkout's build and releases live (NEXT_DIST_DIR like next.config.js; RELEASES_DIR to move releases). */
/** @param {Record<string, string | undefined>} [env] @param {string} [root] */
export function releasePaths(env = process.env, root = ROOT) {
  const distName = env.NEXT_DIST_DIR || '.next';
  const dist = path.resolve(root, distName);
  return { root, distName, dist, releases: path.resolve(root, env.RELEASES_DIR || `${dist}-releases`) };
}

/** Release folders, oldest first (names start with the build's time). */
export function listReleases(releases) {
  if (!existsSync(releases)) return [];
  return readdirSync(releases)
    .filter((name) => RELEASE_NAME.test(name) && existsSync(path.join(releases, name, 'server.js')))
    .sort();
}

/** The release a pointer names, or undefined. */
export function readPointer(releases, pointer) {
  try {
    const name = path.basename(readlinkSync(path.join(releases, pointer)));
    return existsSync(path.join(releases, name, 'server.js')) ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Points `pointer` at `name` (or removes it for undefined) in one rename, so a reader sees the old or the new link. */
export function setPointer(releases, pointer, name) {
  if (!POINTERS.includes(pointer)) throw new Error(`unknown pointer ${pointer}`);
  const link = path.join(releases, pointer);
  if (name === undefined) return rmSync(link, { force: true });
  const temporary = `${link}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  symlinkSync(name, temporary);
  renameSync(temporary, link);
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(path.join(dir, entry.name), path.join(prefix, entry.name))
      : [path.join(prefix, entry.name)],
  );
}

/** Adds to `to` every file of `from` it lacks (hard links: same content, no copy). Never replaces a file. */
function addMissingFiles(from, to) {
  let added = 0;
  for (const file of filesUnder(from)) {
    const target = path.join(to, file);
    if (existsSync(target)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(path.join(from, file), target);
    } catch {
      try {
        copyFileSync(path.join(from, file), target);
      } catch (error) {
        // A full disk must not leave a truncated chunk in a release a rollback would serve.
        rmSync(target, { force: true });
        throw error;
      }
    }
    added++;
  }
  return added;
}

/** Where the build's content snapshot is, from the project root (lib/content/storage/store.ts, BUILD_SNAPSHOT_DIR). */
const BUILD_SNAPSHOT = 'content/snapshot.generated';

/** The content version the build's snapshot holds. */
function snapshotVersion(root) {
  try {
    return JSON.parse(readFileSync(path.join(root, BUILD_SNAPSHOT, 'current.json'), 'utf8')).version;
  } catch {
    return 'none';
  }
}

/** Copies the standalone server and what it serves beside it into the release folder `partial`. */
function fillRelease(partial, { root, distName, dist, standalone }) {
  cpSync(standalone, partial, { recursive: true, verbatimSymlinks: true });
  // server.js serves public/ and the static chunks itself once they sit beside it. The build's content
  // snapshot (content:check --build) is read at run time until a publish brings a newer one, with the build's
  // search index (scripts/operators/search-index.ts) as that version's, served by app/pagefind like a published one's.
  for (const [from, to] of [
    [path.join(root, 'public'), path.join(partial, 'public')],
    [path.join(dist, 'static'), path.join(partial, distName, 'static')],
    [path.join(root, BUILD_SNAPSHOT), path.join(partial, BUILD_SNAPSHOT)],
    [path.join(dist, 'pagefind'), path.join(partial, BUILD_SNAPSHOT, 'search', snapshotVersion(root))],
  ]) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  }
}

/**
 * Folders of content-hashed files in a release: Next's static chunks, and the text face's cuts (public/fonts,
 * named after their hash by scripts/assets/make-fonts.ts).
 */
const HASHED_FOLDERS = (distName) => [path.join(distName, 'static'), path.join('public', 'fonts')];

/** Gives the new release the hashed files of the kept ones, and them its own, for a rollback. */
function shareStaticFiles(releases, partial, distName) {
  const kept = listReleases(releases);
  let inherited = 0;
  for (const folder of HASHED_FOLDERS(distName)) {
    const own = path.join(partial, folder);
    for (const other of kept) {
      const theirs = path.join(releases, other, folder);
      inherited += addMissingFiles(theirs, own);
      // Older releases gain this one's files too, for a rollback (an origin reads its static folder at start).
      addMissingFiles(own, theirs);
    }
  }
  return { inherited, kept: kept.length };
}

/**
 * Makes a release of the build in `dist`: copies the standalone server with the static chunks, public/ and the
 * search index beside it into a new folder (renamed into place when complete), shares static files with the
 * kept releases both ways, points `latest` at it and removes releases past RELEASES_KEEP (never one a pointer
 * names). The build itself is only read. Returns the release's name.
 * @param {Record<string, string | undefined>} [env]
 * @param {(message: string) => void} [log]
 * @param {string} [projectRoot] the project whose build and public/ it reads
 */
export function prepareRelease(env = process.env, log = console.log, projectRoot = ROOT) {
  const { root, distName, dist, releases } = releasePaths(env, projectRoot);
  const standalone = path.join(dist, 'standalone');
  if (!existsSync(path.join(standalone, 'server.js'))) {
    throw new Error(
      `No ${path.relative(root, standalone)}/server.js: run \`npm run build\` first (next.config.js must keep output: 'standalone').`,
    );
  }
  const buildId = readFileSync(path.join(dist, 'BUILD_ID'), 'utf8').trim();
  mkdirSync(releases, { recursive: true });
  const existing = listReleases(releases).find((name) => name.endsWith(`-${buildId}`));
  if (existing) {
    setPointer(releases, 'latest', existing);
    log(`Release ${existing} already made from this build; latest points at it.`);
    return existing;
  }
  const builtAt = statSync(path.join(dist, 'BUILD_ID'))
    .mtime.toISOString()
    .replace(/[-:]|\.\d+/g, '');
  const name = `${builtAt}-${buildId}`;
  const partial = path.join(releases, `.${name}.partial`);
  rmSync(partial, { recursive: true, force: true });
  let shared;
  try {
    fillRelease(partial, { root, distName, dist, standalone });
    shared = shareStaticFiles(releases, partial, distName);
  } catch (error) {
    // Nothing half-made is left to fill the disk further; latest and the other releases are untouched.
    rmSync(partial, { recursive: true, force: true });
    throw namingFullDisk(error, releases, `run npm run build again; the releases there keep serving (release ${name})`);
  }
  renameSync(partial, path.join(releases, name));
  setPointer(releases, 'latest', name);
  log(
    `Release ${name} in ${path.relative(root, releases) || releases} (${shared.inherited} static files shared from ${shared.kept} earlier releases).`,
  );
  pruneReleases(releases, Number(env.RELEASES_KEEP || 10), log);
  return name;
}

/** Removes the oldest releases past `keep`, never one that latest, current or previous names. */
export function pruneReleases(releases, keep, log = console.log) {
  const named = new Set(POINTERS.map((pointer) => readPointer(releases, pointer)));
  const all = listReleases(releases);
  for (const name of all.slice(0, Math.max(0, all.length - keep))) {
    if (named.has(name)) continue;
    rmSync(path.join(releases, name), { recursive: true, force: true });
    // The run folders of its origins (scripts/operators/run-origin.mjs).
    for (const run of existsSync(path.join(releases, '.run')) ? readdirSync(path.join(releases, '.run')) : []) {
      if (run.startsWith(`${name}-`)) rmSync(path.join(releases, '.run', run), { recursive: true, force: true });
    }
    log(`Removed release ${name} (RELEASES_KEEP=${keep}).`);
  }
}

/** The folder of a release given as a name or a pointer (latest, current, previous). */
export function resolveRelease(releases, which) {
  const name = POINTERS.includes(which) ? readPointer(releases, which) : which;
  if (!name || !existsSync(path.join(releases, name, 'server.js'))) return undefined;
  return { name, dir: path.join(releases, name) };
}
