/**
 * Addresses that outlive their story (docs/decisions/0048-addresses-never-break.md): a renamed story's previous
 * slugs redirect to its slug, a taken-down story's slug answers 410 Gone, and links in a body are rewritten to
 * the current address or, to a story no longer there, left as plain words. Pure.
 */
import type { Inline } from './inline';

/** What the snapshot listing carries for proxy.ts: old slug → current slug, and the slugs taken down. */
export interface Addresses {
  redirects: Record<string, string>;
  gone: string[];
}

export const NO_ADDRESSES: Addresses = { redirects: {}, gone: [] };

/** The addresses of published stories (drafts redirect nothing) and takedowns, sorted so a version is stable. */
export function addressesOf(
  stories: ReadonlyArray<{ slug: string; previousSlugs?: readonly string[]; draft?: boolean }>,
  takedowns: ReadonlyArray<{ slug: string }>,
): Addresses {
  const pairs = stories
    .filter((s) => !s.draft)
    .flatMap((s) => (s.previousSlugs ?? []).map((old) => [old, s.slug] as const))
    .sort(([a], [b]) => a.localeCompare(b));
  return { redirects: Object.fromEntries(pairs), gone: [...new Set(takedowns.map((t) => t.slug))].sort() };
}

/** A path under a story's address, split: `/stories/<slug>` and what follows (the card, a crop), or undefined. */
export function storyAddress(path: string): { slug: string; rest: string } | undefined {
  const match = /^\/stories\/([^/]+)(\/.*)?$/.exec(path);
  return match ? { slug: match[1]!, rest: match[2] ?? '' } : undefined;
}

/**
 * Decision 0048: a renamed story's previous slug leads straight to its current address (the snapshot maps
 * each old slug to the newest, so never a chain); a taken-down one is gone. A story at that slug now wins.
 */
export function oldAddress(
  path: string,
  addresses: Addresses | undefined,
  isStory: (slug: string) => boolean,
): { redirect: string } | { gone: true } | undefined {
  const address = addresses && storyAddress(path);
  if (!address || isStory(address.slug)) return undefined;
  const target = Object.hasOwn(addresses.redirects, address.slug) ? addresses.redirects[address.slug]! : undefined;
  if (target && isStory(target)) return { redirect: `/stories/${target}` + address.rest };
  if (addresses.gone.includes(address.slug)) return { gone: true };
  return undefined;
}

const STORY_HREF = /^\/stories\/([^/#?]+)(#.*)?$/;

const isLink = (value: unknown): value is Extract<Inline, { type: 'link' }> =>
  !!value && typeof value === 'object' && (value as Inline).type === 'link' && 'href' in value;

/** Every story slug a body's inline links point at, and its story-link cards' (deduplicated, in order). */
export function linkedSlugs(body: readonly unknown[]): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const node = value as Record<string, unknown>;
      if (node.type === 'storyLink' && typeof node.slug === 'string') found.add(node.slug);
      if (isLink(node)) {
        const slug = STORY_HREF.exec(node.href)?.[1];
        if (slug) found.add(slug);
      }
      for (const child of Object.values(node)) if (child && typeof child === 'object') walk(child);
    }
  };
  walk(body);
  return [...found];
}

/**
 * A body block (or any value in it) with each inline link to a story pointed at `pathOf(slug)`, the story's
 * current path; where that is undefined (taken down, not published here), the link's words without the link.
 */
export function relinked<T>(value: T, pathOf: (slug: string) => string | undefined): T {
  const visit = (item: unknown): unknown[] => {
    if (!isLink(item)) return [map(item)];
    const children = map(item.children) as Inline[];
    const story = STORY_HREF.exec(item.href);
    if (!story) return [{ ...item, children }];
    const path = pathOf(story[1]!);
    return path ? [{ ...item, href: path + (story[2] ?? ''), children }] : children;
  };
  const map = (item: unknown): unknown => {
    if (Array.isArray(item)) return mergeText(item.flatMap(visit));
    if (!item || typeof item !== 'object') return item;
    return Object.fromEntries(Object.entries(item).map(([key, child]) => [key, map(child)]));
  };
  return map(value) as T;
}

/** Adjacent text nodes as one (a link's words between text render as one run of text). */
function mergeText(items: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    const last = out.at(-1) as Inline | undefined;
    if (last?.type === 'text' && (item as Inline | undefined)?.type === 'text')
      out[out.length - 1] = { type: 'text', text: last.text + (item as { text: string }).text };
    else out.push(item);
  }
  return out;
}
