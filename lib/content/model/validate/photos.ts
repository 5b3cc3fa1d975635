// Photo rules: alt text or decorative, no credit in the caption, the file exists under public/ and is wide enough.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { ImageFile, Report } from './problems';
import { isRecord, textOf, type LooseStory } from './values';

export const MIN_LEAD_PHOTO_WIDTH = 1200;

/** The file for a photo's src in public/ (the running site's, or `publicDir`), if the src stays inside it. */
export function publicPhotoFile(src: string, publicDir = path.join(process.cwd(), 'public')): string | undefined {
  // Not a file the server needs traced into its output (Turbopack would trace the whole project).
  const dir = path.resolve(/* turbopackIgnore: true */ publicDir);
  const file = path.resolve(/* turbopackIgnore: true */ dir, `.${src}`);
  return file.startsWith(dir + path.sep) ? file : undefined;
}

async function readImageFile(file: string): Promise<ImageFile | undefined> {
  try {
    const data = await readFile(file);
    const meta = await sharp(data).metadata();
    if (!meta.width || !meta.height) return undefined;
    const identity = { bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
    // EXIF orientations 5–8 are displayed rotated by a quarter turn.
    const rotated = (meta.orientation ?? 1) >= 5;
    return rotated
      ? { width: meta.height, height: meta.width, ...identity }
      : { width: meta.width, height: meta.height, ...identity };
  } catch {
    return undefined;
  }
}

/** The story's photos as [field path, photo]: the lead photo, then each photo block's. */
function storyPhotos(story: LooseStory): [string, unknown][] {
  const body: unknown[] = Array.isArray(story.body) ? story.body : [];
  const photos: [string, unknown][] = [['leadPhoto', story.leadPhoto]];
  body.forEach((block, i) => {
    if (isRecord(block) && block.type === 'photo') photos.push([`body[${i}].photo`, block.photo]);
  });
  return photos;
}

function checkPhotoText(field: string, photo: Record<string, unknown>, report: Report) {
  if (!textOf(photo.alt) && photo.decorative !== true) {
    report.error(
      `${field}.alt`,
      'alt text is missing — describe what the photo shows, or set decorative: true if it shows nothing of meaning',
    );
  }
  const caption = textOf(photo.caption)
    .toLowerCase()
    .replace(/[\s.)]+$/, '');
  const credit = textOf(photo.credit);
  if (credit && caption.endsWith(credit.toLowerCase())) {
    report.warning(
      `${field}.caption`,
      `caption ends with the credit "${credit}" — remove it from the caption; the credit field prints it`,
    );
  }
}

/** Where the photos are read from, and what was read: each file once per check (keyed by src). */
export interface PhotoFiles {
  publicDir: string;
  images: Map<string, ImageFile>;
}

async function checkPhotoFile(field: string, src: string, files: PhotoFiles, report: Report) {
  const imageFile = publicPhotoFile(src, files.publicDir);
  const size = files.images.get(src) ?? (imageFile ? await readImageFile(imageFile) : undefined);
  if (!size) {
    report.error(
      `${field}.src`,
      `image file public${src} was not found or is not an image — add the file under public/ or correct the path`,
    );
    return;
  }
  files.images.set(src, size);
  if (field === 'leadPhoto' && size.width < MIN_LEAD_PHOTO_WIDTH) {
    report.error(
      `${field}.src`,
      `lead photo is ${size.width} px wide — use a file at least ${MIN_LEAD_PHOTO_WIDTH} px wide so it stays sharp in link previews`,
    );
  }
}

export async function checkPhotos(story: LooseStory, files: PhotoFiles, report: Report): Promise<void> {
  for (const [field, photo] of storyPhotos(story)) {
    if (!isRecord(photo)) continue;
    checkPhotoText(field, photo, report);
    if (typeof photo.src === 'string' && photo.src.startsWith('/'))
      await checkPhotoFile(field, photo.src, files, report);
  }
}
