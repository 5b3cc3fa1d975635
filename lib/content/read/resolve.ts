/** Story records resolved for pages: author, section and tag records looked up, photo sizes attached. */
import type { Author, PhotoInput, Section, StoryRecord, Tag } from '@/content/schema';
import { relinked, type Addresses } from '../model/addresses';
import { latestUpdateOf } from '../model/live';
import { storyPath } from '../model/paths';
import type { LinkedStory, ListedStoryRecord, Photo, Story, StoryBlock, StorySummary } from '../model/types';
import type { ImageFile } from '../model/validate';

export interface Records {
  authors: Map<string, Author>;
  sections: Map<string, Section>;
  tags: Map<string, Tag>;
  images: ReadonlyMap<string, ImageFile> | Record<string, ImageFile>;
}

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((r) => [r.id, r]));

export const recordsOf = (content: {
  authors: Author[];
  sections: Section[];
  tags: Tag[];
  images: Records['images'];
}): Records => ({
  authors: byId(content.authors),
  sections: byId(content.sections),
  tags: byId(content.tags),
  images: content.images,
});

export function resolvePhoto(p: PhotoInput, images: Records['images']): Photo {
  const size = images instanceof Map ? images.get(p.src) : (images as Record<string, ImageFile>)[p.src];
  return {
    src: p.src,
    alt: p.decorative ? '' : (p.alt ?? ''),
    caption: p.caption,
    credit: p.credit,
    ...size!,
    ...(p.focalPoint ? { focalPoint: p.focalPoint } : {}),
  };
}

export function resolveSummary(story: Omit<ListedStoryRecord, 'file'>, file: string, records: Records): StorySummary {
  return {
    ...story,
    file,
    path: storyPath(story.slug),
    authors: story.authors.map((id) => records.authors.get(id)!),
    section: records.sections.get(story.section)!,
    tags: story.tags.map((id) => records.tags.get(id)!),
    leadPhoto: resolvePhoto(story.leadPhoto, records.images),
  };
}

/**
 * The story a link to `slug` leads to: the story with that slug, or the one renamed from it (decision 0048);
 * undefined for one taken down or not visible here.
 */
export const linkedThrough =
  (bySlug: ReadonlyMap<string, StorySummary>, redirects: Addresses['redirects']) => (slug: string) =>
    bySlug.get(slug) ?? (Object.hasOwn(redirects, slug) ? bySlug.get(redirects[slug]!) : undefined);

/**
 * Body blocks as pages render them: photos with their size, story links with their target (a link to a
 * story not published here, e.g. still scheduled or taken down, is left out: content:check refuses one that
 * does not exist), inline links to stories at their current address or, to one not here, as plain words.
 */
function resolveBody(
  body: StoryRecord['body'],
  records: Records,
  linked: (slug: string) => LinkedStory | undefined,
): StoryBlock[] {
  return body.flatMap((block): StoryBlock[] => {
    if (block.type === 'photo') return [{ type: 'photo', photo: resolvePhoto(block.photo, records.images) }];
    if (block.type === 'embed' || block.type === 'pullQuote' || block.type === 'subheading') return [block];
    if (block.type !== 'storyLink') return [relinked(block, (slug) => linked(slug)?.path)];
    const target = linked(block.slug);
    if (!target) return [];
    const { headline, path, postedAt, leadPhoto } = target;
    return [{ type: 'storyLink', slug: block.slug, story: { headline, path, postedAt, leadPhoto } }];
  });
}

export function resolveStory(
  story: StoryRecord,
  file: string,
  records: Records,
  linked: (slug: string) => LinkedStory | undefined,
): Story {
  const { updates, ...record } = story;
  const latestUpdate = updates && latestUpdateOf({ updates });
  return {
    ...resolveSummary({ ...record, ...(latestUpdate ? { latestUpdate } : {}) }, file, records),
    body: resolveBody(story.body, records, linked),
    ...(updates
      ? { updates: updates.map((update) => ({ ...update, body: resolveBody(update.body, records, linked) })) }
      : {}),
  };
}
