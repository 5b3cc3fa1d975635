import localFont from 'next/font/local';

// Source Serif 4, variable weight, Latin subset, from the @fontsource-variable package: no network at
// build. next/font preloads it and sizes a local fallback to match, so swapping fonts shifts nothing.
export const serif = localFont({
  src: [
    { path: '../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2', style: 'normal', weight: '200 900' },
    { path: '../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2', style: 'italic', weight: '200 900' },
  ],
  variable: '--font-serif',
  display: 'swap',
  fallback: ['Georgia', 'Times New Roman', 'serif'],
});
