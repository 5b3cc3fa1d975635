import { getImageProps } from 'next/image';
import { preload } from 'react-dom';
import { PREVIEW_PATH } from '@/lib/preview/path';

interface ResponsiveImageProps {
  src: string;
  width: number;
  height: number;
  /** Empty for a decorative image. */
  alt: string;
  /** The slot's layout width, as in `sizes` ("(min-width: 1040px) 960px, 100vw"); the density cap is added here. */
  sizes: string;
  /** The page's largest paint: preloaded, fetched first and never lazy. */
  priority?: boolean;
  /** CSS object-position for a cropped display (object-fit: cover), e.g. from the photo's focal point. */
  objectPosition?: string;
  /**
   * The CSS widths a card's slot is shown at, when it has a few: the srcset then lists only the renditions
   * those need at 1 and 2 dppx, not every width the optimizer knows (decision 0052).
   */
  slotWidths?: readonly number[];
}

/**
 * Screens denser than 2 dppx get the rendition a 2 dppx screen would (as large news sites do: the eye
 * cannot tell 3× from 2× in a photo, a phone's link can). Each step declares the slot smaller by 2 ÷ its
 * lowest density, so the browser never picks more than about 2.2 pixels per CSS pixel.
 */
const DENSITY_STEPS = [3, 2.75, 2.5, 2.25];
/** A card's few renditions are far apart: one step keeps a 3 dppx screen on the 2 dppx one, in fewer bytes. */
const CARD_DENSITY_STEPS = [2.25];
const MAX_DENSITY = 2;
/** The widest slot (--wide, 960 CSS px) at that density: wider renditions are never picked, so never listed. */
const WIDEST_RENDITION = 1920;

/**
 * "(c) 960px, 100vw" → the same slots with density-capped variants before each. `renditions`, the widths the srcset
 * lists: a slot of fixed width whose 2 dppx pick is already the widest gets no caps (denser screens get that one
 * anyway), which spares each such image's markup a few hundred bytes.
 */
export function capDensity(
  sizes: string,
  steps: readonly number[] = DENSITY_STEPS,
  renditions: readonly number[] = [],
): string {
  const scale = (length: string, factor: number) => {
    const match = length.match(/^(\d+(?:\.\d+)?)(vw|px)$/);
    // Whole numbers: next/image reads `Nvw` to decide which widths a srcset needs.
    return match ? `${Math.round(Number(match[1]) * factor)}${match[2]}` : `calc(${length} * ${factor.toFixed(3)})`;
  };
  const widest = Math.max(...renditions);
  const pickedAtCap = (length: string) => {
    const px = length.match(/^(\d+(?:\.\d+)?)px$/);
    return px ? (renditions.find((w) => w >= Number(px[1]) * MAX_DENSITY) ?? widest) : undefined;
  };
  return sizes
    .split(',')
    .map((entry) => entry.trim())
    .flatMap((entry) => {
      const split = entry.match(/^(\(.*\))\s+(\S+)$/);
      const [condition, length] = split ? [split[1]!, split[2]!] : [undefined, entry];
      if (renditions.length > 0 && pickedAtCap(length) === widest) return [entry];
      const capped = steps.map((dppx) => {
        const resolution = `(min-resolution: ${dppx}dppx)`;
        return `${condition ? `${condition} and ${resolution}` : resolution} ${scale(length, MAX_DENSITY / dppx)}`;
      });
      return [...capped, entry];
    })
    .join(', ');
}

/**
 * The srcset entries a slot shown at `slotWidths` CSS pixels needs at 1 and 2 dppx: for each, the narrowest
 * rendition at least that wide (the browser picks the same one), or the widest there is.
 */
export function slotSrcSet(srcSet: string, slotWidths: readonly number[]): { srcSet: string; src: string } {
  const entries = srcSet.split(', ').map((entry) => {
    const [url = '', width = ''] = entry.split(' ');
    return { url, width: Number.parseInt(width, 10), entry };
  });
  const needed = new Set(
    slotWidths.flatMap((width) =>
      [1, MAX_DENSITY].map((dppx) => entries.find((e) => e.width >= width * dppx) ?? entries.at(-1)),
    ),
  );
  const kept = entries.filter((entry) => needed.has(entry));
  return { srcSet: kept.map((entry) => entry.entry).join(', '), src: kept.at(-1)?.url ?? '' };
}

/** The srcset's renditions up to `widest` pixels, and the widest of them as the fallback src. */
export function narrowerThan(srcSet: string, widest: number): { srcSet: string; src: string } {
  const entries = srcSet.split(', ').filter((entry) => Number.parseInt(entry.split(' ')[1] ?? '', 10) <= widest);
  return { srcSet: entries.join(', '), src: entries.at(-1)?.split(' ')[0] ?? '' };
}

type ImageAttributes = ReturnType<typeof getImageProps>['props'];

/**
 * The <img> attributes of a responsive photo: Next's srcset (AVIF or WebP by the browser's Accept header) cut to
 * the renditions the slot can pick, and `sizes` with the density cap. Shared with the benchmark's photo floor
 * (bench/floor-photo.ts), which must fetch the same rendition.
 */
export function responsiveImageAttributes({
  src,
  width,
  height,
  alt,
  sizes,
  priority = false,
  slotWidths,
}: Omit<ResponsiveImageProps, 'objectPosition'>): Omit<ImageAttributes, 'style' | 'decoding'> {
  const steps = slotWidths ? CARD_DENSITY_STEPS : DENSITY_STEPS;
  const { props } = getImageProps({
    src,
    width,
    height,
    alt,
    sizes: capDensity(sizes, steps),
    loading: priority ? 'eager' : 'lazy',
    fetchPriority: priority ? 'high' : undefined,
    // A preview's unpublished photo (app/preview/[token]/photos) as it is: the optimizer would keep resized
    // copies under the link, on the origin and at the edge, past its expiry.
    unoptimized: src.startsWith(PREVIEW_PATH),
  });
  // Next's inline style only hides alt text while loading; decoding="async" lets a browser paint the lead photo a
  // frame late and changes little elsewhere, as browsers decode images off the main thread: neither is sent.
  const { style: _inlineStyle, decoding: _decoding, ...attributes } = props;
  if (!attributes.srcSet) return attributes;
  Object.assign(
    attributes,
    slotWidths ? slotSrcSet(attributes.srcSet, slotWidths) : narrowerThan(attributes.srcSet, WIDEST_RENDITION),
  );
  const renditions = [...attributes.srcSet!.matchAll(/ (\d+)w(?:,|$)/g)].map((m) => Number(m[1]));
  return { ...attributes, sizes: capDensity(sizes, steps, renditions) };
}

/**
 * A resized, responsive photo rendered as a plain <img> on the server. next/image's <Image> would ship a client
 * component for the same markup; getImageProps gives the markup without the JavaScript, which keeps story pages
 * at the framework's floor.
 */
export function ResponsiveImage({ objectPosition, ...image }: ResponsiveImageProps) {
  const attributes = responsiveImageAttributes(image);
  if (image.priority) {
    preload(attributes.src, {
      as: 'image',
      imageSrcSet: attributes.srcSet,
      imageSizes: attributes.sizes,
      fetchPriority: 'high',
    });
  }
  // getImageProps' own markup, without <Image>'s client component (see above).
  // eslint-disable-next-line @next/next/no-img-element
  return <img {...attributes} alt={image.alt} style={objectPosition ? { objectPosition } : undefined} />;
}
