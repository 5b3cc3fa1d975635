/**
 * The publish secret, shared by content:publish and every origin (docs/decisions/0023): PUBLISH_SECRET, else
 * the disk store's publish.secret file, which the command makes on first use and the server reads.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SECRET_FILE = 'publish.secret';
/** Shorter secrets are refused: a publish can make every origin re-render. */
export const MIN_SECRET_LENGTH = 16;

const readFile = (dir: string) => {
  try {
    return readFileSync(path.join(path.resolve(dir), SECRET_FILE), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
};

/** The secret an origin accepts, or undefined (then only its own requests are authorised). */
export function readPublishSecret(env = process.env): string | undefined {
  if (env.PUBLISH_SECRET) return env.PUBLISH_SECRET;
  return env.CONTENT_STORE_DIR ? readFile(env.CONTENT_STORE_DIR) : undefined;
}

/** The secret content:publish sends: with a disk store (`storeDir`), made on first use; with Redis, required. */
export function ensurePublishSecret(storeDir: string | undefined, env = process.env): string {
  if (env.PUBLISH_SECRET) return env.PUBLISH_SECRET;
  if (!storeDir)
    throw new Error(
      `PUBLISH_SECRET is not set: with REDIS_URL, set the same PUBLISH_SECRET (${MIN_SECRET_LENGTH} characters or more) here and on every origin.`,
    );
  const existing = readFile(storeDir);
  if (existing) return existing;
  mkdirSync(storeDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(path.join(storeDir, SECRET_FILE), `${secret}\n`, { mode: 0o600 });
  return secret;
}

const digest = (text: string) => createHash('sha256').update(text).digest();
/** Constant-time comparison (of fixed-length digests, so the length leaks nothing either). */
export const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));
