/**
 * Draws the labelled stand-in for the seed story's Yonhap wire photo, which is not ours to redistribute: it
 * describes the photo in words and depicts no one. Run once; the JPEG is committed. To use the real photo,
 * replace the file: its size is read at build time.
 *
 *   npx tsx scripts/assets/make-standin-photo.ts
 */
import path from 'node:path';
import sharp from 'sharp';

const WIDTH = 2400;
const HEIGHT = 1600;
const OUT = 'public/images/stories/putin-heads-to-pyongyang.jpg';
const LINES = [
  'Yonhap file photo, Sept. 13, 2023:',
  'Russian President Vladimir Putin (right) and',
  'North Korean leader Kim Jong-un shake hands',
  'during their meeting in Russia.',
];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The picture as SVG. The label is 1000 px wide, narrower than any crop the site cuts (the social card's photo
 * panel takes 1117 px of the 2400), so with the story's focal point on it every crop shows it whole.
 */
function standinSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#3b4654"/><stop offset="1" stop-color="#1d242c"/>
    </linearGradient>
  </defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <rect x="80" y="80" width="${WIDTH - 160}" height="${HEIGHT - 160}" fill="none" stroke="#c9d1da" stroke-width="6" stroke-dasharray="28 18"/>
  <rect x="480" y="220" width="1000" height="120" rx="12" fill="#f2c14e"/>
  <text x="980" y="301" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="56" fill="#1d242c">STAND-IN FOR WIRE PHOTO</text>
  ${LINES.map(
    (line, i) =>
      `<text x="160" y="${620 + i * 115}" font-family="DejaVu Serif, serif" font-size="80" fill="#f4f6f8">${escapeXml(line)}</text>`,
  ).join('\n  ')}
  <text x="160" y="${HEIGHT - 200}" font-family="DejaVu Sans, sans-serif" font-size="44" fill="#c9d1da">The original photo (credit: Yonhap) is not redistributed here. Replace this file with it.</text>
</svg>`;
}

async function main() {
  const out = path.join(process.cwd(), OUT);
  await sharp(Buffer.from(standinSvg())).jpeg({ quality: 82, mozjpeg: true }).toFile(out);
  console.log(`wrote ${path.relative(process.cwd(), out)} (${WIDTH}×${HEIGHT})`);
}

await main();
