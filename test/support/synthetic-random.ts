// The synthetic archive's randomness: a seeded PRNG and the ways it picks, so one seed always gives one archive.

/** mulberry32: small, fast and good enough to vary text; the same seed gives the same archive. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

export const pickSome = <T>(random: Random, list: readonly T[], count: number): T[] => {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return out;
};

export const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** A template filled in from left to right: `{2-19}` is a whole number from 2 to 19, `{first|second}` one word. */
export const fillIn = (random: Random, template: string) =>
  template.replace(/\{(\d+)-(\d+)\}|\{([^}]+)\}/g, (_, min?: string, max?: string, words?: string) => {
    if (min !== undefined) return String(between(random, Number(min), Number(max)));
    const choices = words!.split('|');
    return choices[between(random, 0, choices.length - 1)]!;
  });

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const slugOf = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** An instant as the content writes it: KST with its offset, to the minute. */
export function kstInstant(ms: number): string {
  return `${new Date(ms + 9 * 3_600_000).toISOString().slice(0, 16)}:00+09:00`;
}
