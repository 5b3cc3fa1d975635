/**
 * Preview links' tokens (docs/decisions/0047-preview-links.md): `<slug>.<expires>.<hash>.<signature>`, an
 * HMAC-SHA256 of the rest keyed by the publish secret, so a link cannot be guessed or altered and rotating the
 * secret ends every link. Pure: the secret and the clock are the caller's.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface PreviewGrant {
  slug: string;
  /** The content hash the preview record is stored under (lib/content/model/preview.ts). */
  hash: string;
  /** When the link stops working, in whole seconds since the epoch. */
  expires: number;
}

export { PREVIEW_PATH } from './path';
export const DEFAULT_PREVIEW_HOURS = 24;
/** Longest a link may live: a week (an editor who needs longer makes a new link). */
export const MAX_PREVIEW_HOURS = 24 * 7;

const TOKEN = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.([0-9]{1,12})\.([0-9a-f]{64})\.([A-Za-z0-9_-]{43})$/;
/** Bound into what is signed, so no other use of the secret (the publish channel) can yield a token. */
const PURPOSE = 'aju-press preview v1';

const signature = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(`${PURPOSE}\n${payload}`).digest();

/** The token for a grant, signed with `secret`. */
export function signPreviewToken({ slug, hash, expires }: PreviewGrant, secret: string): string {
  const payload = `${slug}.${expires}.${hash}`;
  if (!TOKEN.test(`${payload}.${'A'.repeat(43)}`)) throw new Error(`not a preview grant: ${payload}`);
  return `${payload}.${signature(payload, secret).toString('base64url')}`;
}

/**
 * The grant a token carries when `secret` signed it and it has not expired at `now`; undefined otherwise
 * (malformed, altered, signed with another secret, expired, or no secret at all). The signature is compared in
 * constant time.
 */
export function verifyPreviewToken(token: string, secret: string | undefined, now: Date): PreviewGrant | undefined {
  if (!secret) return undefined;
  const match = TOKEN.exec(token);
  if (!match) return undefined;
  const [, slug, expires, hash, given] = match;
  // Compared as text: two spellings of the last base64 character can decode to the same bytes.
  const expected = Buffer.from(signature(`${slug}.${expires}.${hash}`, secret).toString('base64url'));
  if (!timingSafeEqual(Buffer.from(given!), expected)) return undefined;
  // Checked after the signature: an altered expiry is a bad signature, not a later one.
  if (Number(expires) * 1000 <= now.getTime()) return undefined;
  return { slug: slug!, hash: hash!, expires: Number(expires) };
}
