import localFont from 'next/font/local';

// Source Serif 4, variable weight, Latin subset, from the @fontsource-variable package: no network at
// build. next/font sizes a local fallback to match. display 'optional': if a face is not there by first
// paint (a slow phone network), the page keeps the fallback instead of reflowing; the size-adjusted
// fallback needs a local Times New Roman, which Linux and Android lack, so a late swap there shifts text.

/** The text face, preloaded: every page's first paint uses it. */
export const serif = localFont({
  src: [{ path: '../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2', style: 'normal', weight: '200 900' }],
  variable: '--font-serif',
  display: 'optional',
  fallback: ['Georgia', 'Times New Roman', 'serif'],
});

/**
 * The italic, only for pull-quotes, which sit below the fold: not preloaded, so its 50 KB does not
 * compete with the headline, the lead photo and the text face on a slow network.
 */
export const serifItalic = localFont({
  src: [{ path: '../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2', style: 'italic', weight: '200 900' }],
  variable: '--font-serif-italic',
  display: 'swap',
  preload: false,
  fallback: ['Georgia', 'Times New Roman', 'serif'],
});
