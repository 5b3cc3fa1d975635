/**
 * Validates every content record at once and reports each problem as
 * `file › field.path: what is wrong — how to fix it`, in plain English, never raw schema output.
 */
import path from 'node:path';
import sharp from 'sharp';
import type { z } from 'zod';
import {
  authorSchema,
  sectionSchema,
  storySchema,
  tagSchema,
  type Author,
  type PhotoInput,
  type Section,
  type StoryRecord,
  type Tag,
} from '@/content/schema';

export type Severity = 'error' | 'warning';

export interface ContentProblem {
  file: string;
  /** Field path such as `leadPhoto.alt` or `body[3].text`; empty for the file as a whole. */
  field: string;
  message: string;
  severity: Severity;
}

export interface ContentSource<T = unknown> {
  /** Path from the project root, e.g. content/stories/putin-heads-to-pyongyang.ts */
  file: string;
  data: T;
}

export interface ContentSources {
  stories: ContentSource[];
  authors: ContentSource;
  sections: ContentSource;
  tags: ContentSource;
}

export interface ImageSize {
  width: number;
  height: number;
}

export interface ValidContent {
  stories: { file: string; story: StoryRecord }[];
  authors: Author[];
  sections: Section[];
  tags: Tag[];
  /** Pixel size of every image the content refers to, keyed by its src. */
  images: Map<string, ImageSize>;
}

export const MIN_LEAD_PHOTO_WIDTH = 1200;

export function formatProblem(p: ContentProblem): string {
  const where = p.field ? `${p.file} › ${p.field}` : p.file;
  return `${where}: ${p.message}`;
}

export function formatPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

function schemaProblems(file: string, issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): ContentProblem[] {
  return issues.map((issue) => {
    const at = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return {
        file,
        field: formatPath(at),
        message: `unknown field ${keys} — remove it or check its spelling against CONTENT.md`,
        severity: 'error',
      };
    }
    return { file, field: formatPath(at), message: issue.message, severity: 'error' };
  });
}

function parseList<T>(source: ContentSource, schema: z.ZodType<T>, problems: ContentProblem[]): T[] {
  if (!Array.isArray(source.data)) {
    problems.push({ file: source.file, field: '', message: 'must export a list of records as its default export', severity: 'error' });
    return [];
  }
  const out: T[] = [];
  source.data.forEach((record, i) => {
    const result = schema.safeParse(record);
    if (result.success) out.push(result.data);
    else problems.push(...schemaProblems(source.file, result.error.issues, [i]));
  });
  return out;
}

async function readImageSize(publicDir: string, src: string): Promise<ImageSize | undefined> {
  try {
    const meta = await sharp(path.join(publicDir, src)).metadata();
    if (!meta.width || !meta.height) return undefined;
    // EXIF orientations 5–8 are displayed rotated by a quarter turn.
    const rotated = (meta.orientation ?? 1) >= 5;
    return rotated ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  } catch {
    return undefined;
  }
}

/** Words only: quotation marks, punctuation and spacing do not count when matching a quote to the body. */
function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/** True when every part of the quote (split at a marked ellipsis) appears in the body, in order. */
export function quoteAppearsIn(quote: string, bodyText: string): boolean {
  const body = ` ${words(bodyText)} `;
  let from = 0;
  for (const part of quote.split(/\.\.\.|…|\[…\]|\[\.\.\.\]/)) {
    const needle = words(part);
    if (!needle) continue;
    const at = body.indexOf(` ${needle} `, from);
    if (at < 0) return false;
    from = at + needle.length;
  }
  return true;
}

export async function validateContent(
  sources: ContentSources,
  options: { publicDir: string },
): Promise<{ problems: ContentProblem[]; content: ValidContent }> {
  const problems: ContentProblem[] = [];
  const authors = parseList(sources.authors, authorSchema, problems);
  const sections = parseList(sources.sections, sectionSchema, problems);
  const tags = parseList(sources.tags, tagSchema, problems);
  const images = new Map<string, ImageSize>();

  const known = {
    authors: new Set(authors.map((a) => a.id)),
    sections: new Set(sections.map((s) => s.id)),
    tags: new Set(tags.map((t) => t.id)),
  };

  const stories: ValidContent['stories'] = [];
  const slugs = new Map<string, string>();
  for (const { file, data } of sources.stories) {
    const result = storySchema.safeParse(data);
    if (!result.success) {
      problems.push(...schemaProblems(file, result.error.issues));
      continue;
    }
    const story = result.data;
    const error = (field: string, message: string) => problems.push({ file, field, message, severity: 'error' });

    const expectedSlug = path.basename(file).replace(/\.tsx?$/, '');
    if (story.slug !== expectedSlug) {
      error('slug', `slug "${story.slug}" does not match the file name — rename the file to ${story.slug}.ts or set slug to "${expectedSlug}"`);
    }
    const other = slugs.get(story.slug);
    if (other) error('slug', `slug "${story.slug}" is already used by ${other} — choose a different slug`);
    else slugs.set(story.slug, file);

    if (Date.parse(story.updatedAt) < Date.parse(story.postedAt)) {
      error('updatedAt', `updatedAt (${story.updatedAt}) is before postedAt (${story.postedAt}) — a story cannot be updated before it is posted`);
    }

    if (!known.sections.has(story.section)) {
      error('section', `section "${story.section}" does not exist — use an id from content/sections.ts`);
    }
    story.authors.forEach((id, i) => {
      if (!known.authors.has(id)) error(`authors[${i}]`, `author "${id}" does not exist — use an id from content/authors.ts`);
    });
    story.tags.forEach((id, i) => {
      if (!known.tags.has(id)) error(`tags[${i}]`, `tag "${id}" does not exist — use an id from content/tags.ts or add it there`);
    });

    const photos: [string, PhotoInput][] = [['leadPhoto', story.leadPhoto]];
    story.body.forEach((block, i) => {
      if (block.type === 'photo') photos.push([`body[${i}].photo`, block.photo]);
    });
    for (const [field, photo] of photos) {
      if (!photo.alt && !photo.decorative) {
        error(`${field}.alt`, 'alt text is missing — describe what the photo shows, or set decorative: true if it shows nothing of meaning');
      }
      const size = images.get(photo.src) ?? (await readImageSize(options.publicDir, photo.src));
      if (!size) {
        error(`${field}.src`, `image file public${photo.src} was not found or is not an image — add the file under public/ or correct the path`);
        continue;
      }
      images.set(photo.src, size);
      if (field === 'leadPhoto' && size.width < MIN_LEAD_PHOTO_WIDTH) {
        error(`${field}.src`, `lead photo is ${size.width} px wide — use a file at least ${MIN_LEAD_PHOTO_WIDTH} px wide so it stays sharp in link previews`);
      }
    }

    const bodyText = story.body.map((b) => (b.type === 'paragraph' ? b.text : '')).join('\n');
    story.body.forEach((block, i) => {
      if (block.type === 'pullQuote' && !quoteAppearsIn(block.text, bodyText)) {
        error(`body[${i}].text`, 'pull-quote does not appear in the story\'s paragraphs — quote the body word for word (use … to skip words)');
      }
    });

    stories.push({ file, story });
  }

  return { problems, content: { stories, authors, sections, tags, images } };
}
