import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
// next/font's own computation, which the site used through next/font/local before the faces moved into the stylesheet.
// An internal path of Next's: an upgrade that moves it fails make-fonts.ts and test/text-face.test.ts at once.
import { getFallbackMetricsFromFontFile } from 'next/dist/compiled/@next/font/dist/local/get-fallback-metrics-from-font-file.js';

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

/**
 * The OpenType features the files keep: those browsers apply by default (kerning, ligatures, marks, contextual and
 * local forms), and tnum for tables (font-variant-numeric), though the default figures are tabular already. The
 * source's fractions and proportional figures are never asked for; their glyphs were 15% of the core file.
 */
export const TEXT_FACE_FEATURES = [
  'kern',
  'liga',
  'clig',
  'calt',
  'ccmp',
  'locl',
  'rlig',
  'rvrn',
  'mark',
  'mkmk',
  'tnum',
];

/** subset-font's options for a cut at `weight` (make-fonts.ts and test/text-face.test.ts make the files alike). */
export const subsetOptions = (weight: typeof TEXT_FACE_WEIGHT | number) => ({
  targetFormat: 'woff2' as const,
  variationAxes: { wght: weight },
  keepFeatures: TEXT_FACE_FEATURES,
});

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

/** Where the cut files are served from (/fonts/…), and each cut's name before its hash. */
export const TEXT_FACE_FOLDER = 'public/fonts';
export const TEXT_FACE_NAMES = {
  core: 'source-serif-4-text-core',
  extra: 'source-serif-4-text-extra',
  italic: 'source-serif-4-text-italic',
} as const;
export type TextFaceCut = keyof typeof TEXT_FACE_NAMES;

/**
 * A cut's file name: its name, then the first 12 hex digits of its SHA-256. A changed file gets a new address, so
 * browsers and the edge may keep each one for a year (next.config.js: /fonts/ is immutable).
 */
export const hashedFontName = (cut: TextFaceCut, bytes: Buffer) =>
  `${TEXT_FACE_NAMES[cut]}.${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.woff2`;

/** The committed files of a cut under public/fonts (one, unless make-fonts.ts left an old one behind). */
export const textFaceFiles = (cut: TextFaceCut, root = process.cwd()): string[] =>
  readdirSync(path.join(root, TEXT_FACE_FOLDER))
    .filter((file) => file.startsWith(`${TEXT_FACE_NAMES[cut]}.`) && file.endsWith('.woff2'))
    .map((file) => `${TEXT_FACE_FOLDER}/${file}`);

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

/**
 * The metrics a local Times New Roman is given so the page is laid out alike before and without the core face
 * (the "textFace Fallback" @font-face in app/styles/01-text-face.css): no shift if the face arrives within its block period.
 */
export function fallbackMetrics(
  core: Buffer,
): Record<'ascent-override' | 'descent-override' | 'line-gap-override' | 'size-adjust', string> {
  const metrics = getFallbackMetricsFromFontFile(fontkit.create(core) as fontkit.Font, 'serif');
  return {
    'ascent-override': metrics.ascentOverride ?? '',
    'descent-override': metrics.descentOverride ?? '',
    'line-gap-override': metrics.lineGapOverride ?? '',
    'size-adjust': metrics.sizeAdjust ?? '',
  };
}
