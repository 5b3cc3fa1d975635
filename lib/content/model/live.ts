/**
 * Live coverage's model (decision 0053): where update files live, which updates a page shows, and each update's
 * stable address. The live page shows the newest updates; older ones are in fixed pages of UPDATES_PER_PAGE
 * counted from the first update, so a page, once full, never changes its updates and the edge keeps it.
 */
import type { Block, LiveUpdate, StoryRecord } from '@/content/schema';
import { storyPath } from './paths';

/** How many updates the live page shows, and each older page holds. */
export const UPDATES_PER_PAGE = 20;

const UPDATE_FILE = /^content\/stories\/[^/]+\/[^/]+\/[^/]+\/[^/]+\.tsx?$/;

/** An update's file: content/stories/<year>/<month>/<live story's slug>/<id>.ts */
export const isUpdateFile = (file: string) => UPDATE_FILE.test(file);

/** The live story's file for an update's: the folder's name with ".ts". */
export const liveStoryFileOf = (updateFile: string) =>
  `${updateFile.slice(0, updateFile.lastIndexOf('/'))}${updateFile.endsWith('.tsx') ? '.tsx' : '.ts'}`;

/** The update file for an id, beside the live story's file. */
export const updateFileOf = (storyFile: string, id: string) => `${storyFile.replace(/\.tsx?$/, '')}/${id}.ts`;

export const isLive = (story: Pick<StoryRecord, 'live'>) => !!story.live && !story.live.endedAt;

/** Newest posted first; the same minute: the later id first. */
export const newestUpdateFirst = (a: Pick<LiveUpdate, 'id' | 'postedAt'>, b: Pick<LiveUpdate, 'id' | 'postedAt'>) =>
  Date.parse(b.postedAt) - Date.parse(a.postedAt) || b.id.localeCompare(a.id);

/** The fragment id of an update on any page that shows it. */
export const updateAnchor = (id: string) => `update-${id}`;

/** The older page `page` (1 = the first updates). */
export const updatesPagePath = (slug: string, page: number) => `${storyPath(slug)}/updates/${page}`;

/** How many older pages a live story has: every update is on exactly one. */
export const updatePageCount = (total: number) => Math.max(1, Math.ceil(total / UPDATES_PER_PAGE));

/** The older page an update is on, from its place among `updates` (newest first). */
export const updatePageOf = (updates: readonly Pick<LiveUpdate, 'id'>[], id: string): number => {
  const index = updates.findIndex((update) => update.id === id);
  return index < 0 ? 1 : Math.floor((updates.length - 1 - index) / UPDATES_PER_PAGE) + 1;
};

/** An update's address for sharing: its older page, which always holds it, at its anchor. */
export const updatePath = (slug: string, updates: readonly Pick<LiveUpdate, 'id'>[], id: string) =>
  `${updatesPagePath(slug, updatePageOf(updates, id))}#${updateAnchor(id)}`;

/** The updates of older page `page`, newest first; empty when there is no such page. */
export function updatesOnPage<U>(updates: readonly U[], page: number): U[] {
  const end = updates.length - (page - 1) * UPDATES_PER_PAGE;
  if (page < 1 || end <= 0) return [];
  return updates.slice(Math.max(0, end - UPDATES_PER_PAGE), end);
}

/** What pages read of an update (a StoryUpdate's resolved body or a LiveUpdate's: either will do). */
type ShownUpdate = Pick<LiveUpdate, 'id' | 'pinned' | 'keyEvent' | 'withdrawn'>;

/** What the live page shows: the pinned update, and the newest updates (the pinned one not again). */
export function liveFirstPage<U extends ShownUpdate>(updates: readonly U[]) {
  const pinned = updates.find((update) => update.pinned && !update.withdrawn);
  const newest = updates.slice(0, UPDATES_PER_PAGE);
  return {
    pinned,
    newest,
    /** Every update the page shows: the pinned one first when it is not among the newest. */
    shown: pinned && !newest.includes(pinned) ? [pinned, ...newest] : newest,
    keyEvents: updates.filter((update) => update.keyEvent && !update.withdrawn),
    /** The older page holding the newest update the live page leaves out, if any. */
    olderPage: updates.length > UPDATES_PER_PAGE ? updatePageOf(updates, updates[UPDATES_PER_PAGE]!.id) : undefined,
  };
}

/** The updates the live page shows that are not withdrawn, newest first: what JSON-LD's liveBlogUpdate lists. */
export function shownUpdates<U extends ShownUpdate & Pick<LiveUpdate, 'postedAt'>>(updates: readonly U[]): U[] {
  return liveFirstPage(updates)
    .shown.filter((update) => !update.withdrawn)
    .sort(newestUpdateFirst);
}

/** Every block of a story: its body, then each update's (embeds' frames, links, photos, search text). */
export const allBlocks = <B = Block>(story: {
  body: readonly B[];
  updates?: readonly { withdrawn?: object; body: readonly B[] }[];
}): B[] => [...story.body, ...(story.updates ?? []).flatMap((update) => (update.withdrawn ? [] : update.body))];

/** The newest update's time, title and id: what a card of a live story shows. */
export function latestUpdateOf(story: Pick<StoryRecord, 'updates'>) {
  const latest = story.updates?.find((update) => !update.withdrawn);
  return latest
    ? { id: latest.id, postedAt: latest.postedAt, ...(latest.title ? { title: latest.title } : {}) }
    : undefined;
}

/** The last time anything in the coverage changed: an update posted, corrected or withdrawn. */
export function lastUpdateChange(updates: readonly LiveUpdate[]): string | undefined {
  let latest: string | undefined;
  for (const update of updates)
    for (const time of [update.postedAt, update.correction?.date, update.withdrawn?.date])
      if (time && (!latest || Date.parse(time) > Date.parse(latest))) latest = time;
  return latest;
}

/** What open tabs poll for changes (components/live/follow.ts): cached at the edge a few seconds, purged by a publish. */
export const liveStatusPath = (slug: string) => `${storyPath(slug)}/live.json`;

/** The newest updates the live page's key events list (older ones are on the older pages). */
export const KEY_EVENTS_SHOWN = 10;
