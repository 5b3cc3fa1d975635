/**
 * What live.json answers (app/stories/[slug]/live.json): whether the coverage is live, one revision of the whole
 * coverage and one per update, so an open tab learns that something changed and which updates did
 * (components/live/follow.ts). A revision is a hash: it changes when an update is posted, corrected or
 * withdrawn, or the coverage ends.
 */
import { createHash } from 'node:crypto';
import type { LiveUpdate, StoryRecord } from '@/content/schema';
import { isLive, updatesOnPage, updatePageCount } from './live';

export interface LiveStatus {
  live: boolean;
  revision: string;
  /** The updates the live page shows, newest first (the pinned one too). */
  updates: Array<{ id: string; revision: string }>;
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** An update's revision: its whole record (title, body, correction, withdrawal). */
export const updateRevision = (update: Pick<LiveUpdate, 'id'>) => hash(update);

export function liveStatus(
  story: Pick<StoryRecord, 'live'> & { updates?: readonly Pick<LiveUpdate, 'id'>[] },
  shown: readonly Pick<LiveUpdate, 'id'>[],
): LiveStatus {
  const updates = shown.map((update) => ({ id: update.id, revision: updateRevision(update) }));
  return {
    live: isLive(story),
    revision: hash([story.live ?? null, (story.updates ?? []).map(updateRevision)]),
    updates,
  };
}

/**
 * One hash per older page (page 1 first) of a live story's updates, and of what else an older page shows (the
 * headline, and whether it is the last: its "Newer updates" link goes to the live page, else to the next page):
 * a publish refreshes only the older pages whose hash changed (lib/publish/changes.ts). A full page changes
 * only when one of its updates does, or once, when the page after it starts.
 */
export function updatePageHashes(
  story: Pick<StoryRecord, 'headline'> & { updates?: readonly Pick<LiveUpdate, 'id'>[] },
) {
  const updates = story.updates ?? [];
  const pages = updatePageCount(updates.length);
  return Array.from({ length: pages }, (_, i) =>
    hash([story.headline, i + 1 === pages, updatesOnPage(updates, i + 1).map(updateRevision)]),
  );
}
