/**
 * An origin asking itself to sync (at start and when an embargo lifts): revalidation must run inside a route
 * handler, so it calls its own POST /api/publish with a token only this process knows (decision 0023).
 */
import { randomBytes } from 'node:crypto';
import { processSingleton } from '@/lib/process-singleton.mjs';
import { MIN_SECRET_LENGTH, readPublishSecret, sameSecret } from './secret';

export const PUBLISH_PATH = '/api/publish';

const internalToken = processSingleton('publish.internal-token', () => randomBytes(32).toString('hex'));

/** Whether a request carries the publish secret (or this process's own token). */
export function isAuthorized(authorization: string | null): { ok: boolean; internal: boolean } {
  const given = authorization ?? '';
  const secret = readPublishSecret();
  const internal = sameSecret(given, `Internal ${internalToken}`);
  const external = secret !== undefined && secret.length >= MIN_SECRET_LENGTH && sameSecret(given, `Bearer ${secret}`);
  return { ok: internal || external, internal };
}

/** Where this server answers, for its own requests. */
export function selfUrl(): string {
  const host =
    process.env.HOSTNAME && !['0.0.0.0', '::', ''].includes(process.env.HOSTNAME) ? process.env.HOSTNAME : '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${process.env.PORT || 3000}`;
}

/** Asks this server to sync; retries while it is still starting. Resolves true once synced. */
export async function requestSelfSync(reason: string, attempts = 60): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    try {
      const answer = await fetch(`${selfUrl()}${PUBLISH_PATH}`, {
        method: 'POST',
        headers: { Authorization: `Internal ${internalToken}`, 'X-Publish-Reason': reason },
        signal: AbortSignal.timeout(60_000),
      });
      if (answer.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.error(`content: could not sync this server (${reason}); it keeps serving what it has.`);
  return false;
}
