import localFont from 'next/font/local';

// Source Serif 4, cut by scripts/assets/make-fonts.ts (what it keeps and why: scripts/lib/text-face.ts) into a
// core file every page preloads and an extra file only pages with rarer characters fetch. The
// unicode-range values below are what that script prints; test/text-face.test.ts checks them against the
// files. next/font sizes a local fallback to match.
//
// Preloaded, display 'optional', and never named after a generic family (next/font names each face after
// its const): why, docs/decisions/0004-text-face-cut.md. e2e/share-and-photos.spec.ts pins both outcomes.

/** The text face: Basic Latin and typographic punctuation, weights 400–800, preloaded. */
export const textFace = localFont({
  src: [{ path: './fonts/source-serif-4-text-core.woff2', style: 'normal', weight: '400 800' }],
  variable: '--font-serif',
  display: 'optional',
  adjustFontFallback: 'Times New Roman',
  fallback: ['Georgia', 'Times New Roman', 'serif'],
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+20-7E, U+A0, U+A3, U+A5, U+A9, U+B0, U+B7, U+D7, U+2013-2014, U+2018-201A, U+201C-201E, U+2022, U+2026, U+2032-2033, U+2039-203A, U+20AC, U+2122, U+2212',
    },
  ],
});

/**
 * Accented letters and rarer signs of the same face. Listed before the core face in --font-text: its
 * unicode-range leaves out every core character, so a page fetches it only if it has one of these.
 */
export const textFaceExtra = localFont({
  src: [{ path: './fonts/source-serif-4-text-extra.woff2', style: 'normal', weight: '400 800' }],
  variable: '--font-serif-extra',
  display: 'optional',
  preload: false,
  // No fallback of its own: characters it does not cover must fall through to the core face.
  adjustFontFallback: false,
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+A1-A2, U+A4, U+A6-A8, U+AA-AF, U+B1-B6, U+B8-D6, U+D8-FF, U+131, U+152-153, U+2BB-2BC, U+2C6, U+2DA, U+2DC, U+300-301, U+303-304, U+308-309, U+323, U+329, U+2002, U+2009, U+200B, U+2044, U+2191, U+2193, U+2215',
    },
  ],
});

/**
 * The true italic of the same face, for emphasis and pull-quotes (docs/decisions/0042). Never preloaded and
 * only named by italic text in the face (app/globals.css), so a page without such text never fetches it;
 * display 'optional' as above: arriving late, it is not used on that page view, and nothing moves.
 */
export const textFaceItalic = localFont({
  src: [{ path: './fonts/source-serif-4-text-italic.woff2', style: 'italic', weight: '400' }],
  variable: '--font-serif-italic',
  display: 'optional',
  preload: false,
  adjustFontFallback: false,
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+20-7E, U+A0, U+A3, U+A5, U+A9, U+B0, U+B7, U+D7, U+2013-2014, U+2018-201A, U+201C-201E, U+2022, U+2026, U+2032-2033, U+2039-203A, U+20AC, U+2122, U+2212',
    },
  ],
});
