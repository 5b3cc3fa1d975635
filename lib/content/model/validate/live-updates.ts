/**
 * Live updates' rules (decision 0053): each update file parsed like a story, its id its file name and unique in
 * its story, its times inside the coverage, one pinned at most; then the valid ones joined to their live story.
 */
import path from 'node:path';
import { liveUpdateSchema, type LiveUpdate, type StoryRecord } from '@/content/schema';
import { lastUpdateChange, liveStoryFileOf, newestUpdateFirst } from '../live';
import { checkBlocks, checkPullQuotes } from './body-rules';
import { collectLinks, type StoryLinks } from './links';
import { parseRecord } from './parse';
import { checkPhotos, type PhotoFiles } from './photos';
import { closest, reportTo, type ContentProblem, type ContentSource, type Report } from './problems';
import { isRecord, isTime, type LooseStory } from './values';

/** What the update rules read and add to: the check's stories (valid ones by file) and its links. */
export interface UpdateRun extends PhotoFiles {
  problems: ContentProblem[];
  stories: { file: string; story: StoryRecord }[];
  /** Every story file loaded, valid or not: an update of a story with errors is not also an orphan. */
  storyFiles: Set<string>;
  links: StoryLinks;
}

function checkUpdateTimes(
  update: LooseStory & Record<string, unknown>,
  story: StoryRecord,
  storyFile: string,
  report: Report,
) {
  const { postedAt } = update;
  const live = story.live!;
  if (isTime(postedAt) && Date.parse(postedAt) < Date.parse(live.startedAt))
    report.error(
      'postedAt',
      `postedAt (${postedAt}) is before the coverage started (live.startedAt is ${live.startedAt} in ${storyFile}) — set postedAt to ${live.startedAt} or later, or move live.startedAt in ${storyFile} earlier`,
    );
  if (isTime(postedAt) && live.endedAt && Date.parse(postedAt) > Date.parse(live.endedAt))
    report.error(
      'postedAt',
      `postedAt (${postedAt}) is after the coverage ended (live.endedAt is ${live.endedAt} in ${storyFile}) — set postedAt to ${live.endedAt} or earlier, or remove live.endedAt from ${storyFile} to reopen the coverage`,
    );
  for (const field of ['correction', 'withdrawn'] as const) {
    const date = isRecord(update[field]) ? update[field].date : undefined;
    if (isTime(date) && isTime(postedAt) && Date.parse(date) < Date.parse(postedAt))
      report.error(
        `${field}.date`,
        `${field}.date (${date}) is before the update's postedAt (${postedAt}) — set it to when the update was ${field === 'correction' ? 'corrected' : 'withdrawn'}, ${postedAt} or later`,
      );
  }
}

/** The rules over an update's body as written: blocks, pull-quotes, photos, and the links it holds. */
async function checkUpdateBody(
  run: UpdateRun,
  file: string,
  parsed: LiveUpdate | undefined,
  data: unknown,
  story: LooseStory,
  report: Report,
) {
  const rawBody: unknown[] = isRecord(data) && Array.isArray(data.body) ? data.body : [];
  checkBlocks(rawBody, report);
  collectLinks(file, story, rawBody, run.links);
  checkPullQuotes(parsed?.body ?? [], rawBody, report);
  await checkPhotos({ body: rawBody.map((block, i) => (parsed ? parsed.body[i] : block)) }, run, report);
}

/** Checks one live story's update files; returns its valid updates. */
async function checkStoryUpdates(run: UpdateRun, storyFile: string, story: StoryRecord, sources: ContentSource[]) {
  const updates: LiveUpdate[] = [];
  const ids = new Map<string, string>();
  let pinnedIn: string | undefined;
  for (const { file, data } of sources) {
    const report = reportTo(run.problems, file);
    const parsed = parseRecord(file, liveUpdateSchema, data);
    run.problems.push(...parsed.problems);
    const update = (parsed.data ?? (isRecord(data) ? data : {})) as LooseStory & Record<string, unknown>;
    const expectedId = path.basename(file).replace(/\.tsx?$/, '');
    if (typeof update.id === 'string') {
      if (update.id !== expectedId)
        report.error(
          'id',
          `id "${update.id}" does not match the file name — rename the file to ${update.id}.ts or set id to "${expectedId}"`,
        );
      const other = ids.get(update.id);
      if (other)
        report.error(
          'id',
          `id "${update.id}" is already used by ${other} — give this update its own id and file name (npm run new-update makes one)`,
        );
      else ids.set(update.id, file);
    }
    checkUpdateTimes(update, story, storyFile, report);
    if (update.pinned === true) {
      if (pinnedIn)
        report.error(
          'pinned',
          `pinned is true here and in ${pinnedIn} — at most one update is pinned: remove pinned: true from one of the two files`,
        );
      else pinnedIn = file;
    }
    if (update.keyEvent === true && update.title === undefined)
      report.warning(
        'title',
        'keyEvent is true but the update has no title — the key events list shows titles: add one, e.g. title: "Putin lands in Pyongyang"',
      );
    await checkUpdateBody(run, file, parsed.data, data, { slug: story.slug, draft: story.draft }, report);
    if (parsed.data) updates.push(parsed.data);
  }
  return updates.sort(newestUpdateFirst);
}

/** An update in a folder named after no story file: where it should be, the nearest story's folder if any. */
function noStoryMessage(storyFile: string, storyFiles: ReadonlySet<string>): string {
  const folder = storyFile.replace(/\.tsx?$/, '/');
  const slugOf = (file: string) => path.basename(file).replace(/\.tsx?$/, '');
  const neighbours = [...storyFiles].filter((file) => path.dirname(file) === path.dirname(storyFile));
  const guess = closest(slugOf(storyFile), neighbours.map(slugOf));
  const where = guess ? `move it to ${path.dirname(storyFile)}/${guess}/ if it is that story's` : 'move it there';
  return `is an update in ${folder}, but there is no story file ${storyFile} — an update lives in the folder named after its live story's file: ${where}, or add the story`;
}

/** Checks every update file, and joins the valid updates to their live story (updatedAt follows the newest). */
export async function checkLiveUpdates(run: UpdateRun, sources: readonly ContentSource[]): Promise<void> {
  const byStory = new Map<string, ContentSource[]>();
  for (const source of sources) {
    const storyFile = liveStoryFileOf(source.file);
    byStory.set(storyFile, [...(byStory.get(storyFile) ?? []), source]);
  }
  const validByFile = new Map(run.stories.map((entry, i) => [entry.file, i]));
  for (const [storyFile, updateSources] of byStory) {
    const index = validByFile.get(storyFile);
    const story = index === undefined ? undefined : run.stories[index]!.story;
    if (!story || !story.live) {
      const message = !run.storyFiles.has(storyFile)
        ? noStoryMessage(storyFile, run.storyFiles)
        : story
          ? `is an update of ${storyFile}, which is not live coverage — to make it live coverage, add live: { startedAt: "${story.postedAt}" } to ${storyFile}; otherwise move this file out of ${storyFile.replace(/\.tsx?$/, '/')}`
          : undefined;
      if (message) for (const { file } of updateSources) reportTo(run.problems, file).error('', message);
      continue;
    }
    const updates = await checkStoryUpdates(run, storyFile, story, updateSources);
    const changed = lastUpdateChange(updates);
    const updatedAt = changed && Date.parse(changed) > Date.parse(story.updatedAt) ? changed : story.updatedAt;
    // A copy: the story's parse may be the check cache's, which must not keep the updates.
    run.stories[index!] = { file: storyFile, story: { ...story, updatedAt, updates } };
  }
}
