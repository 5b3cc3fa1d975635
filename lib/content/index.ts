/**
 * The content API: the one module routes and components import (ESLint enforces it). Behind it, one way:
 * read/ (what pages ask) → serving/ (this process's served content) → storage/ (the stores); model/ holds
 * the types and rules all of them share (docs/development/where-code-lives.md).
 */
export type { Author, FocalPoint, Section, Tag } from '@/content/schema';
export { anchorOf } from '@/content/schema';
export { escapeHtml, type Inline } from './model/inline';
export { embedOf, type ResolvedEmbed } from './model/embeds';
export { bodyHtml } from './model/body-text';
export {
  authorPath,
  BREAKING_NEWS_FRAGMENT_PATH,
  lastUpdated,
  liveFeedPath,
  newestFirst,
  sectionPath,
  storyPath,
  tagPath,
} from './model/paths';
export { ageNotice, meaningfulUpdate, modifiedAt, yearsOld } from './model/story-times';
export {
  isLive,
  latestUpdateOf,
  liveFirstPage,
  updateAnchor,
  KEY_EVENTS_SHOWN,
  liveStatusPath,
  updatePageCount,
  updatePageOf,
  updatePath,
  UPDATES_PER_PAGE,
  updatesOnPage,
  updatesPagePath,
} from './model/live';
export { lastUpdateChange } from './model/live';
export { liveStatus, updateRevision, type LiveStatus } from './model/live-status';
export type {
  Content,
  LinkedStory,
  ListedStoryRecord,
  Photo,
  Story,
  StoryBlock,
  StorySummary,
  StoryUpdate,
} from './model/types';
// The editors' dev previews (app/dev/previews) show the checker's problems.
export { formatProblem, validateContent, type ContentProblem } from './model/validate';
export type { Front } from './read/content';
export type { Placed, PlacementSize } from './model/placements';
export { isScheduled, isVisible, productionVisibility, type VisibilityOptions } from './model/visibility';
export { buildContent, ContentError, loadDefaultSources, type FullContent } from './read/build-content';
export {
  getActiveSections,
  getAuthor,
  getBreakingNews,
  getContent,
  getFront,
  getSection,
  getStory,
  getTag,
  prerenderedStories,
  storyProblems,
} from './read/content';
export {
  ARCHIVE_PATH,
  archiveMonth,
  archiveMonthPath,
  archiveYear,
  archiveYearPath,
  archiveYears,
  listingPagePath,
  pageNumbers,
  paginate,
  parseMonth,
  parsePageNumber,
  parseYear,
  relatedStories,
} from './read/listings';
export { snapshotStories, viewOf } from './read/live-view';
export { getPreview, previewPhoto, type Preview } from './read/preview';
export { servedPaths, servedPhoto, servedSearchFile } from './read/served-files';
export { photoBytes } from './serving/photos';
// The story page's notion of now (its age notice): the clock embargoes lift by.
export { contentNow } from './serving/content-clock';
