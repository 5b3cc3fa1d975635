/**
 * Preview links (docs/decisions/0047-preview-links.md): a token checked against the publish secret and the
 * content clock, then the preview record content:preview stored, resolved as the story page resolves a story.
 * Photos the served content lacks are served under the link itself (app/preview/[token]/photos).
 */
import type { PhotoInput, StoryRecord } from '@/content/schema';
import { MIN_SECRET_LENGTH, readPublishSecret } from '@/lib/publish/secret';
import { PREVIEW_PATH, verifyPreviewToken } from '@/lib/preview/token';
import type { PreviewRecord } from '../model/preview';
import { storyPath } from '../model/paths';
import type { LinkedStory, Story } from '../model/types';
import type { ImageFile } from '../model/validate';
import { contentNow } from '../serving/content-clock';
import { photoContentType } from '../serving/photos';
import { liveListing, livePhoto, livePreview } from '../serving/served-content';
import { recordsOf, resolvePhoto, resolveStory } from './resolve';

export interface Preview {
  story: Story;
  /** When the link stops working. */
  expires: Date;
  /** The origins the story's embeds frame, for the page's CSP. */
  frames: string[];
}

/** The record a valid, unexpired token names; undefined for any other token or when the store lacks it. */
async function grantedRecord(token: string): Promise<{ record: PreviewRecord; expires: Date } | undefined> {
  const secret = readPublishSecret();
  if (!secret || secret.length < MIN_SECRET_LENGTH) return undefined;
  const grant = verifyPreviewToken(token, secret, contentNow());
  if (!grant) return undefined;
  const record = await livePreview(grant.hash);
  return record?.story.slug === grant.slug ? { record, expires: new Date(grant.expires * 1000) } : undefined;
}

/** The story with each photo's src moved by `move`. */
function movePhotos(story: StoryRecord, move: (photo: PhotoInput) => PhotoInput): StoryRecord {
  return {
    ...story,
    leadPhoto: move(story.leadPhoto),
    body: story.body.map((block) => (block.type === 'photo' ? { ...block, photo: move(block.photo) } : block)),
  };
}

/**
 * The story a preview link shows, as its file stood when the link was made; undefined when the link is
 * malformed, altered, expired, signed with another secret, or names a record the store does not have.
 */
export async function getPreview(token: string): Promise<Preview | undefined> {
  const granted = await grantedRecord(token);
  if (!granted) return undefined;
  const { record, expires } = granted;
  // A photo readers' pages already serve (the same file) keeps its address; any other is served by the link.
  const served = (await liveListing().catch(() => undefined))?.images ?? {};
  const images = new Map<string, ImageFile>();
  const move = (photo: PhotoInput): PhotoInput => {
    const file = record.images[photo.src]!;
    const src = served[photo.src]?.sha256 === file.sha256 ? photo.src : `${PREVIEW_PATH}${token}/photos/${file.sha256}`;
    images.set(src, file);
    return { ...photo, src };
  };
  const story = movePhotos(record.story, move);
  const linked = new Map(
    record.linked.map((l): [string, LinkedStory] => [
      l.slug,
      {
        headline: l.headline,
        path: storyPath(l.slug),
        postedAt: l.postedAt,
        leadPhoto: resolvePhoto(move(l.leadPhoto), images),
      },
    ]),
  );
  const records = recordsOf({ authors: record.authors, sections: [record.section], tags: record.tags, images });
  return {
    story: resolveStory(story, record.file, records, (slug) => linked.get(slug)),
    expires,
    frames: record.frames,
  };
}

/** A photo of a preview, by its content hash: only one the preview shows, only while its link is valid. */
export async function previewPhoto(token: string, sha256: string) {
  const granted = await grantedRecord(token);
  const src = granted && Object.keys(granted.record.images).find((s) => granted.record.images[s]!.sha256 === sha256);
  const type = src && photoContentType(src);
  // content:preview wrote every photo the preview shows to the store, by hash.
  const bytes = type ? await livePhoto(sha256) : undefined;
  return bytes && type ? { bytes, type } : undefined;
}
