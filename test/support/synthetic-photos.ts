// The synthetic archive's stand-in photos: a few 1600×1000 frames, each with a labelled subject to crop around.
import sharp from 'sharp';

export interface PhotoSpec {
  file: string;
  /** Where the subject is, as a fraction of width and height: off-centre ones get a focal point. */
  focus: { x: number; y: number };
  hue: string;
}

export const SYNTHETIC_PHOTOS: PhotoSpec[] = [
  { file: 'synthetic-1.jpg', focus: { x: 0.5, y: 0.5 }, hue: '#2f4f6f' },
  { file: 'synthetic-2.jpg', focus: { x: 0.15, y: 0.5 }, hue: '#6f2f3f' },
  { file: 'synthetic-3.jpg', focus: { x: 0.85, y: 0.3 }, hue: '#2f6f4f' },
  { file: 'synthetic-4.jpg', focus: { x: 0.5, y: 0.15 }, hue: '#5f4f2f' },
  { file: 'synthetic-5.jpg', focus: { x: 0.25, y: 0.8 }, hue: '#3f2f6f' },
  { file: 'synthetic-6.jpg', focus: { x: 0.5, y: 0.5 }, hue: '#2f5f6f' },
];
const PHOTO_SIZE = { width: 1600, height: 1000 };
export const SYNTHETIC_PHOTO_DIR = 'public/images/stories/synthetic';

/** The src a story gives the photo: its path under public/. */
export const photoSrc = (photo: PhotoSpec) => `/${SYNTHETIC_PHOTO_DIR.replace(/^public\//, '')}/${photo.file}`;

export const isCentred = (p: PhotoSpec) => p.focus.x === 0.5 && p.focus.y === 0.5;

export async function drawPhoto(spec: PhotoSpec, index: number): Promise<Buffer> {
  const { width, height } = PHOTO_SIZE;
  const cx = spec.focus.x * width;
  const cy = spec.focus.y * height;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="${spec.hue}"/>
  <circle cx="${cx}" cy="${cy}" r="150" fill="#f2c14e"/>
  <text x="${cx}" y="${cy + 22}" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="64" fill="#1d242c">${index + 1}</text>
  <text x="40" y="${height - 40}" font-family="DejaVu Sans, sans-serif" font-size="36" fill="#e8ecf0">Synthetic stand-in photo ${index + 1}</text>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
}
