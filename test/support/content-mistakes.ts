/**
 * Typical mistakes, one or more per rule (test/fixtures/content-mistakes.json): each breaks the seed story with a
 * few edits and names the exact problems content:check must report. The unit tests run every one; CONTENT.md's
 * message guide is generated from them, so the guide cannot drift from the code.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import authors from '@/content/authors';
import breakingNews from '@/content/breaking-news';
import fronts from '@/content/fronts';
import type { StoryInput } from '@/content/schema';
import sections from '@/content/sections';
import seed from '@/content/stories/2024/06/putin-heads-to-pyongyang';
import tags from '@/content/tags';
import {
  BREAKING_NEWS_FILE,
  FRONTS_FILE,
  PUBLISHED_ADDRESSES_FILE,
  TAKEDOWNS_FILE,
  type ContentSource,
  type ContentSources,
} from '@/lib/content/model/validate';
import table from '@/test/fixtures/content-mistakes.json' with { type: 'json' };
import { PROJECT_ROOT } from './temp-project';

export const SEED_FILE = 'content/stories/2024/06/putin-heads-to-pyongyang.ts';

/** A story as an editor might write it: anything goes. */
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Mistake {
  /** The rule it breaks, as CONTENT.md's heading. */
  rule: string;
  /** What the editor did. */
  mistake: string;
  /** The stories to check, made from a fresh copy of the seed story. */
  stories(seed: Loose): ContentSource[];
  /** Every problem content:check must report, formatted, in order. */
  expected: string[];
  /** content/fronts.ts and content/breaking-news.ts as the mistake writes them (absent: the real files). */
  fronts?: unknown;
  breakingNews?: unknown;
  /** content/takedowns.ts's entries, when the mistake needs some. */
  takedowns?: unknown[];
  /** The slugs of content/published-addresses.json, when the mistake needs a ledger. */
  published?: string[];
  /** Live updates' files (decision 0053), as an editor wrote them, when the mistake needs some. */
  updates?: ContentSource[];
}

/** An edit of the seed story at a field path such as `leadPhoto.caption` or `body[2].text`. */
type Edit =
  | { delete: string }
  | { set: string; to: unknown }
  | { rename: string; to: string }
  | { replace: string; text: string; with: string }
  | { append: string; text: string }
  | { insert: string; at?: number; value: unknown };

/** A mistake as the table writes it: the edits, the story's file if not the seed's, and copies at other files. */
interface MistakeRecord extends Omit<Mistake, 'stories'> {
  edits?: Edit[];
  file?: string;
  copies?: string[];
}

const segments = (field: string) =>
  field.split(/\.|(?=\[)/).map((segment) => (segment.startsWith('[') ? Number(segment.slice(1, -1)) : segment));

/** Applies one edit in place; values are copied, as every run shares the table. */
function applyEdit(story: Loose, edit: Edit): void {
  const field = Object.values(edit)[0] as string;
  const path = segments(field);
  const key = path.pop()!;
  const parent = path.reduce<Loose>((at, segment) => at[segment], story);
  if ('delete' in edit) delete parent[key];
  else if ('rename' in edit) {
    parent[edit.to] = parent[key];
    delete parent[key];
  } else if ('replace' in edit) parent[key] = parent[key].replace(edit.text, () => edit.with);
  else if ('append' in edit) parent[key] = `${parent[key]}${edit.text}`;
  else if ('insert' in edit) parent[key].splice(edit.at ?? parent[key].length, 0, structuredClone(edit.value));
  else parent[key] = structuredClone(edit.to);
}

export const mistakes: Mistake[] = (table as MistakeRecord[]).map(
  ({ edits = [], file = SEED_FILE, copies = [], ...mistake }) => ({
    ...mistake,
    stories: (seed) => {
      for (const edit of edits) applyEdit(seed, edit);
      return [{ file, data: seed }, ...copies.map((copy) => ({ file: copy, data: structuredClone(seed) }))];
    },
  }),
);

export const freshSeed = (): Loose => structuredClone(seed) as StoryInput as Loose;

/** Sources for a mistake: its stories, with the real authors, sections and tags. */
export function mistakeSources(mistake: Mistake): ContentSources {
  return {
    stories: mistake.stories(freshSeed()),
    authors: { file: 'content/authors.ts', data: authors },
    sections: { file: 'content/sections.ts', data: sections },
    tags: { file: 'content/tags.ts', data: tags },
    fronts: { file: FRONTS_FILE, data: mistake.fronts ?? fronts },
    breakingNews: {
      file: BREAKING_NEWS_FILE,
      data: mistake.breakingNews === undefined ? breakingNews : mistake.breakingNews,
    },
    ...(mistake.takedowns ? { takedowns: { file: TAKEDOWNS_FILE, data: mistake.takedowns } } : {}),
    ...(mistake.published
      ? { published: { file: PUBLISHED_ADDRESSES_FILE, data: { stories: mistake.published } } }
      : {}),
    updates: structuredClone(mistake.updates ?? []),
  };
}

/** A throwaway public/ with the seed photo, an 800 px photo (narrow.jpg) and a file that is not an image. */
export async function createMistakePublicDir(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aju-public-'));
  const images = path.join(dir, 'images/stories');
  mkdirSync(images, { recursive: true });
  copyFileSync(
    path.join(PROJECT_ROOT, 'public/images/stories/putin-heads-to-pyongyang.jpg'),
    path.join(images, 'putin-heads-to-pyongyang.jpg'),
  );
  await sharp({ create: { width: 800, height: 500, channels: 3, background: '#445566' } })
    .jpeg()
    .toFile(path.join(images, 'narrow.jpg'));
  writeFileSync(path.join(images, 'not-a-photo.jpg'), 'this is text, not a JPEG');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
