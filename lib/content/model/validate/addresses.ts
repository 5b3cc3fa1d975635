/**
 * Address rules (docs/decisions/0048-addresses-never-break.md): every address content:publish ever published
 * (content/published-addresses.json) is still a story's, a renamed story's previous slug, or taken down in
 * content/takedowns.ts; and no old address is claimed twice.
 */
import { takedownSchema, type StoryRecord, type Takedown } from '@/content/schema';
import { parseRecord } from './parse';
import type { ContentProblem, ContentSource, ValidContent } from './problems';
import type { LooseStory } from './values';

export const TAKEDOWNS_FILE = 'content/takedowns.ts';
export const PUBLISHED_ADDRESSES_FILE = 'content/published-addresses.json';

/** The takedowns as parsed; a missing file (undefined data) is none. */
export function parseTakedowns(source: ContentSource | undefined, problems: ContentProblem[]): Takedown[] {
  if (!source || source.data === undefined) return [];
  if (!Array.isArray(source.data)) {
    problems.push({
      file: source.file,
      field: '',
      message: 'must export a list of takedowns as its default export, e.g. export default defineTakedowns([])',
      severity: 'error',
    });
    return [];
  }
  const out: Takedown[] = [];
  source.data.forEach((entry, i) => {
    const parsed = parseRecord(source.file, takedownSchema, entry, [i]);
    problems.push(...parsed.problems);
    if (!parsed.data) return;
    if (out.some((t) => t.slug === parsed.data!.slug))
      problems.push({
        file: source.file,
        field: `[${i}].slug`,
        message: `"${parsed.data.slug}" is taken down above already — delete this entry`,
        severity: 'error',
      });
    else out.push(parsed.data);
  });
  return out;
}

/** The slugs of the ledger; undefined when there is none (nothing was ever published from this tree). */
export function parseLedger(source: ContentSource | undefined, problems: ContentProblem[]): string[] | undefined {
  if (!source || source.data === undefined) return undefined;
  const stories = (source.data as { stories?: unknown } | null)?.stories;
  if (Array.isArray(stories) && stories.every((s) => typeof s === 'string')) return stories as string[];
  problems.push({
    file: source.file,
    field: 'stories',
    message: 'is not a list of slugs — restore the file from git (content:publish writes it)',
    severity: 'error',
  });
  return undefined;
}

type Stories = ValidContent['stories'];

/** A story file's addresses as written, whether or not the story passed its other rules. */
export interface AddressedStory {
  file: string;
  slugs: string[];
  draft: boolean;
}

export const addressedStory = (file: string, story: LooseStory): AddressedStory => ({
  file,
  slugs: [story.slug, ...(Array.isArray(story.previousSlugs) ? story.previousSlugs : [])].filter(
    (s): s is string => typeof s === 'string',
  ),
  draft: story.draft === true,
});

/** Previous slugs: not a story's slug, not claimed by two stories, not taken down. */
function checkPreviousSlugs(stories: Stories, gone: Set<string>, problems: ContentProblem[]) {
  const current = new Map(stories.map(({ file, story }) => [story.slug, file]));
  const claimed = new Map<string, string>();
  for (const { file, story } of stories) {
    (story.previousSlugs ?? []).forEach((old, i) => {
      const error = (message: string) =>
        problems.push({ file, field: `previousSlugs[${i}]`, message, severity: 'error' });
      const owner = current.get(old);
      if (owner === file) error(`"${old}" is this story's own slug — delete it from previousSlugs`);
      else if (owner)
        error(
          `"${old}" is the slug of ${owner} — an address is either a story's or an old one that redirects; delete it here, or rename that story`,
        );
      else if (claimed.has(old))
        error(
          `"${old}" is a previous slug of ${claimed.get(old)} too — an old address redirects to one story; delete it from one of them`,
        );
      else {
        claimed.set(old, file);
        if (gone.has(old))
          error(
            `"${old}" is taken down in ${TAKEDOWNS_FILE} — an old address either redirects or is gone; delete it here or there`,
          );
      }
    });
  }
}

/** Takedowns of a story still published (drafts are not). */
function checkTakedowns(stories: Stories, takedowns: Takedown[], problems: ContentProblem[]) {
  const published = new Map(stories.filter(({ story }) => !story.draft).map(({ file, story }) => [story.slug, file]));
  takedowns.forEach((t, i) => {
    const file = published.get(t.slug);
    if (file)
      problems.push({
        file: TAKEDOWNS_FILE,
        field: `[${i}].slug`,
        message: `"${t.slug}" is the slug of ${file}, which is published — delete that file (or make it a draft) to take it down, or delete this entry`,
        severity: 'error',
      });
  });
}

/**
 * The ledger: each address ever published still answers (a story, a redirect) or is taken down. A story with
 * errors still counts by what it says (its own errors are reported; its address is not lost).
 */
function checkLedger(stories: AddressedStory[], takedowns: Takedown[], ledger: string[], problems: ContentProblem[]) {
  const answered = new Set<string>(takedowns.map((t) => t.slug));
  const drafts = new Map<string, string>();
  for (const { file, slugs, draft } of stories) {
    for (const slug of slugs) {
      if (draft) drafts.set(slug, file);
      else answered.add(slug);
    }
  }
  for (const slug of ledger) {
    if (answered.has(slug)) continue;
    const draft = drafts.get(slug);
    const fix = draft
      ? `${draft} is a draft now: take "${slug}" down in ${TAKEDOWNS_FILE} while it is one, or publish it again`
      : `add "${slug}" to the renamed story's previousSlugs, or take it down in ${TAKEDOWNS_FILE}`;
    problems.push({
      file: PUBLISHED_ADDRESSES_FILE,
      field: slug,
      message: `/stories/${slug} was published and would now answer 404 — ${fix}`,
      severity: 'error',
    });
  }
}

/** Every address rule, once every story is known. */
export function checkAddresses(
  stories: Stories,
  takedowns: Takedown[],
  ledger: string[] | undefined,
  addressed: AddressedStory[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  checkPreviousSlugs(stories, new Set(takedowns.map((t) => t.slug)), problems);
  checkTakedowns(stories, takedowns, problems);
  if (ledger) checkLedger(addressed, takedowns, ledger, problems);
  return problems;
}

/** The ledger after a publish of these stories: what it held, and every slug and previous slug published now. */
export function nextLedger(
  ledger: readonly string[],
  stories: ReadonlyArray<Pick<StoryRecord, 'slug' | 'previousSlugs'>>,
) {
  const slugs = new Set(ledger);
  for (const story of stories) for (const slug of [story.slug, ...(story.previousSlugs ?? [])]) slugs.add(slug);
  return [...slugs].sort();
}
