/**
 * Crops that keep a photo's focal point in view (content: photo.focalPoint, fractions of width and height).
 * One rule for every crop: the social card and the structured-data crops cut with sharp through
 * `cropToFill`; listing thumbnails cut in the browser with CSS `object-position` from `objectPosition`.
 */
import sharp, { type Sharp } from 'sharp';
import type { FocalPoint } from '@/content/schema';

export type { FocalPoint };

export const CENTRE: FocalPoint = { x: 0.5, y: 0.5 };

export interface Size {
  width: number;
  height: number;
}

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The largest region of a `source`-sized image with the `target`'s aspect ratio, centred on the focal point
 * as far as the edges allow (a point near an edge gives a region against that edge).
 */
export function focalRegion(source: Size, target: Size, focal: FocalPoint = CENTRE): Region {
  const scale = Math.max(target.width / source.width, target.height / source.height);
  const width = Math.min(source.width, Math.round(target.width / scale));
  const height = Math.min(source.height, Math.round(target.height / scale));
  const clamp = (value: number, max: number) => Math.min(Math.max(Math.round(value), 0), max);
  return {
    left: clamp(focal.x * source.width - width / 2, source.width - width),
    top: clamp(focal.y * source.height - height / 2, source.height - height),
    width,
    height,
  };
}

/** The image resized to fill `target` exactly, cut around the focal point, as a sharp pipeline (format to choose). */
export async function cropToFill(image: Buffer, target: Size, focal?: FocalPoint): Promise<Sharp> {
  // Auto-orient first, so the focal point refers to the photo as displayed.
  const oriented = await sharp(image).rotate().toBuffer({ resolveWithObject: true });
  const region = focalRegion(oriented.info, target, focal);
  return sharp(oriented.data).extract(region).resize(target.width, target.height, { fit: 'fill' });
}

/** CSS object-position for a thumbnail cut by object-fit: cover, e.g. "15% 50%". */
export function objectPosition(focal: FocalPoint = CENTRE): string {
  const percent = (v: number) => `${Math.round(v * 1000) / 10}%`;
  return `${percent(focal.x)} ${percent(focal.y)}`;
}
