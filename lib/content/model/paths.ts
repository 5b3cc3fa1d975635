/** Site paths of the content's pages, and the order of every story list. */
import { modifiedAt, type StoryTimes } from './story-times';

export const storyPath = (slug: string) => `/stories/${slug}`;
export const sectionPath = (id: string) => `/sections/${id}`;
export const authorPath = (id: string) => `/authors/${id}`;
export const tagPath = (id: string) => `/tags/${id}`;
/** A live story's feed of its updates (app/stories/[slug]/feed.xml). */
export const liveFeedPath = (slug: string) => `${storyPath(slug)}/feed.xml`;
/** The breaking-news banner every page has the edge include (app/fragments/breaking-news). */
export const BREAKING_NEWS_FRAGMENT_PATH = '/fragments/breaking-news';

/** Sort order of every story list: newest posted first. */
export const newestFirst = (a: { postedAt: string }, b: { postedAt: string }) =>
  Date.parse(b.postedAt) - Date.parse(a.postedAt);

/** The latest modification among the stories (each its `modifiedAt`): when a list of them last changed. */
export const lastUpdated = (stories: StoryTimes[]): Date | undefined =>
  stories.length ? new Date(Math.max(...stories.map((s) => Date.parse(modifiedAt(s))))) : undefined;
