/**
 * JSON-LD handed from a request's server components render to its HTML render, which run in the same process,
 * so the text reaches the HTML without riding in the flight data too (decision 0052).
 */
import { createHash } from 'node:crypto';
import { processSingleton } from '@/lib/process-singleton.mjs';

/** The singleton's name; components/seo/JsonLdSlot.tsx spells it too (importing this would bundle it). */
export const JSON_LD_HANDOVER = 'json-ld';

/**
 * How long a text waits for its HTML render. A flight-only request renders the server components without HTML,
 * so nothing takes its texts: each is dropped this long after it was stored, when another is stored.
 */
export const JSON_LD_MAX_WAIT_MS = 60_000;

interface Waiting {
  text: string;
  /** Renders that stored this text and have not taken it yet (the same page rendered at once twice). */
  renders: number;
  storedAt: number;
}

/** Texts waiting for their HTML render, by key. */
export class JsonLdHandover {
  // Kept in the order stored (a text stored again moves to the end), so the expired ones come first.
  readonly #waiting = new Map<string, Waiting>();

  store(key: string, text: string, now = Date.now()): void {
    for (const [old, entry] of this.#waiting) {
      if (now - entry.storedAt <= JSON_LD_MAX_WAIT_MS) break;
      this.#waiting.delete(old);
    }
    const renders = (this.#waiting.get(key)?.renders ?? 0) + 1;
    this.#waiting.delete(key);
    this.#waiting.set(key, { text, renders, storedAt: now });
  }

  /** The text stored under `key`, once per render that stored it; undefined when none waits. */
  take(key: string): string | undefined {
    const entry = this.#waiting.get(key);
    if (!entry) return undefined;
    if (--entry.renders === 0) this.#waiting.delete(key);
    return entry.text;
  }

  get size(): number {
    return this.#waiting.size;
  }
}

/** Where this process keeps the texts waiting for their HTML render. */
export const jsonLdHandover = () => processSingleton(JSON_LD_HANDOVER, () => new JsonLdHandover());

/**
 * Leaves `text` for the HTML render and returns its key. The key is the text's hash, not a random one: the same
 * page renders to the same bytes (the key rides in the flight data), so its ETag holds across renders and origins.
 */
export function handOverJsonLd(text: string, handover = jsonLdHandover()): string {
  const key = createHash('sha256').update(text).digest('base64url').slice(0, 16);
  handover.store(key, text);
  return key;
}
