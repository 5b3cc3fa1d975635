/**
 * A preview record (docs/decisions/0047-preview-links.md): one story as its file stands, drafts and scheduled
 * stories included, with everything its page needs and the published listing may lack (its authors, section,
 * tags, photo sizes, the stories it links to), stored by `npm run content:preview` under its content hash.
 */
import { createHash } from 'node:crypto';
import type { Author, PhotoInput, Section, StoryRecord, Tag } from '@/content/schema';
import { frameOriginsOf } from './embeds';
import type { ImageFile, ValidContent } from './validate';

export const PREVIEW_FORMAT = 1;

/** What a story-link card in the preview shows of the story it links to (resolved when read). */
export interface PreviewLinkedStory {
  slug: string;
  headline: string;
  postedAt: string;
  leadPhoto: PhotoInput;
}

export interface PreviewRecord {
  format: typeof PREVIEW_FORMAT;
  file: string;
  story: StoryRecord;
  authors: Author[];
  section: Section;
  tags: Tag[];
  /** Size and hash of every photo the preview shows, keyed by src. */
  images: Record<string, ImageFile>;
  linked: PreviewLinkedStory[];
  /** The origins its embeds frame (the page's CSP opens to exactly those). */
  frames: string[];
}

/** The content hash a preview record is stored under. */
export const previewHash = (record: PreviewRecord) => createHash('sha256').update(JSON.stringify(record)).digest('hex');

const photosOf = (story: StoryRecord): PhotoInput[] => [
  story.leadPhoto,
  ...story.body.flatMap((block) => (block.type === 'photo' ? [block.photo] : [])),
];

/**
 * The preview record of the story with this slug in checked content, or a sentence saying why there is none
 * (no such story, or a record it names is not in the checked content: fix that file first).
 */
export function previewRecordOf(content: ValidContent, slug: string): PreviewRecord | string {
  const entry = content.stories.find(({ story }) => story.slug === slug);
  if (!entry) return `no story has the slug "${slug}"`;
  const { file, story } = entry;
  const pick = <T extends { id: string }>(list: T[], id: string, what: string) => {
    const found = list.find((r) => r.id === id);
    if (!found) throw new Error(`${file} names the ${what} "${id}", which the check could not read: fix it first`);
    return found;
  };
  try {
    const bySlug = new Map(content.stories.map((s) => [s.story.slug, s.story]));
    const linked = story.body.flatMap((block): PreviewLinkedStory[] => {
      const target = block.type === 'storyLink' ? bySlug.get(block.slug) : undefined;
      return target
        ? [{ slug: target.slug, headline: target.headline, postedAt: target.postedAt, leadPhoto: target.leadPhoto }]
        : [];
    });
    const photos = [...photosOf(story), ...linked.map((l) => l.leadPhoto)];
    const images = Object.fromEntries(
      photos.map((p) => {
        const size = content.images.get(p.src);
        if (!size) throw new Error(`${file} uses the photo ${p.src}, which the check could not read: fix it first`);
        return [p.src, size];
      }),
    );
    return {
      format: PREVIEW_FORMAT,
      file,
      story,
      authors: story.authors.map((id) => pick(content.authors, id, 'author')),
      section: pick(content.sections, story.section, 'section'),
      tags: story.tags.map((id) => pick(content.tags, id, 'tag')),
      images,
      linked,
      frames: frameOriginsOf(story.body),
    };
  } catch (error) {
    return (error as Error).message;
  }
}
