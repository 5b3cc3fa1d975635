/**
 * Cuts the text face into the files pages use (what each keeps: scripts/lib/text-face.ts; why: decisions 0004 and 0042) and
 * prints the file name and unicode-range each @font-face rule in app/styles/01-text-face.css must declare (and the fallback's
 * metrics). The woff2 files are committed under public/fonts; test/text-face.test.ts fails when they are stale.
 *
 *   npx tsx scripts/assets/make-fonts.ts
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import {
  CORE_RANGES,
  fallbackMetrics,
  hashedFontName,
  inRanges,
  subsetOptions,
  TEXT_FACE_FOLDER,
  TEXT_FACE_ITALIC_SOURCE,
  TEXT_FACE_ITALIC_WEIGHT,
  TEXT_FACE_SOURCE,
  TEXT_FACE_WEIGHT,
  textFaceFiles,
  unicodeRange,
  type TextFaceCut,
} from '../lib/text-face';

const root = process.cwd();

/** A source font's characters, without the control characters and U+FFFF its cmap has but text never does. */
function characters(source: Buffer): number[] {
  const font = fontkit.create(source) as fontkit.Font;
  return font.characterSet.filter((cp) => cp >= 0x20 && cp < 0xfffe);
}

/** Writes `codePoints` of `source` at `weight` into one of the text face's files and prints its unicode-range. */
async function cut(
  source: Buffer,
  codePoints: number[],
  weight: typeof TEXT_FACE_WEIGHT | number,
  name: TextFaceCut,
): Promise<void> {
  const woff2 = await subsetFont(source, String.fromCodePoint(...codePoints), subsetOptions(weight));
  for (const old of textFaceFiles(name, root)) rmSync(path.join(root, old));
  const file = `${TEXT_FACE_FOLDER}/${hashedFontName(name, woff2)}`;
  writeFileSync(path.join(root, file), woff2);
  console.log(`${file}: ${(woff2.length / 1024).toFixed(1)} KB, ${codePoints.length} characters`);
  console.log(`  src: url(/${file.slice('public/'.length)}) format('woff2');`);
  console.log(`  unicode-range: ${unicodeRange(codePoints)};`);
  if (name === 'core')
    for (const [property, value] of Object.entries(fallbackMetrics(woff2)))
      console.log(`  fallback ${property}: ${value};`);
}

async function main() {
  const source = readFileSync(path.join(root, TEXT_FACE_SOURCE));
  const available = characters(source);
  await cut(
    source,
    available.filter((cp) => inRanges(cp, CORE_RANGES)),
    TEXT_FACE_WEIGHT,
    'core',
  );
  await cut(
    source,
    available.filter((cp) => !inRanges(cp, CORE_RANGES)),
    TEXT_FACE_WEIGHT,
    'extra',
  );
  const italicSource = readFileSync(path.join(root, TEXT_FACE_ITALIC_SOURCE));
  const italic = characters(italicSource).filter((cp) => inRanges(cp, CORE_RANGES));
  await cut(italicSource, italic, TEXT_FACE_ITALIC_WEIGHT, 'italic');
}

await main();
