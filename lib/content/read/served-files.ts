/**
 * What requests ask of the served content outside pages: which paths exist (proxy.ts answers the rest 404
 * before rendering), old story addresses (a redirect, or 410 Gone), published photo files and search index files.
 */
import { oldAddress } from '../model/addresses';
import { liveStatusPath } from '../model/live';
import { storyPath } from '../model/paths';
import { contentNow } from '../serving/content-clock';
import { photoContentType } from '../serving/photos';
import { liveListing, livePhoto, liveSearchFile } from '../serving/served-content';
import { isSearchFileName } from '../storage/store';
import { isMissingPath, pathViewAt } from './known-paths';

/** Under next dev, undefined: every path is there to preview. In production, what the served content has. */
export async function servedPaths(now = contentNow()) {
  if (process.env.NODE_ENV !== 'production') return undefined;
  const listing = await liveListing();
  const view = pathViewAt(listing, now);
  return {
    /** No page exists at this path (a photo counts only if a story uses it). */
    isMissing: (path: string) =>
      path.startsWith('/images/') ? !Object.hasOwn(listing.images, path) : isMissingPath(path, view),
    /** The story is live coverage (ended or not): its address shows the live page (proxy.ts). */
    isLiveCoverage: (slug: string) => !isMissingPath(liveStatusPath(slug), view),
    /** The frame origins a story's embeds need, for its page's CSP. */
    framesOf: (slug: string) => view.frames.get(slug),
    /** An old story address (page, card, crop): where it moved, or that it is gone; undefined for any other path. */
    oldAddress: (path: string) => oldAddress(path, listing.addresses, (slug) => !isMissingPath(storyPath(slug), view)),
  };
}

/** A published photo by its site path, with its media type; undefined when no story uses it or no store has it. */
export async function servedPhoto(src: string) {
  const image = (await liveListing()).images[src];
  const type = photoContentType(src);
  const bytes = image && type ? await livePhoto(image.sha256) : undefined;
  return bytes && type ? { bytes, type, sha256: image!.sha256 } : undefined;
}

/** A file of the search index for the served content, or undefined (a name that is not an index file's too). */
export const servedSearchFile = async (name: string) => (isSearchFileName(name) ? liveSearchFile(name) : undefined);
