/**
 * The lead photo in the three aspect ratios Google asks of a NewsArticle's images (16:9, 4:3, 1:1),
 * cut from the file at build time (or on first request) by the route app/stories/[slug]/images/[ratio].
 */
import { photoBytes } from '@/lib/content/serving/photos';
import type { Photo } from '@/lib/content/model/types';
import { cropToFill } from '@/lib/images/focal-point';

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

/** The photo cropped to fill `ratio` around its focal point, as JPEG. */
export async function cropPhoto(
  photo: Pick<Photo, 'src' | 'sha256' | 'focalPoint'>,
  ratio: CropRatio,
): Promise<Buffer> {
  return (await cropToFill(await photoBytes(photo), PHOTO_CROPS[ratio], photo.focalPoint))
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
}
