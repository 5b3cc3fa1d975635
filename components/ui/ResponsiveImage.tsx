import { getImageProps } from 'next/image';
import { preload } from 'react-dom';

interface ResponsiveImageProps {
  src: string;
  width: number;
  height: number;
  /** Empty for a decorative image. */
  alt: string;
  sizes: string;
  /** The page's largest paint: preloaded, fetched first and never lazy. */
  priority?: boolean;
  /** CSS object-position for a cropped display (object-fit: cover), e.g. from the photo's focal point. */
  objectPosition?: string;
}

/**
 * A resized, responsive photo (srcset from Next's image optimizer) rendered as a plain <img> on the
 * server. next/image's <Image> would ship a client component for the same markup; getImageProps
 * gives the markup without the JavaScript, which keeps story pages at the framework's floor.
 */
export function ResponsiveImage({ src, width, height, alt, sizes, priority = false, objectPosition }: ResponsiveImageProps) {
  const { props } = getImageProps({
    src,
    width,
    height,
    alt,
    sizes,
    loading: priority ? 'eager' : 'lazy',
    fetchPriority: priority ? 'high' : undefined,
  });
  if (priority) {
    preload(props.src, { as: 'image', imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: 'high' });
  }
  // Next's inline style only hides alt text while loading; the only style kept is a crop's focal point.
  const { style: _inlineStyle, ...imgProps } = props;
  // alt is among imgProps.
  return <img {...imgProps} style={objectPosition ? { objectPosition } : undefined} />;
}
