import { ResponsiveImage } from '@/components/ui/ResponsiveImage';
import type { Photo } from '@/lib/content';
import { PhotoEnlarger } from './PhotoEnlarger';

/** A story photo's slot: the column up to 960 px (bench/floor's photo page copies it, bench/floor-photo.ts). */
export const STORY_PHOTO_SIZES = '(min-width: 1040px) 960px, 100vw';

interface PhotoFigureProps {
  photo: Photo;
  /** The lead photo is the page's largest paint: load it first. */
  lead?: boolean;
}

export function PhotoFigure({ photo, lead = false }: PhotoFigureProps) {
  return (
    <figure className={lead ? 'photo photo--lead' : 'photo'}>
      <div className="photo__frame">
        <ResponsiveImage
          src={photo.src}
          width={photo.width}
          height={photo.height}
          alt={photo.alt}
          sizes={STORY_PHOTO_SIZES}
          priority={lead}
        />
        <PhotoEnlarger {...photo} />
      </div>
      <figcaption>
        <span className="caption">{photo.caption}</span> <span className="credit">{photo.credit}</span>
      </figcaption>
    </figure>
  );
}
