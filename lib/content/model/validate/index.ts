/**
 * Validates every content record at once and reports each problem as `file › field.path: what is wrong — how to
 * fix it`, in plain English, never raw schema output. One module per rule family; CONTENT.md lists every message.
 */
import { authorSchema, sectionSchema, storySchema, tagSchema, type StoryRecord } from '@/content/schema';
import { addressesOf } from '../addresses';
import { addressedStory, checkAddresses, parseLedger, parseTakedowns, type AddressedStory } from './addresses';
import { checkBlocks, checkPullQuotes } from './body-rules';
import { checkLinks, collectLinks, type KnownIds, type StoryLinks } from './links';
import { checkLiveUpdates } from './live-updates';
import { parseList, parseRecord } from './parse';
import { checkPlacements } from './placements';
import { checkPhotos, type PhotoFiles } from './photos';
import { reportTo, type ContentProblem, type ContentSource, type ContentSources, type ValidContent } from './problems';
import { checkFolder, checkLengths, checkReferences, checkSlug, checkTimes } from './story-rules';
import type { LooseStory } from './values';

export { nextLedger, PUBLISHED_ADDRESSES_FILE, TAKEDOWNS_FILE } from './addresses';
export { quoteAppearsIn } from './body-rules';
export { parseRecord } from './parse';
export { MIN_LEAD_PHOTO_WIDTH, publicPhotoFile } from './photos';
export {
  closest,
  editDistance,
  formatPath,
  formatProblem,
  type ContentProblem,
  type ContentSource,
  type ContentSources,
  type ImageFile,
  type Severity,
  type ValidContent,
} from './problems';
export { STORIES_FOLDER, storyFilePath } from './story-rules';
export { BREAKING_NEWS_FILE, FRONTS_FILE } from './placements';

/**
 * Remembers what checking one story found that follows from its file and data alone — its schema parse, and the
 * rules over its body as written — so a caller that keeps it between runs (lib/content-check/check-cache.ts)
 * parses only the stories that changed, and needs no data for the others.
 */
export interface StoryCheckMemo {
  get(file: string, data: unknown): RememberedStoryCheck | undefined;
  set(file: string, data: unknown, check: RememberedStoryCheck): void;
}

export interface RememberedStoryCheck {
  parsed: ReturnType<typeof parseRecord<StoryRecord>>;
  /** The body-as-written rules' problems (in the order found) and the links they collected. */
  body: { problems: ContentProblem[]; links: StoryLinks };
}

/** One check's state, carried from story to story. */
interface ContentRun extends PhotoFiles {
  problems: ContentProblem[];
  ids: KnownIds;
  stories: ValidContent['stories'];
  /** The file of each slug seen so far. */
  slugs: Map<string, string>;
  links: StoryLinks;
  /** Every story file's addresses as written, valid or not (a story with an error still holds its address). */
  addressed: AddressedStory[];
  memo?: StoryCheckMemo;
}

/** The rules over a story's body as written (inline text unparsed): its problems and the links it holds. */
function bodyAsWritten(file: string, story: LooseStory, data: unknown): RememberedStoryCheck['body'] {
  const rawBody: unknown[] =
    data && typeof data === 'object' && Array.isArray((data as { body?: unknown }).body)
      ? (data as { body: unknown[] }).body
      : [];
  const problems: ContentProblem[] = [];
  const report = reportTo(problems, file);
  const links: StoryLinks = { inline: [], blocks: [] };
  checkBlocks(rawBody, report);
  collectLinks(file, story, rawBody, links);
  checkPullQuotes(Array.isArray(story.body) ? story.body : [], rawBody, report);
  return { problems, links };
}

/**
 * Every rule of one story; the rules also run on a story that failed the schema, on each field that is sound.
 * What follows from the file and data alone comes from the memo when it has it (then `data` may be a stand-in).
 */
async function checkStory(run: ContentRun, { file, data }: ContentSource): Promise<void> {
  const remembered = run.memo?.get(file, data);
  const parsed = remembered?.parsed ?? parseRecord(file, storySchema, data);
  run.problems.push(...parsed.problems);
  const story = (parsed.data ?? (data && typeof data === 'object' ? data : {})) as LooseStory;
  const report = reportTo(run.problems, file);
  checkSlug(file, story, run.slugs, report);
  checkFolder(file, story, report);
  checkTimes(story, report);
  checkLengths(story, report);
  checkReferences(story, run.ids, report);
  await checkPhotos(story, run, report);
  const body = remembered?.body ?? bodyAsWritten(file, story, data);
  if (!remembered) run.memo?.set(file, data, { parsed, body });
  run.problems.push(...body.problems);
  run.links.inline.push(...body.links.inline);
  run.links.blocks.push(...body.links.blocks);
  run.addressed.push(addressedStory(file, story));
  if (parsed.data) run.stories.push({ file, story: parsed.data });
}

export async function validateContent(
  sources: ContentSources,
  options: { publicDir: string; memo?: StoryCheckMemo },
): Promise<{ problems: ContentProblem[]; content: ValidContent }> {
  const problems: ContentProblem[] = [];
  const authors = parseList(sources.authors, authorSchema, problems);
  const sections = parseList(sources.sections, sectionSchema, problems);
  const tags = parseList(sources.tags, tagSchema, problems);
  const takedowns = parseTakedowns(sources.takedowns, problems);
  const ledger = parseLedger(sources.published, problems);
  const run: ContentRun = {
    problems,
    ids: { authors: authors.map((a) => a.id), sections: sections.map((s) => s.id), tags: tags.map((t) => t.id) },
    stories: [],
    slugs: new Map(),
    links: { inline: [], blocks: [] },
    addressed: [],
    publicDir: options.publicDir,
    images: new Map(),
    memo: options.memo,
  };
  for (const source of sources.stories) await checkStory(run, source);
  await checkLiveUpdates(
    { ...run, storyFiles: new Set(sources.stories.map(({ file }) => file)) },
    sources.updates ?? [],
  );
  problems.push(...checkAddresses(run.stories, takedowns, ledger, run.addressed));
  const addresses = addressesOf(
    run.stories.map(({ story }) => story),
    takedowns,
  );
  problems.push(...checkLinks(run.links, run.stories, run.ids, addresses));
  const placed = checkPlacements(
    sources,
    {
      slugs: new Set(run.slugs.keys()),
      takenDown: new Set(addresses.gone),
      sectionIds: run.ids.sections,
      now: new Date(),
    },
    problems,
  );
  return {
    problems,
    content: { stories: run.stories, authors, sections, tags, takedowns, images: run.images, ...placed },
  };
}
