/**
 * The lead photo in the three aspect ratios Google asks of a NewsArticle's images (16:9, 4:3, 1:1),
 * cut from the file at build time by the route app/stories/[slug]/images/[ratio].
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cropToFill, type FocalPoint } from '@/lib/images/focal-point';

export const PHOTO_CROPS = {
  '16x9': { width: 1200, height: 675 },
  '4x3': { width: 1200, height: 900 },
  '1x1': { width: 1200, height: 1200 },
} as const;

export type CropRatio = keyof typeof PHOTO_CROPS;

export const CROP_RATIOS = Object.keys(PHOTO_CROPS) as CropRatio[];

export const isCropRatio = (value: string): value is CropRatio => Object.hasOwn(PHOTO_CROPS, value);

/** Site path of a story photo crop, e.g. /stories/x/images/16x9 */
export const photoCropPath = (storyPath: string, ratio: CropRatio) => `${storyPath}/images/${ratio}`;

/** The photo at `src` (a path under public/) cropped to fill `ratio` around its focal point, as JPEG. */
export async function cropPhoto(src: string, ratio: CropRatio, focalPoint?: FocalPoint): Promise<Buffer> {
  const file = await readFile(path.join(process.cwd(), 'public', src));
  return (await cropToFill(file, PHOTO_CROPS[ratio], focalPoint)).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}
