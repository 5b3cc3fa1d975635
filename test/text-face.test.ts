import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import {
  CORE_RANGES,
  fallbackMetrics,
  hashedFontName,
  inRanges,
  subsetOptions,
  TEXT_FACE_FEATURES,
  TEXT_FACE_ITALIC_SOURCE,
  TEXT_FACE_ITALIC_WEIGHT,
  TEXT_FACE_SOURCE,
  TEXT_FACE_WEIGHT,
  textFaceFiles,
  unicodeRange,
  type TextFaceCut,
} from '../scripts/lib/text-face';

// The committed text-face files must be what scripts/assets/make-fonts.ts makes now, named after their bytes, and
// app/styles/01-text-face.css must name each one and declare the characters it really has: otherwise a browser fetches the
// wrong file, or none, or keeps a stale one for a year.
const root = process.cwd();
const open = (file: string) => fontkit.create(readFileSync(path.join(root, file))) as fontkit.Font;
const stylesheet = readFileSync(path.join(root, 'app/styles/01-text-face.css'), 'utf8');
/** The committed file of each cut (the test below checks there is exactly one). */
const TEXT_FACE_FILES = Object.fromEntries(
  (['core', 'extra', 'italic'] as const).map((cut) => [cut, textFaceFiles(cut, root)[0]!]),
) as Record<TextFaceCut, string>;
/** The @font-face rule whose url() is this file. */
const faceRule = (file: string) =>
  [...stylesheet.matchAll(/@font-face \{([^}]*)\}/g)]
    .map((m) => m[1]!)
    .find((rule) => rule.includes(`url(/${path.relative('public', file)})`));
const declared = (rule: string | undefined, property: string) =>
  rule
    ?.match(new RegExp(`${property}:\\s*([^;]+);`))?.[1]!
    .replace(/\s+/g, ' ')
    .trim();

test('each cut is one file under public/fonts, named after its bytes, and the stylesheet names it', () => {
  for (const cut of ['core', 'extra', 'italic'] as const) {
    const files = textFaceFiles(cut, root);
    assert.equal(files.length, 1, `${cut}: ${files.join(', ')}`);
    assert.equal(path.basename(files[0]!), hashedFontName(cut, readFileSync(path.join(root, files[0]!))));
    assert.ok(
      faceRule(files[0]!),
      `app/styles/01-text-face.css has an @font-face rule with url(/${path.relative('public', files[0]!)})`,
    );
  }
});

test('the fallback face has the metrics next/font computes from the core file', () => {
  const rule = stylesheet.match(/@font-face \{([^}]*font-family: 'textFace Fallback'[^}]*)\}/)![1];
  for (const [property, value] of Object.entries(fallbackMetrics(readFileSync(path.join(root, TEXT_FACE_FILES.core)))))
    assert.equal(parseFloat(declared(rule, property)!), parseFloat(value), property);
});

test('the core file has Basic Latin and typographic punctuation, the extra file the rest of the Latin subset, and nothing overlaps', () => {
  const core = open(TEXT_FACE_FILES.core).characterSet.filter((cp) => cp >= 0x20 && cp < 0xfffe);
  const extra = open(TEXT_FACE_FILES.extra).characterSet.filter((cp) => cp >= 0x20 && cp < 0xfffe);
  for (let cp = 0x20; cp <= 0x7e; cp++) assert.ok(core.includes(cp), `core has U+${cp.toString(16)}`);
  for (const c of '‘’“”–—…') assert.ok(core.includes(c.codePointAt(0)!), `core has ${c}`);
  for (const c of 'éüñçÅœ') assert.ok(extra.includes(c.codePointAt(0)!), `extra has ${c}`);
  assert.ok(core.every((cp) => inRanges(cp, CORE_RANGES)));
  assert.deepEqual(
    core.filter((cp) => extra.includes(cp)),
    [],
  );
});

test('the stylesheet declares each file’s unicode-range as the characters it has', () => {
  for (const file of Object.values(TEXT_FACE_FILES)) {
    const has = open(file).characterSet.filter((cp) => cp >= 0x20 && cp < 0xfffe);
    assert.equal(
      declared(faceRule(file), 'unicode-range'),
      unicodeRange(has),
      `${file} in app/styles/01-text-face.css`,
    );
  }
});

test('the roman files keep only the weights pages use (400 to 800), no other axis, and are small', () => {
  for (const file of [TEXT_FACE_FILES.core, TEXT_FACE_FILES.extra]) {
    const axes = open(file).variationAxes;
    assert.deepEqual(Object.keys(axes), ['wght'], file);
    assert.equal(axes.wght!.min, TEXT_FACE_WEIGHT.min);
    assert.equal(axes.wght!.max, TEXT_FACE_WEIGHT.max);
  }
  // The preloaded file: every first paint waits for it.
  assert.ok(readFileSync(path.join(root, TEXT_FACE_FILES.core)).length < 28 * 1024);
});

test('the italic is a true italic at weight 400 with the core characters, never preloaded', async () => {
  const italic = open(TEXT_FACE_FILES.italic);
  assert.deepEqual(Object.keys(italic.variationAxes), []);
  assert.match(italic.subfamilyName, /Italic/);
  const has = italic.characterSet.filter((cp) => cp >= 0x20 && cp < 0xfffe);
  assert.deepEqual(
    has,
    open(TEXT_FACE_FILES.core).characterSet.filter((cp) => cp >= 0x20 && cp < 0xfffe),
  );
  const made = await subsetFont(
    readFileSync(path.join(root, TEXT_FACE_ITALIC_SOURCE)),
    String.fromCodePoint(...has),
    subsetOptions(TEXT_FACE_ITALIC_WEIGHT),
  );
  assert.ok(
    made.equals(readFileSync(path.join(root, TEXT_FACE_FILES.italic))),
    'run npx tsx scripts/assets/make-fonts.ts and commit the files',
  );
  assert.equal(declared(faceRule(TEXT_FACE_FILES.italic), 'font-style'), 'italic');
});

test('the committed files are what scripts/assets/make-fonts.ts makes from the installed package (not stale)', async () => {
  const source = readFileSync(path.join(root, TEXT_FACE_SOURCE));
  const core = open(TEXT_FACE_FILES.core).characterSet.filter((cp) => cp >= 0x20 && cp < 0xfffe);
  const made = await subsetFont(source, String.fromCodePoint(...core), subsetOptions(TEXT_FACE_WEIGHT));
  assert.ok(
    made.equals(readFileSync(path.join(root, TEXT_FACE_FILES.core))),
    'run npx tsx scripts/assets/make-fonts.ts and commit the files',
  );
});

test('the files keep only the OpenType features pages use, and their figures are tabular', () => {
  for (const file of Object.values(TEXT_FACE_FILES)) {
    const font = open(file) as fontkit.Font & Record<'GSUB' | 'GPOS', { featureList: { tag: string }[] } | undefined>;
    const tags = new Set([...(font.GSUB?.featureList ?? []), ...(font.GPOS?.featureList ?? [])].map((f) => f.tag));
    assert.deepEqual(
      [...tags].filter((tag) => !TEXT_FACE_FEATURES.includes(tag)),
      [],
      file,
    );
    assert.ok(tags.has('kern'), `${file} keeps its kerning`);
  }
  assert.ok(open(TEXT_FACE_FILES.core).availableFeatures.includes('liga'), 'the core file keeps its ligatures');
  // Tables ask for tabular-nums: the default figures must be tabular already, as tnum went with pnum's glyphs.
  for (const file of [TEXT_FACE_FILES.core, TEXT_FACE_FILES.italic]) {
    const widths = new Set([...'0123456789'].map((d) => open(file).glyphForCodePoint(d.codePointAt(0)!).advanceWidth));
    assert.equal(widths.size, 1, `${file}: figures of one width`);
  }
});

test('unicodeRange writes runs and single code points the way CSS reads them', () => {
  assert.equal(unicodeRange([0x41, 0x20, 0x21, 0x22, 0x2014]), 'U+20-22, U+41, U+2014');
});
