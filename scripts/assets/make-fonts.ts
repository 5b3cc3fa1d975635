/**
 * Cuts the text face into the two files pages use (see scripts/assets/text-face.ts for what and why) and
 * prints the unicode-range each must declare in app/fonts.ts. Run after changing the ranges or the
 * package version; the woff2 files are committed. test/text-face.test.ts fails when they are stale.
 *
 *   npx tsx scripts/assets/make-fonts.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import {
  CORE_RANGES,
  inRanges,
  TEXT_FACE_FILES,
  TEXT_FACE_ITALIC_SOURCE,
  TEXT_FACE_ITALIC_WEIGHT,
  TEXT_FACE_SOURCE,
  TEXT_FACE_WEIGHT,
  unicodeRange,
} from './text-face';

const root = process.cwd();
const source = readFileSync(path.join(root, TEXT_FACE_SOURCE));
const font = fontkit.create(source) as fontkit.Font;
// Control characters and the U+FFFF noncharacter are in the source cmap but never in text.
const available = font.characterSet.filter((cp) => cp >= 0x20 && cp < 0xfffe);
const core = available.filter((cp) => inRanges(cp, CORE_RANGES));
const extra = available.filter((cp) => !inRanges(cp, CORE_RANGES));

for (const [name, codePoints] of [
  ['core', core],
  ['extra', extra],
] as const) {
  const text = String.fromCodePoint(...codePoints);
  const woff2 = await subsetFont(source, text, { targetFormat: 'woff2', variationAxes: { wght: TEXT_FACE_WEIGHT } });
  writeFileSync(path.join(root, TEXT_FACE_FILES[name]), woff2);
  console.log(`${TEXT_FACE_FILES[name]}: ${(woff2.length / 1024).toFixed(1)} KB, ${codePoints.length} characters`);
  console.log(`  unicode-range: ${unicodeRange(codePoints)}`);
}

// The italic: the core characters of the italic source at weight 400, for emphasis and pull-quotes.
const italicSource = readFileSync(path.join(root, TEXT_FACE_ITALIC_SOURCE));
const italicFont = fontkit.create(italicSource) as fontkit.Font;
const italic = italicFont.characterSet.filter((cp) => cp >= 0x20 && cp < 0xfffe && inRanges(cp, CORE_RANGES));
const italicWoff2 = await subsetFont(italicSource, String.fromCodePoint(...italic), {
  targetFormat: 'woff2',
  variationAxes: { wght: TEXT_FACE_ITALIC_WEIGHT },
});
writeFileSync(path.join(root, TEXT_FACE_FILES.italic), italicWoff2);
console.log(`${TEXT_FACE_FILES.italic}: ${(italicWoff2.length / 1024).toFixed(1)} KB, ${italic.length} characters`);
console.log(`  unicode-range: ${unicodeRange(italic)}`);
