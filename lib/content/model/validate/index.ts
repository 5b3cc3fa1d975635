/**
 * Validates every content record at once and reports each problem as
 * `file › field.path: what is wrong — how to fix it`, in plain English, never raw schema output.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { z } from 'zod';
import { kstYearMonth, monthName } from '@/lib/time';
import { exampleOf, objectShape, schemaAt, valueAt, type FieldMeta } from '../schema-walk';
import { inlineLinks, linkTarget, parseInline, plainInline } from '../inline';
import {
  LENGTH_LIMITS,
  anchorOf,
  SLUG_PATTERN,
  authorSchema,
  sectionSchema,
  storySchema,
  tagSchema,
  type Author,
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
  /** Path from the project root, e.g. content/stories/2024/06/putin-heads-to-pyongyang.ts */
  file: string;
  data: T;
}

export interface ContentSources {
  stories: ContentSource[];
  authors: ContentSource;
  sections: ContentSource;
  tags: ContentSource;
}

/** A photo file the content refers to: its pixel size, its length and its content hash (how a publish stores it). */
export interface ImageFile {
  width: number;
  height: number;
  bytes: number;
  sha256: string;
}

export interface ValidContent {
  stories: { file: string; story: StoryRecord }[];
  authors: Author[];
  sections: Section[];
  tags: Tag[];
  /** Pixel size of every image the content refers to, keyed by its src. */
  images: Map<string, ImageFile>;
}

export const MIN_LEAD_PHOTO_WIDTH = 1200;

/** Where story files live: content/stories/<year>/<month>/<slug>.ts, year and month of postedAt in Korea. */
export const STORIES_FOLDER = 'content/stories';

/** The path of a story file: content/stories/2024/06/putin-heads-to-pyongyang.ts */
export function storyFilePath(slug: string, postedAt: string, extension = '.ts'): string {
  const { year, month } = kstYearMonth(postedAt);
  return `${STORIES_FOLDER}/${year}/${String(month).padStart(2, '0')}/${slug}${extension}`;
}

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

/** Edit distance (insertions, deletions, substitutions) between two short strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate an editor most likely meant by `value`, if one is close enough to suggest. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const wanted = norm(value);
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const c = norm(candidate);
    const distance = c === wanted ? 0 : editDistance(wanted, c);
    const near = distance <= Math.max(2, Math.floor(c.length / 3)) || (wanted.length >= 4 && c.includes(wanted));
    if (near && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

const didYouMean = (value: string, candidates: readonly string[]) => {
  const guess = closest(value, candidates);
  return guess ? ` — did you mean "${guess}"?` : '';
};

const quoteList = (values: readonly string[]) =>
  values.length <= 1
    ? values.map((v) => `"${v}"`).join('')
    : `${values
        .slice(0, -1)
        .map((v) => `"${v}"`)
        .join(', ')} or "${values.at(-1)}"`;

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a Date object';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'a group of fields { … }' : typeof value;
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text in quotes',
  array: 'a list in [ ]',
  object: 'a group of fields in { }',
  boolean: 'true or false',
  number: 'a number',
};

/** Last named segment of a path: `leadPhoto.alt` → `alt`, `tags[2]` → `tags[2]`. */
function fieldName(path: readonly PropertyKey[]): string {
  const last = path.at(-1);
  if (typeof last === 'number') {
    const parent = path.at(-2);
    return typeof parent === 'string' ? `${parent}[${last}]` : `item ${last}`;
  }
  return last === undefined ? 'the record' : String(last);
}

/** Messages for issues no field of the schema words itself (zod's own wording never reaches editors). */
const fallbackMessages: z.core.$ZodErrorMap = (issue) => {
  const name = fieldName(issue.path ?? []);
  switch (issue.code) {
    case 'too_small':
      return `${name} is too short or has too few items (at least ${String(issue.minimum)}) — add to it`;
    case 'too_big':
      return `${name} is too long or has too many items (at most ${String(issue.maximum)}) — shorten it`;
    case 'invalid_value':
      return `${name} must be ${quoteList(issue.values.map(String))}`;
    case 'invalid_format':
      return `${name} is not in the expected format (${issue.format}) — see CONTENT.md`;
    default:
      return `${name} is not valid — see CONTENT.md for what it should hold`;
  }
};

/** One zod issue as editors' problems (an unknown-fields issue becomes one problem per field). */
function schemaProblems(
  file: string,
  root: z.core.$ZodType,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
): ContentProblem[] {
  const error = (at: readonly PropertyKey[], message: string): ContentProblem => ({
    file,
    field: formatPath([...prefix, ...at]),
    message,
    severity: 'error',
  });
  return issues.flatMap((issue): ContentProblem[] => {
    const value = valueAt(data, issue.path);
    const name = fieldName(issue.path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const shape = schemaAt(root, issue.path, data);
        const allowed = Object.keys((shape && objectShape(shape.schema)) ?? {});
        return issue.keys.map((key) => {
          const guess = closest(key, allowed);
          return error(
            [...issue.path, key],
            guess
              ? `unknown field "${key}" — did you mean "${guess}"? Rename it`
              : `unknown field "${key}" — remove it; the fields allowed here are ${quoteList(allowed)}`,
          );
        });
      }
      case 'invalid_union': {
        if (!issue.discriminator) break;
        const parentPath = issue.path.slice(0, -1);
        const options = (issue as { options?: unknown[] }).options?.map(String) ?? [];
        const what = parentPath.at(-2) === 'body' ? 'block type' : name;
        if (valueAt(data, parentPath) === null || typeof valueAt(data, parentPath) !== 'object') {
          return [
            error(parentPath, `${fieldName(parentPath)} must be a block in { }, e.g. { type: "paragraph", text: "…" }`),
          ];
        }
        if (value === undefined) return [error(issue.path, `${what} is missing — add type: ${quoteList(options)}`)];
        return [
          error(
            issue.path,
            `${what} ${describeValue(value).replace(/^the text /, '')} is not one of ${quoteList(options)}${didYouMean(String(value), options) || ' — use one of them'}`,
          ),
        ];
      }
      case 'invalid_type': {
        const field = schemaAt(root, issue.path, data);
        const meta: FieldMeta = field?.meta ?? {};
        const sample = field && exampleOf(field.schema, meta);
        const example = sample !== undefined ? `, e.g. ${name}: ${sample}` : '';
        if (value === undefined) {
          const hint = meta.description ? ` (${meta.description.replace(/\.$/, '')})` : '';
          return [error(issue.path, `${name} is missing — add it${example || hint}`)];
        }
        const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
        return [
          error(
            issue.path,
            `${name} must be ${expected}, not ${describeValue(value)}${example ? ` —${example.slice(1)}` : ''}`,
          ),
        ];
      }
    }
    return [error(issue.path, issue.message)];
  });
}

/** Validates one record against its schema; problems in editors' words. */
export function parseRecord<T>(
  file: string,
  schema: z.ZodType<T>,
  data: unknown,
  prefix: PropertyKey[] = [],
): { data?: T; problems: ContentProblem[] } {
  const result = schema.safeParse(data, { error: fallbackMessages });
  if (result.success) return { data: result.data, problems: [] };
  return { problems: schemaProblems(file, schema, data, result.error.issues, prefix) };
}

function parseList<T extends { id: string }>(
  source: ContentSource,
  schema: z.ZodType<T>,
  problems: ContentProblem[],
): T[] {
  if (!Array.isArray(source.data)) {
    problems.push({
      file: source.file,
      field: '',
      message: 'must export a list of records as its default export, e.g. export default [{ id: "…", … }]',
      severity: 'error',
    });
    return [];
  }
  const out: T[] = [];
  source.data.forEach((record, i) => {
    const result = parseRecord(source.file, schema, record, [i]);
    problems.push(...result.problems);
    if (!result.data) return;
    const other = out.findIndex((r) => r.id === result.data!.id);
    if (other >= 0) {
      problems.push({
        file: source.file,
        field: `[${i}].id`,
        message: `id "${result.data.id}" is already used by record ${other} — ids must be unique`,
        severity: 'error',
      });
    } else out.push(result.data);
  });
  return out;
}

/** The file for a photo's src in public/ (the running site's, or `publicDir`), if the src stays inside it. */
export function publicPhotoFile(src: string, publicDir = path.join(process.cwd(), 'public')): string | undefined {
  const dir = path.resolve(publicDir);
  const file = path.resolve(dir, `.${src}`);
  return file.startsWith(dir + path.sep) ? file : undefined;
}

async function readImageFile(file: string): Promise<ImageFile | undefined> {
  try {
    const data = await readFile(file);
    const meta = await sharp(data).metadata();
    if (!meta.width || !meta.height) return undefined;
    const identity = { bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
    // EXIF orientations 5–8 are displayed rotated by a quarter turn.
    const rotated = (meta.orientation ?? 1) >= 5;
    return rotated
      ? { width: meta.height, height: meta.width, ...identity }
      : { width: meta.width, height: meta.height, ...identity };
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

/**
 * Remembers a story's schema parse by its file and data (the parse reads nothing else), so a caller that keeps
 * it between runs (lib/content-check/check-cache.ts) parses only the stories that changed.
 */
export interface StoryParseMemo {
  get(file: string, data: unknown): ReturnType<typeof parseRecord<StoryRecord>> | undefined;
  set(file: string, data: unknown, parsed: ReturnType<typeof parseRecord<StoryRecord>>): void;
}

export async function validateContent(
  sources: ContentSources,
  options: { publicDir: string; memo?: StoryParseMemo },
): Promise<{ problems: ContentProblem[]; content: ValidContent }> {
  const problems: ContentProblem[] = [];
  const authors = parseList(sources.authors, authorSchema, problems);
  const sections = parseList(sources.sections, sectionSchema, problems);
  const tags = parseList(sources.tags, tagSchema, problems);
  const images = new Map<string, ImageFile>();

  const ids = {
    authors: authors.map((a) => a.id),
    sections: sections.map((s) => s.id),
    tags: tags.map((t) => t.id),
  };
  const unknownRef = (kind: string, id: string, candidates: string[], registry: string) => {
    const guess = closest(id, candidates);
    return guess
      ? `${kind} "${id}" does not exist — did you mean "${guess}"? (${registry} lists them all)`
      : `${kind} "${id}" does not exist — use an id from ${registry}${candidates.length <= 8 ? ` (${quoteList(candidates)})` : ''} or add it there`;
  };

  const stories: ValidContent['stories'] = [];
  const slugs = new Map<string, string>();
  /** Inline text with links, and story-link blocks: checked once every story is known. */
  const links: { file: string; field: string; source: string }[] = [];
  const storyLinks: { file: string; field: string; slug: string; from: unknown; draft: boolean }[] = [];
  for (const { file, data } of sources.stories) {
    let parsed = options.memo?.get(file, data);
    if (!parsed) {
      parsed = parseRecord(file, storySchema, data);
      options.memo?.set(file, data, parsed);
    }
    problems.push(...parsed.problems);
    // The rules below also run on a story that failed the schema, on each field that is itself sound,
    // so that one run reports every problem.
    const story = (parsed.data ?? (data && typeof data === 'object' ? data : {})) as Partial<
      Record<keyof StoryRecord, unknown>
    >;
    const error = (field: string, message: string) => problems.push({ file, field, message, severity: 'error' });
    const warning = (field: string, message: string) => problems.push({ file, field, message, severity: 'warning' });
    const isSlug = (value: unknown): value is string => typeof value === 'string' && SLUG_PATTERN.test(value);
    const isTime = (value: unknown): value is string =>
      typeof value === 'string' && /[zZ]|[+-]\d\d:\d\d$/.test(value) && !Number.isNaN(Date.parse(value));
    const texts = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

    const expectedSlug = path.basename(file).replace(/\.tsx?$/, '');
    if (isSlug(story.slug)) {
      if (story.slug !== expectedSlug) {
        error(
          'slug',
          `slug "${story.slug}" does not match the file name — rename the file to ${story.slug}.ts or set slug to "${expectedSlug}"`,
        );
      }
      const other = slugs.get(story.slug);
      if (other)
        error('slug', `slug "${story.slug}" is already used by ${other} — choose a different slug (and file name)`);
      else slugs.set(story.slug, file);
    }

    if (isTime(story.postedAt) && file.startsWith(`${STORIES_FOLDER}/`)) {
      const expected = storyFilePath(expectedSlug, story.postedAt, path.extname(file));
      if (file !== expected) {
        const { year, month } = kstYearMonth(story.postedAt);
        problems.push({
          file,
          field: '',
          message: `is in ${path.dirname(file)}/, but a story lives in the folder of the year and month it was posted (postedAt is ${monthName(month)} ${year} in Korea) — move the file to ${expected}`,
          severity: 'error',
        });
      }
    }

    if (isTime(story.publishAt) && isTime(story.postedAt) && Date.parse(story.postedAt) < Date.parse(story.publishAt)) {
      error(
        'postedAt',
        `postedAt (${story.postedAt}) is before publishAt (${story.publishAt}), so readers would see a story "posted" before it appeared — set postedAt to "${story.publishAt}" (the time it goes live), updatedAt no earlier, and move the file to that month's folder if it changes`,
      );
    }

    if (isTime(story.updatedAt) && isTime(story.postedAt) && Date.parse(story.updatedAt) < Date.parse(story.postedAt)) {
      error(
        'updatedAt',
        `updatedAt (${story.updatedAt}) is before postedAt (${story.postedAt}) — a story cannot be updated before it is posted; set updatedAt to postedAt or later`,
      );
    }

    for (const field of Object.keys(LENGTH_LIMITS) as (keyof typeof LENGTH_LIMITS)[]) {
      const value = texts(story[field]);
      const limit = LENGTH_LIMITS[field];
      if (value.length > limit.advised && value.length <= limit.max) {
        warning(
          field,
          `${field} is ${value.length} characters long; ${limit.where} — aim for ${limit.advised} or fewer`,
        );
      }
    }
    const searchTitle = LENGTH_LIMITS.seoTitle.advised;
    const headline = texts(story.headline);
    if (!texts(story.seoTitle) && headline.length > searchTitle && headline.length <= LENGTH_LIMITS.headline.advised) {
      warning(
        'headline',
        `headline is ${headline.length} characters long, too long for search results (about ${searchTitle} are shown) — add a shorter seoTitle; the page keeps the full headline`,
      );
    }

    if (isSlug(story.section) && !ids.sections.includes(story.section)) {
      error('section', unknownRef('section', story.section, ids.sections, 'content/sections.ts'));
    }
    const refList = (field: 'authors' | 'tags', kind: string, known: string[], registry: string) => {
      const list = story[field];
      if (!Array.isArray(list)) return;
      list.forEach((id, i) => {
        if (isSlug(id) && !known.includes(id)) error(`${field}[${i}]`, unknownRef(kind, id, known, registry));
      });
    };
    refList('authors', 'author', ids.authors, 'content/authors.ts');
    refList('tags', 'tag', ids.tags, 'content/tags.ts');

    const body: unknown[] = Array.isArray(story.body) ? story.body : [];
    const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object';
    const photos: [string, unknown][] = [['leadPhoto', story.leadPhoto]];
    body.forEach((block, i) => {
      if (isRecord(block) && block.type === 'photo') photos.push([`body[${i}].photo`, block.photo]);
    });
    for (const [field, photo] of photos) {
      if (!isRecord(photo)) continue;
      if (!texts(photo.alt) && photo.decorative !== true) {
        error(
          `${field}.alt`,
          'alt text is missing — describe what the photo shows, or set decorative: true if it shows nothing of meaning',
        );
      }
      const caption = texts(photo.caption)
        .toLowerCase()
        .replace(/[\s.)]+$/, '');
      const credit = texts(photo.credit);
      if (credit && caption.endsWith(credit.toLowerCase())) {
        warning(
          `${field}.caption`,
          `caption ends with the credit "${credit}" — remove it from the caption; the credit field prints it`,
        );
      }
      if (typeof photo.src !== 'string' || !photo.src.startsWith('/')) continue;
      const src = photo.src;
      const imageFile = publicPhotoFile(src, options.publicDir);
      const size = images.get(src) ?? (imageFile ? await readImageFile(imageFile) : undefined);
      if (!size) {
        error(
          `${field}.src`,
          `image file public${src} was not found or is not an image — add the file under public/ or correct the path`,
        );
        continue;
      }
      images.set(src, size);
      if (field === 'leadPhoto' && size.width < MIN_LEAD_PHOTO_WIDTH) {
        error(
          `${field}.src`,
          `lead photo is ${size.width} px wide — use a file at least ${MIN_LEAD_PHOTO_WIDTH} px wide so it stays sharp in link previews`,
        );
      }
    }

    const rawBody: unknown[] =
      data && typeof data === 'object' && Array.isArray((data as { body?: unknown }).body)
        ? (data as { body: unknown[] }).body
        : [];
    checkBlocks(rawBody, error);
    // Only text that can hold a link ("[words](address)") is parsed again below.
    for (const [field, source] of rawBody.flatMap(richFields))
      if (source.includes('](')) links.push({ file, field, source });
    rawBody.forEach((block, i) => {
      if (isRecord(block) && block.type === 'storyLink' && isSlug(block.slug))
        storyLinks.push({
          file,
          field: `body[${i}].slug`,
          slug: block.slug,
          from: story.slug,
          draft: story.draft === true,
        });
    });

    // The paragraphs' words, for pull-quotes: made only for a story that has one.
    let paragraphs: string | undefined;
    const bodyText = () =>
      (paragraphs ??= rawBody
        .map((b) => (isRecord(b) && b.type === 'paragraph' ? plainInline(texts(b.text)) : ''))
        .join('\n'));
    body.forEach((block, i) => {
      if (
        isRecord(block) &&
        block.type === 'pullQuote' &&
        typeof block.text === 'string' &&
        texts(block.text) &&
        !quoteAppearsIn(texts(block.text), bodyText())
      ) {
        error(
          `body[${i}].text`,
          "pull-quote does not appear in the story's paragraphs — quote the body word for word (mark skipped words with …)",
        );
      }
    });

    if (parsed.data) stories.push({ file, story: parsed.data });
  }

  // Links between records, once every story is known.
  const storyDrafts = new Map(stories.map(({ story }) => [story.slug, story.draft === true]));
  const known = { story: [...storyDrafts.keys()], section: ids.sections, author: ids.authors, tag: ids.tags };
  const knownSets = {
    story: new Set(known.story),
    section: new Set(known.section),
    author: new Set(known.author),
    tag: new Set(known.tag),
  };
  const registries = {
    story: 'content/stories/',
    section: 'content/sections.ts',
    author: 'content/authors.ts',
    tag: 'content/tags.ts',
  };
  for (const { file, field, source } of links) {
    const { nodes, error } = parseInline(source);
    if (error) continue; // reported by the schema
    for (const link of inlineLinks(nodes)) {
      const { target } = linkTarget(link.href);
      if (!target || target.kind === 'external') continue;
      if (!knownSets[target.kind].has(target.id)) {
        const guess = closest(target.id, known[target.kind]);
        const fix = guess
          ? `did you mean "${guess}"? (${registries[target.kind]} lists them all)`
          : `link to one in ${registries[target.kind]}, or write the words without a link`;
        problems.push({
          file,
          field,
          message: `link "${link.text}" points at the ${target.kind} "${target.id}", which does not exist — ${fix}`,
          severity: 'error',
        });
      }
    }
  }
  for (const { file, field, slug, from, draft } of storyLinks) {
    if (slug === from)
      problems.push({
        file,
        field,
        message: `story "${slug}" is this story itself — link to another story`,
        severity: 'error',
      });
    else if (!storyDrafts.has(slug))
      problems.push({
        file,
        field,
        message: unknownRef('story', slug, known.story, 'content/stories/'),
        severity: 'error',
      });
    else if (storyDrafts.get(slug) && !draft) {
      problems.push({
        file,
        field,
        message: `story "${slug}" is a draft, so readers would see no card — publish it first, or delete the block`,
        severity: 'error',
      });
    }
  }

  return { problems, content: { stories, authors, sections, tags, images } };
}

/** The fields of a body block that hold inline text, as [field path, source]. */
function richFields(block: unknown, i: number): [string, string][] {
  if (!block || typeof block !== 'object') return [];
  const b = block as Record<string, unknown>;
  const at = (field: string, value: unknown): [string, string][] =>
    typeof value === 'string' ? [[`body[${i}].${field}`, value]] : [];
  const list = (field: string, value: unknown): [string, string][] =>
    Array.isArray(value) ? value.flatMap((v, j) => at(`${field}[${j}]`, v)) : [];
  switch (b.type) {
    case 'paragraph':
    case 'quote':
      return at('text', b.text);
    case 'list':
    case 'factBox':
      return list('items', b.items);
    case 'table':
      return Array.isArray(b.rows) ? b.rows.flatMap((row, r) => list(`rows[${r}]`, row)) : [];
    case 'timeline':
      return Array.isArray(b.events)
        ? b.events.flatMap((e, j) => at(`events[${j}].text`, (e as { text?: unknown } | null)?.text))
        : [];
    default:
      return [];
  }
}

/** Rules within a story's body that its schema alone cannot state: table shape, unique subheading anchors. */
function checkBlocks(body: unknown[], error: (field: string, message: string) => void) {
  const anchors = new Map<string, number>();
  body.forEach((block, i) => {
    if (!block || typeof block !== 'object') return;
    const b = block as Record<string, unknown>;
    if (b.type === 'table' && Array.isArray(b.header) && Array.isArray(b.rows)) {
      const columns = b.header.length;
      b.rows.forEach((row, r) => {
        if (Array.isArray(row) && row.length !== columns && columns > 0) {
          error(
            `body[${i}].rows[${r}]`,
            `row ${r + 1} has ${row.length} cell${row.length === 1 ? '' : 's'} but the header has ${columns} columns — give every row one cell per column (write "–" for no figure)`,
          );
        }
      });
    }
    if (b.type === 'subheading' && typeof b.text === 'string' && b.text.trim()) {
      const anchor = anchorOf({ text: b.text, ...(typeof b.id === 'string' ? { id: b.id } : {}) });
      if (!anchor) {
        error(
          `body[${i}].text`,
          'subheading has no letters a–z or digits to make its anchor from — add an id, e.g. id: "background"',
        );
        return;
      }
      const other = anchors.get(anchor);
      if (other !== undefined) {
        error(
          `body[${i}]`,
          `subheading anchor "${anchor}" is already used by body[${other}] — reword it or give it its own id, e.g. id: "${anchor}-2"`,
        );
      } else anchors.set(anchor, i);
    }
  });
}
