/**
 * What keeps pages light (docs/decisions/0052): card photos list only the renditions their slot needs, the
 * inlined stylesheet is the source without comments or layout whitespace (its strings untouched), cut into the
 * sheets pages pick (in the source's order), and an
 * origin keeps resized photos within a byte budget.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import seed from '@/content/stories/2024/06/putin-heads-to-pyongyang';
import { StoryList } from '@/components/site/StoryList';
import { STORY_PHOTO_SIZES } from '@/components/story/PhotoFigure';
import { ResponsiveImage } from '@/components/ui/ResponsiveImage';
import { getStory } from '@/lib/content';
import { getResizedPhoto, setResizedPhoto } from '@/lib/cache/resized-photos.mjs';
import { provideStylesheet, sheetParts, STYLESHEET_MADE, stylesheetFiles, stylesheetParts } from '@/app/stylesheet';
import { printCss, SHEET_NAMES, sheetsCss, type SheetPart } from '@/lib/stylesheet-sheets';
import { existingSingleton } from '@/lib/process-singleton.mjs';

const srcsetWidths = (img: string) =>
  [...(img.match(/srcSet="([^"]*)"/)?.[1] ?? '').matchAll(/ (\d+)w/g)].map((match) => Number(match[1]));

test('a story card lists only the photo widths its slot is shown at, 1 and 2 dppx', async () => {
  const story = (await getStory(seed.slug))!;
  const html = renderToStaticMarkup(createElement(StoryList, { stories: [story], large: new Set<string>() }));
  const img = html.match(/<img[^>]*>/)![0];
  // 96 px on a phone (96, 192 → 256), 160 px from 48rem (160 → 256, 320 → 384).
  assert.deepEqual(srcsetWidths(img), [96, 256, 384]);
  assert.match(img, /src="[^"]*w=384&amp;q=75"/);
  // One density step, for the phone's slot: a 3 dppx phone gets the 2 dppx rendition (96 × 2.67 → 256). The
  // 160 px slot needs none: its 2 dppx pick, 384, is the widest listed, which denser screens get anyway.
  assert.equal(img.match(/min-resolution/g)?.length, 1);

  const large = renderToStaticMarkup(createElement(StoryList, { stories: [story], large: new Set([seed.slug]) }));
  // Across the column: a phone's 390 px (640, 780 → 828) up to --wide's 960 px (1080, 1920).
  assert.deepEqual(srcsetWidths(large.match(/<img[^>]*>/)![0]), [640, 828, 1080, 1920]);
});

test('a story photo lists renditions up to 1920 px, the widest slot at 2 dppx, and falls back to that one', async () => {
  const { leadPhoto } = (await getStory(seed.slug))!;
  const html = renderToStaticMarkup(
    createElement(ResponsiveImage, { ...leadPhoto, alt: leadPhoto.alt, sizes: STORY_PHOTO_SIZES }),
  );
  assert.deepEqual(srcsetWidths(html), [640, 750, 828, 1080, 1200, 1920]);
  assert.match(html, /src="[^"]*w=1920&amp;q=75"/);
});

test('the inlined stylesheet is app/styles minified: no comments or layout whitespace, strings as written', () => {
  provideStylesheet();
  const { parts } = existingSingleton(STYLESHEET_MADE) as { parts: SheetPart[] };
  const css = parts.map((part) => part.css + part.print).join('');
  const source = stylesheetFiles()
    .map((file) => file.source)
    .join('\n');
  assert.doesNotMatch(css, /\/\*|<\/style/i);
  // Line breaks are left only inside custom properties, whose values are kept as written.
  assert.doesNotMatch(css.replace(/--[\w-]+:[^;}]*/g, ''), /\n/);
  assert.ok(css.length < source.length * 0.8, `${css.length} of ${source.length} bytes`);
  // Quoted text is kept exactly (the print style's link addresses, the pull-quote marks).
  assert.ok(css.includes(`content:" ("attr(href)")"`), 'print links');
  assert.ok(css.includes('“'));
});

test('each part’s print rules are kept apart, in order, for the print stylesheet every page links', () => {
  const parts = sheetParts(
    '/* @sheet site */\n.a { color: red }\n@media print { .a { color: black } }\n@media (min-width: 40rem) { .a { margin: 0 } }\n' +
      '/* @sheet story */\n@media print { .b { display: none } }\n.b { color: blue }\n',
  );
  assert.deepEqual(parts, [
    {
      sheet: 'site',
      css: '.a{color:red}@media (min-width:40rem){.a{margin:0}}',
      print: '@media print{.a{color:#000}}',
    },
    { sheet: 'story', css: '.b{color:#00f}', print: '@media print{.b{display:none}}' },
  ]);
  assert.equal(printCss(parts), '@media print{.a{color:#000}}@media print{.b{display:none}}');
  // The site's own: no page inlines a print rule, and the print stylesheet has all of them.
  const site = stylesheetParts();
  assert.doesNotMatch(sheetsCss(site, new Set(SHEET_NAMES)), /@media print/);
  assert.match(printCss(site), /^@media print\{@page\{/);
});

test('the stylesheet is cut at its @sheet lines, and a page gets its sheets’ parts in the file’s order', () => {
  const parts = sheetParts(
    '/* @sheet site */\n.a { color: red }\n/* @sheet story */\n.b { color: blue }\n/* @sheet site */\n.c { margin: 0 }\n',
  );
  assert.deepEqual(parts, [
    { sheet: 'site', css: '.a{color:red}', print: '' },
    { sheet: 'story', css: '.b{color:#00f}', print: '' },
    { sheet: 'site', css: '.c{margin:0}', print: '' },
  ]);
  // The story page's cascade is the file's: .c after .b, though .c belongs to the sheet every page gets.
  assert.equal(sheetsCss(parts, new Set(['site', 'story'])), '.a{color:red}.b{color:#00f}.c{margin:0}');
  assert.equal(sheetsCss(parts, new Set(['site'])), '.a{color:red}.c{margin:0}');
  assert.throws(
    () => sheetParts('.a { color: red }\n/* @sheet site */\n'),
    /must begin with a \/\* @sheet name \*\/ line/,
  );
  assert.throws(() => sheetParts('/* @sheet sidebar */\n.a { color: red }\n'), /unknown sheet "sidebar"/);
  assert.throws(() => sheetParts('/* @sheet site */\n.a::after { content: "</style>" }\n'), /<\/style/);
});

test('every sheet of the site’s stylesheet has rules, and every page gets the site sheet first', () => {
  const parts = stylesheetParts();
  assert.deepEqual([...new Set(parts.map((part) => part.sheet))].sort(), [...SHEET_NAMES].sort());
  assert.equal(parts[0]!.sheet, 'site');
});

test('resized photos are kept until the budget is spent, least recently used out first', () => {
  process.env.RESIZED_PHOTO_CACHE_MB = String(3000 / 2 ** 20);
  const photo = (bytes: number) => ({ kind: 'IMAGE', buffer: Buffer.alloc(bytes), extension: 'avif' });
  try {
    setResizedPhoto('a', photo(1000));
    setResizedPhoto('b', photo(1000));
    assert.equal(getResizedPhoto('a')?.value.buffer.byteLength, 1000);
    // Over budget: b, the least recently used, goes; a (just read) and c stay.
    setResizedPhoto('c', photo(1500));
    assert.equal(getResizedPhoto('b'), null);
    assert.ok(getResizedPhoto('a') && getResizedPhoto('c'));
    // A photo larger than the whole budget is not kept, and evicts nothing.
    setResizedPhoto('huge', photo(4000));
    assert.equal(getResizedPhoto('huge'), null);
    assert.ok(getResizedPhoto('a'));
  } finally {
    delete process.env.RESIZED_PHOTO_CACHE_MB;
  }
});
