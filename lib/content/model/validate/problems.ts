// What the content check reports, and how: problems as `file › field: message`, with "did you mean" guesses.
import type { Author, BreakingNews, Fronts, Section, StoryRecord, Tag, Takedown } from '@/content/schema';

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
  /** Live updates' files, content/stories/<year>/<month>/<slug>/<id>.ts (lib/content/model/live.ts). */
  updates?: ContentSource[];
  authors: ContentSource;
  sections: ContentSource;
  tags: ContentSource;
  /** content/fronts.ts and content/breaking-news.ts; absent files arrange nothing. */
  fronts?: ContentSource;
  breakingNews?: ContentSource;
  /** content/takedowns.ts; absent or undefined data: no takedowns. */
  takedowns?: ContentSource;
  /** content/published-addresses.json, parsed; absent or undefined data: nothing was ever published. */
  published?: ContentSource;
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
  /** content/takedowns.ts: the addresses that answer 410 Gone. */
  takedowns: Takedown[];
  /** Pixel size of every image the content refers to, keyed by its src. */
  images: Map<string, ImageFile>;
  fronts: Fronts;
  breakingNews: BreakingNews;
}

/** Reports problems of one file, by field. */
export interface Report {
  error(field: string, message: string): void;
  warning(field: string, message: string): void;
}

export function reportTo(problems: ContentProblem[], file: string): Report {
  return {
    error: (field, message) => problems.push({ file, field, message, severity: 'error' }),
    warning: (field, message) => problems.push({ file, field, message, severity: 'warning' }),
  };
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

export const didYouMean = (value: string, candidates: readonly string[]) => {
  const guess = closest(value, candidates);
  return guess ? ` — did you mean "${guess}"?` : '';
};

export const quoteList = (values: readonly string[]) =>
  values.length <= 1
    ? values.map((v) => `"${v}"`).join('')
    : `${values
        .slice(0, -1)
        .map((v) => `"${v}"`)
        .join(', ')} or "${values.at(-1)}"`;

/** The message for a reference to a record that does not exist, with the likeliest one meant. */
export function unknownRef(kind: string, id: string, candidates: string[], registry: string): string {
  const guess = closest(id, candidates);
  return guess
    ? `${kind} "${id}" does not exist — did you mean "${guess}"? (${registry} lists them all)`
    : `${kind} "${id}" does not exist — use an id from ${registry}${candidates.length <= 8 ? ` (${quoteList(candidates)})` : ''} or add it there`;
}
