/**
 * The one content model: every content type derives from these zod schemas (z.input for what editors write,
 * z.output for what pages read), and CONTENT.md's field reference from their descriptions. Rules that need more
 * than one record live in lib/content/model/validate/ (docs/decisions/0009-content-as-typed-modules.md).
 */
import type { z } from 'zod';
import type { blockSchema } from './blocks';
import type { coverageSchema, liveUpdateSchema } from './live';
import type { photoSchema } from './photo';
import type { breakingNewsSchema, frontsSchema } from './placements';
import type { authorSchema, sectionSchema, tagSchema } from './records';
import type { storySchema } from './story';
import type { takedownSchema } from './takedown';

export { LENGTH_LIMITS, MEANINGFUL_UPDATE_MINUTES, PLACEHOLDER, RESERVED_SLUGS, SLUG_PATTERN } from './constants';
export { strayMarkup } from './fields';
export { photoSchema } from './photo';
export {
  anchorOf,
  blockSchema,
  embedBlockSchema,
  factBoxBlockSchema,
  listBlockSchema,
  paragraphBlockSchema,
  photoBlockSchema,
  pullQuoteBlockSchema,
  quoteBlockSchema,
  storyLinkBlockSchema,
  subheadingBlockSchema,
  tableBlockSchema,
  timelineBlockSchema,
} from './blocks';
export { correctionSchema, storySchema } from './story';
export { coverageSchema, liveUpdateSchema, updateWithdrawalSchema } from './live';
export { authorSchema, sectionSchema, tagSchema } from './records';
export { arrangementSchema, bannerSchema, breakingNewsSchema, frontsSchema, placementSchema } from './placements';
export { takedownSchema } from './takedown';

export type PhotoInput = z.input<typeof photoSchema>;
export type FocalPoint = NonNullable<PhotoInput['focalPoint']>;
export type BlockInput = z.input<typeof blockSchema>;
export type StoryInput = z.input<typeof storySchema>;
export type LiveUpdateInput = z.input<typeof liveUpdateSchema>;
export type AuthorInput = z.input<typeof authorSchema>;
export type SectionInput = z.input<typeof sectionSchema>;
export type TagInput = z.input<typeof tagSchema>;
export type FrontsInput = z.input<typeof frontsSchema>;
export type BreakingNewsInput = z.input<typeof breakingNewsSchema>;
export type TakedownInput = z.input<typeof takedownSchema>;

export type Coverage = z.output<typeof coverageSchema>;
export type LiveUpdate = z.output<typeof liveUpdateSchema>;
/**
 * A story as checked: its file's record, and for live coverage its updates, each from its own file, newest first
 * (attached by the check: lib/content/model/validate/live-updates.ts).
 */
export type StoryRecord = z.output<typeof storySchema> & { updates?: LiveUpdate[] };
export type Block = z.output<typeof blockSchema>;
export type Author = z.output<typeof authorSchema>;
export type Section = z.output<typeof sectionSchema>;
export type Tag = z.output<typeof tagSchema>;
export type Fronts = z.output<typeof frontsSchema>;
export type Arrangement = NonNullable<Fronts['home']>;
export type Placement = NonNullable<Arrangement['top']>[number];
export type BreakingNews = z.output<typeof breakingNewsSchema>;
export type Takedown = z.output<typeof takedownSchema>;

/** Identity functions that give editors type checking and autocompletion in content files. */
export const defineStory = (story: StoryInput): StoryInput => story;
export const defineUpdate = (update: LiveUpdateInput): LiveUpdateInput => update;
export const defineAuthors = (authors: AuthorInput[]): AuthorInput[] => authors;
export const defineSections = (sections: SectionInput[]): SectionInput[] => sections;
export const defineTags = (tags: TagInput[]): TagInput[] => tags;
export const defineFronts = (fronts: FrontsInput): FrontsInput => fronts;
export const defineBreakingNews = (banner: BreakingNewsInput): BreakingNewsInput => banner;
export const defineTakedowns = (takedowns: TakedownInput[]): TakedownInput[] => takedowns;
