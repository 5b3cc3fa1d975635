/**
 * The floor app (bench/floor) copied for a run, with what its photo page needs from the site: the seed story's
 * lead photo file, at the same path, and the <img> attributes the story page gives it (components/story/PhotoFigure.tsx
 * through components/ui/ResponsiveImage.tsx), so the photo floor fetches the same rendition (decision 0052).
 */
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import seed from '../content/stories/2024/06/putin-heads-to-pyongyang';
import { STORY_PHOTO_SIZES } from '../components/story/PhotoFigure';
import { responsiveImageAttributes } from '../components/ui/ResponsiveImage';
import { PROJECT_ROOT } from '../test/support/temp-project';

export const FLOOR_DIR = path.join(PROJECT_ROOT, 'bench/floor');
/** The floor's two pages: the smallest App Router page, and the same with the story's lead photo. */
export const FLOOR_PAGES = { plain: '/', photo: '/photo' } as const;

/** Copies the floor to `floorCopy` (without build output), with the site's node_modules linked in. */
export async function copyFloor(floorCopy: string): Promise<void> {
  cpSync(FLOOR_DIR, floorCopy, {
    recursive: true,
    filter: (source) => !/(^|[/\\])\.next/.test(path.relative(FLOOR_DIR, source)),
  });
  execFileSync('cp', ['-al', path.join(PROJECT_ROOT, 'node_modules'), path.join(floorCopy, 'node_modules')]);
  const photo = seed.leadPhoto;
  const source = path.join(PROJECT_ROOT, 'public', photo.src);
  mkdirSync(path.dirname(path.join(floorCopy, 'public', photo.src)), { recursive: true });
  copyFileSync(source, path.join(floorCopy, 'public', photo.src));
  // Read from the file, as the site's content check does.
  const { width = 0, height = 0 } = await sharp(source).metadata();
  const attributes = responsiveImageAttributes({
    src: photo.src,
    width,
    height,
    alt: photo.alt ?? '',
    sizes: STORY_PHOTO_SIZES,
    priority: true,
  });
  writeFileSync(path.join(floorCopy, 'app/photo/photo.json'), `${JSON.stringify(attributes, null, 2)}\n`);
}
