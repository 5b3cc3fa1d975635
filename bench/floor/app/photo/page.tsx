import { getImageProps } from 'next/image';
import { preload } from 'react-dom';
import photo from './photo.json';

export const metadata = { title: 'Floor with a photo' };

// The photo floor: the story's lead photo (the same file, srcset, sizes, preload and priority, written into
// photo.json by bench/floor-photo.ts) under one line of text, on a phone's first screen.
export default function PhotoFloorPage() {
  const { props } = getImageProps({ ...photo, loading: 'eager', fetchPriority: 'high' });
  preload(props.src, { as: 'image', imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: 'high' });
  const { style: _style, ...img } = props;
  return (
    <main>
      <p>Floor, with the lead photo.</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- the site's own markup for the photo */}
      <img {...img} alt={photo.alt} style={{ display: 'block', width: '100%', height: 'auto' }} />
    </main>
  );
}
