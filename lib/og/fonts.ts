/**
 * Fonts for the Open Graph card from installed packages, cut to the card's text: Satori fetches any glyph its
 * fonts lack from the internet, so every glyph comes from Source Serif 4, Noto Sans KR or Noto Emoji, and any
 * other character is replaced (`coverText`). Subsetting matters: Noto Sans KR is 6 MB per weight.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';

type Weight = 400 | 700;

interface FontFile {
  /** The CSS family name the card's styles use. */
  name: string;
  weight: Weight;
  file: string;
}

export const SERIF = 'Source Serif 4';
export const SANS = 'Noto Sans KR';
export const EMOJI = 'Noto Emoji';

// Order matters: Satori falls back through the fonts in this order for glyphs the styled family lacks.
const FONT_FILES: FontFile[] = [
  { name: SERIF, weight: 700, file: '@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf' },
  { name: SANS, weight: 700, file: '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf' },
  { name: SANS, weight: 400, file: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf' },
  { name: EMOJI, weight: 400, file: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf' },
];

/** The shape ImageResponse's `fonts` option takes. */
export interface CardFont {
  name: string;
  data: ArrayBuffer;
  weight: Weight;
  style: 'normal';
}

export interface CardFonts {
  /** For ImageResponse's `fonts` option. */
  fonts: CardFont[];
  /** Width of `text` at `fontSize` px in `family`/`weight`, falling back through the fonts as Satori does. */
  measure(text: string, family: string, weight: Weight, fontSize: number): number;
}

// Read from node_modules relative to the project root: the same path works in `next build` and in tsx.
const raw = new Map<string, Promise<Buffer>>();
function readFontFile(file: string): Promise<Buffer> {
  let data = raw.get(file);
  if (!data) {
    data = readFile(path.join(process.cwd(), 'node_modules', file));
    raw.set(file, data);
  }
  return data;
}

function hasCharacterMap(font: fontkit.Font): boolean {
  try {
    return font.characterSet.length > 0;
  } catch {
    return false;
  }
}

const graphemes = (text: string) =>
  Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text), (s) => s.segment);
const isSpace = (g: string) => /^\s+$/u.test(g);

/**
 * Characters most cards are made of: printable ASCII, Latin-1, typographic punctuation. Each font is cut
 * to these once per process; a card whose text stays within them is cut from that small copy, which is
 * fast, instead of from the full file (Noto Sans KR: 6 MB to parse per cut).
 */
const COMMON = (() => {
  let chars = ' …□';
  for (let cp = 0x21; cp <= 0x7e; cp++) chars += String.fromCodePoint(cp);
  for (let cp = 0xa0; cp <= 0xff; cp++) chars += String.fromCodePoint(cp);
  for (let cp = 0x2010; cp <= 0x2027; cp++) chars += String.fromCodePoint(cp);
  return chars;
})();
const COMMON_SET = new Set(COMMON);

const commonCuts = new Map<string, Promise<Buffer>>();
function commonCut(file: string): Promise<Buffer> {
  let cut = commonCuts.get(file);
  if (!cut) {
    cut = readFontFile(file).then((data) => subsetFont(data, COMMON, { targetFormat: 'sfnt' }));
    commonCuts.set(file, cut);
  }
  return cut;
}

interface CutFont extends FontFile {
  data: Buffer;
  font: fontkit.Font;
}

/** Cuts for recent character sets: a crawler asking for the same card again, or a card re-rendered, costs nothing. */
const cuts = new Map<string, Promise<CutFont[]>>();
const MAX_CACHED_CUTS = 100;

function cutFonts(needed: string): Promise<CutFont[]> {
  const cached = cuts.get(needed);
  if (cached) {
    // Most recently used last, so the oldest is dropped first.
    cuts.delete(needed);
    cuts.set(needed, cached);
    return cached;
  }
  const common = Array.from(needed).every((c) => COMMON_SET.has(c));
  const cut = Promise.all(
    FONT_FILES.map(async (f) => {
      const source = common ? await commonCut(f.file) : await readFontFile(f.file);
      const data = await subsetFont(source, needed, { targetFormat: 'sfnt' });
      return { ...f, data, font: fontkit.create(data) as fontkit.Font };
    }),
  );
  cuts.set(needed, cut);
  cut.catch(() => cuts.delete(needed));
  if (cuts.size > MAX_CACHED_CUTS) cuts.delete(cuts.keys().next().value!);
  return cut;
}

/** Forgets every card's font cuts (not the common copies): for timing a card as if it were new. */
export function clearCardFontCuts(): void {
  cuts.clear();
}

/** The fonts for a card showing `text`, each holding only the glyphs that text needs. */
export async function loadCardFonts(text: string): Promise<CardFonts> {
  // The ellipsis is Satori's, for a headline clamped at the smallest size; the space is for measuring.
  const needed = Array.from(new Set(graphemes(`${text} …`)))
    .sort()
    .join('');
  const cut = await cutFonts(needed);
  // A font with none of the text's characters comes out without a character map: leave it out.
  const parsed = cut.filter((s) => hasCharacterMap(s.font));

  const fontFor = (grapheme: string, family: string, weight: Weight) => {
    const cp = grapheme.codePointAt(0)!;
    const styled = parsed
      .filter((p) => p.name === family)
      .sort((a, b) => Math.abs(a.weight - weight) - Math.abs(b.weight - weight));
    return [...styled, ...parsed.filter((p) => p.name !== family)].find((p) => p.font.hasGlyphForCodePoint(cp));
  };

  return {
    fonts: parsed.map((s) => ({
      name: s.name,
      weight: s.weight,
      style: 'normal',
      data: s.data.buffer.slice(s.data.byteOffset, s.data.byteOffset + s.data.byteLength) as ArrayBuffer,
    })),
    measure(text, family, weight, fontSize) {
      // Runs of graphemes set in the same font are laid out together, so kerning counts.
      let width = 0;
      let run = '';
      let runFont: fontkit.Font | undefined;
      const flush = () => {
        if (run && runFont) width += (runFont.layout(run).advanceWidth / runFont.unitsPerEm) * fontSize;
        run = '';
      };
      for (const g of graphemes(text)) {
        const font = fontFor(g, family, weight)?.font;
        if (font !== runFont) flush();
        runFont = font;
        run += g;
      }
      flush();
      return width;
    },
  };
}

// Checked against the full fonts, once per process: which characters some card font can draw.
let coverage: Promise<fontkit.Font[]> | undefined;

/**
 * `text` with every character that no card font can draw replaced by a white square (□, which Noto Sans KR
 * has), so Satori never goes looking for a font on the internet, plus the characters replaced.
 */
export async function coverText(text: string): Promise<{ text: string; missing: string[] }> {
  coverage ??= Promise.all(FONT_FILES.map(async (f) => fontkit.create(await readFontFile(f.file)) as fontkit.Font));
  const fonts = await coverage;
  const missing: string[] = [];
  const out = graphemes(text)
    .map((g) => {
      if (isSpace(g) || fonts.some((f) => f.hasGlyphForCodePoint(g.codePointAt(0)!))) return g;
      missing.push(g);
      return '\u25A1';
    })
    .join('');
  return { text: out, missing };
}
