import { preload } from 'react-dom';
import photo from './photo.json';

export const metadata = { title: 'Floor with a photo' };

// The photo floor: the story's lead photo (the same file and <img> attributes, written into photo.json by
// bench/floor-photo.ts, and the same preload) under one line of text, on a phone's first screen.
export default function PhotoFloorPage() {
  const img = { ...photo, loading: 'eager', fetchPriority: 'high' } as const;
  preload(img.src, { as: 'image', imageSrcSet: img.srcSet, imageSizes: img.sizes, fetchPriority: 'high' });
  return (
    <main>
      <p>Floor, with the lead photo.</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- the site's own markup for the photo */}
      <img {...img} alt={photo.alt} style={{ display: 'block', width: '100%', height: 'auto' }} />
    </main>
  );
}
