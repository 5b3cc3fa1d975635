/**
 * A story photo's bytes, wherever the running site has them: the release's public/ (every photo the build
 * knew), else the published store, where `content:publish` put the photos a release may lack (by content
 * hash), so a new story with a new photo needs no deploy (docs/operations/publishing.md).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Photo } from '../model/types';
import { publicPhotoFile } from '../model/validate';

const PHOTO_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** A photo's media type by its file name's extension, or undefined for anything else. */
export const photoContentType = (src: string): string | undefined => PHOTO_TYPES[path.extname(src).toLowerCase()];

export async function photoBytes(photo: Pick<Photo, 'src' | 'sha256'>): Promise<Buffer> {
  const file = publicPhotoFile(photo.src);
  const onDisk = file && (await readFile(file).catch(() => undefined));
  if (onDisk) return onDisk;
  // Only a production server reads the store; next dev and tests have every photo in public/.
  const { livePhoto } = await import('./served-content');
  const stored = await livePhoto(photo.sha256);
  if (!stored) throw new Error(`photo ${photo.src} is neither in public/ nor in the published store`);
  return stored;
}
