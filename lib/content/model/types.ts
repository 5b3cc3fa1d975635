/**
 * The shapes of resolved content that pages, listings and the generated index share. Kept apart from the
 * modules that build them, so lib/content's modules depend one way: types <- listings <- story-index <- index.
 */
import type {
  Author,
  Block,
  BreakingNews,
  FocalPoint,
  Fronts,
  LiveUpdate,
  Section,
  StoryRecord,
  Tag,
} from '@/content/schema';
import type { ImageFile } from './validate';

/** A story without its body and corrections: what listings, feeds, sitemaps and related stories need. */
export type ListedStoryRecord = Omit<StoryRecord, 'body' | 'corrections' | 'updates'> & {
  /** A live story's newest update (not withdrawn): what its card shows while the coverage is live. */
  latestUpdate?: { id: string; postedAt: string; title?: string };
  /** Path from the project root, e.g. content/stories/2024/06/putin-heads-to-pyongyang.ts */
  file: string;
  /** The latest correction's date, when the story has corrections: listings need it, not the corrections. */
  correctedAt?: string;
};

export interface Photo extends ImageFile {
  src: string;
  /** Empty for a decorative image. */
  alt: string;
  caption: string;
  credit: string;
  /** The point crops keep in view (fractions of width and height); absent: the centre. */
  focalPoint?: FocalPoint;
}

/** What a story-link card shows of the story it links to. */
export interface LinkedStory {
  headline: string;
  path: string;
  postedAt: string;
  leadPhoto: Photo;
}

/**
 * A body block as pages render it: the schema's block (content/schema/blocks.ts, inline text already parsed), with
 * a photo's size read from its file and a story link's target looked up.
 */
export type StoryBlock =
  | Exclude<Block, { type: 'photo' | 'storyLink' }>
  | { type: 'photo'; photo: Photo }
  | { type: 'storyLink'; slug: string; story: LinkedStory };

/** A story as listings, feeds and sitemaps see it: everything but its body and corrections. */
export interface StorySummary extends Omit<ListedStoryRecord, 'file' | 'authors' | 'section' | 'tags' | 'leadPhoto'> {
  /** Site path of the story page, e.g. /stories/putin-heads-to-pyongyang */
  path: string;
  /** Path of its file from the project root, e.g. content/stories/2024/06/putin-heads-to-pyongyang.ts */
  file: string;
  authors: Author[];
  section: Section;
  tags: Tag[];
  leadPhoto: Photo;
}

/** A whole story, for its own page, card and crops. */
export interface Story extends StorySummary {
  body: StoryBlock[];
  corrections?: StoryRecord['corrections'];
  /** Live coverage's updates, newest first, their blocks resolved like the body's. */
  updates?: StoryUpdate[];
}

/** A live update as pages render it. */
export type StoryUpdate = Omit<LiveUpdate, 'body'> & { body: StoryBlock[] };

export interface Content {
  /** Published stories, newest first. */
  stories: StorySummary[];
  authors: Author[];
  sections: Section[];
  tags: Tag[];
  /** The editors' placements (content/fronts.ts, content/breaking-news.ts), as written: ../model/placements.ts reads them. */
  fronts: Fronts;
  breakingNews: BreakingNews;
}
