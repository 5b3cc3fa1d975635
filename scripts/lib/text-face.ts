/**
 * The text face's files, cut by make-fonts.ts from Source Serif 4's Latin files: `core` (Basic Latin and the
 * typographic punctuation English copy uses; preloaded), `extra` (the rest, fetched only for a page that has such a
 * character) and `italic` (core characters, weight 400). Why: decisions 0004 and 0042. Shared with the unit test.
 */
export const TEXT_FACE_SOURCE =
  'node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2';
export const TEXT_FACE_ITALIC_SOURCE =
  'node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2';

// 400 sets the text, 800 the wordmark; the italic is body text only, so one static weight (half the bytes).
export const TEXT_FACE_WEIGHT = { min: 400, max: 800 } as const;
export const TEXT_FACE_ITALIC_WEIGHT = 400;

/** Inclusive code point ranges of the core file (those the source font has). */
export const CORE_RANGES: [number, number][] = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0xa0], // no-break space
  [0xa3, 0xa3], // £
  [0xa5, 0xa5], // ¥
  [0xa9, 0xa9], // ©
  [0xb0, 0xb0], // °
  [0xb7, 0xb7], // ·
  [0xd7, 0xd7], // ×
  [0x2010, 0x2015], // hyphens and dashes
  [0x2018, 0x201f], // quotation marks
  [0x2020, 0x2022], // daggers, bullet
  [0x2026, 0x2026], // ellipsis
  [0x2030, 0x2030], // per mille
  [0x2032, 0x2033], // primes
  [0x2039, 0x203a], // single guillemets
  [0x20a9, 0x20a9], // won
  [0x20ac, 0x20ac], // euro
  [0x2122, 0x2122], // trade mark
  [0x2212, 0x2212], // minus
];

export const TEXT_FACE_FILES = {
  core: 'app/fonts/source-serif-4-text-core.woff2',
  extra: 'app/fonts/source-serif-4-text-extra.woff2',
  italic: 'app/fonts/source-serif-4-text-italic.woff2',
} as const;

export const inRanges = (codePoint: number, ranges: [number, number][]) =>
  ranges.some(([a, b]) => codePoint >= a && codePoint <= b);

/** Sorted code points as a CSS unicode-range value: "U+20-7E, U+A0, …". */
export function unicodeRange(codePoints: number[]): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase();
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i]!;
    parts.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`);
  }
  return parts.join(', ');
}
