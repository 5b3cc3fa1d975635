/**
 * The synthetic archive's live coverage (decision 0053): a few of its generated stories become live stories with
 * updates, each update a file beside its story: three ended (the longest with total × 0.105 updates: 1,050 at
 * 10,000 stories) and one still live with 24. Drawn from their own PRNG, so the rest of the archive stays as is.
 */
import type { LiveUpdateInput, StoryInput } from '@/content/schema';
import { updateFileOf } from '@/lib/content/model/live';
import words from '@/test/fixtures/synthetic-words.json' with { type: 'json' };
import { updateId } from '@/scripts/lib/update-scaffold';
import { photoSrc, SYNTHETIC_PHOTOS } from './synthetic-photos';
import { between, capitalise, kstInstant, pick, prng, type Random } from './synthetic-random';

/** Updates of the still-live story: about a day's morning of coverage. */
export const STILL_LIVE_UPDATES = 24;

/** Fewer generated stories than this, and the archive has no live coverage (too few to spare). */
const MIN_STORIES = 20;

/**
 * Each live story: where it is among the generated stories (a share of them, oldest first) and how many updates
 * it has for an archive of `total` stories. Away from both ends: the e2e specs and benchmarks take the newest,
 * the oldest and the prerender window's edge as plain stories.
 */
const COVERAGES = [
  { at: 0.3, updates: (total: number) => Math.max(30, Math.round(total * 0.105)), ended: true },
  { at: 0.55, updates: (total: number) => Math.max(8, Math.round(total * 0.01)), ended: true },
  { at: 0.8, updates: (total: number) => Math.max(5, Math.round(total * 0.003)), ended: true },
] as const;

export interface SyntheticUpdate {
  file: string;
  update: LiveUpdateInput;
}

/** One update's body: a paragraph or two in the archive's words; now and then a photo, a quotation or a list. */
function updateBody(random: Random): LiveUpdateInput['body'] {
  const sentence = () => `${pick(random, words.openers)} ${pick(random, words.clauses)}.`;
  const body: LiveUpdateInput['body'] = Array.from({ length: between(random, 1, 2) }, () => ({
    type: 'paragraph' as const,
    text: Array.from({ length: between(random, 1, 3) }, sentence).join(' '),
  }));
  const extra = random();
  if (extra < 0.05) {
    const photo = pick(random, SYNTHETIC_PHOTOS);
    body.push({
      type: 'photo',
      photo: {
        src: photoSrc(photo),
        alt: 'Synthetic stand-in photo: a yellow disc on a coloured background.',
        caption: `${capitalise(pick(random, words.clauses))}.`,
        credit: pick(random, words.credits),
      },
    });
  } else if (extra < 0.1)
    body.push({ type: 'quote', text: `${capitalise(pick(random, words.clauses))}.`, source: 'A spokesperson' });
  else if (extra < 0.13)
    body.push({
      type: 'list',
      style: 'bulleted',
      items: [0, 1, 2].map(() => `${capitalise(pick(random, words.clauses))}.`),
    });
  return body;
}

/** The updates of one coverage from `startedAt`, a few minutes apart, oldest first; the first pinned if `pin`. */
function coverageUpdates(random: Random, storyFile: string, startedAt: string, count: number, pin: boolean) {
  const updates: SyntheticUpdate[] = [];
  let at = Date.parse(startedAt);
  for (let i = 0; i < count; i++) {
    at += between(random, 2, 6) * 60_000;
    const postedAt = kstInstant(at);
    const keyEvent = random() < 0.08;
    const title = keyEvent || random() < 0.3 ? capitalise(pick(random, words.clauses)) : undefined;
    const id = updateId(postedAt, title, () => false);
    const fate = random();
    const later = kstInstant(at + between(random, 5, 90) * 60_000);
    const update: LiveUpdateInput = {
      id,
      postedAt,
      ...(title ? { title: title.length <= 120 ? title : title.slice(0, 117).replace(/\s+\S*$/, '') } : {}),
      ...(keyEvent ? { keyEvent: true } : {}),
      ...(pin && i === 0 ? { pinned: true } : {}),
      body: updateBody(random),
      ...(fate < 0.02
        ? { correction: { date: later, text: 'An earlier version of this update misstated a figure.' } }
        : {}),
      ...(fate > 0.99 ? { withdrawn: { date: later, reason: 'The report could not be confirmed.' } } : {}),
    };
    updates.push({ file: updateFileOf(storyFile, id), update });
  }
  return { updates, last: at };
}

/** Whether a story may become live coverage: published (not a draft, not the scheduled story). */
const usable = (story: StoryInput) => !story.draft && !story.publishAt;

/**
 * Makes a few of `records` (generated stories, oldest first; changed in place) live coverage and returns their
 * updates: three ended, one still live near the newest. Deterministic for a seed and a total.
 */
export function addLiveCoverage(
  records: { file: string; story: StoryInput }[],
  { total, seed }: { total: number; seed: number },
): SyntheticUpdate[] {
  if (records.length < MIN_STORIES) return [];
  const random = prng(seed ^ 0x11fe);
  const pickAt = (index: number) => {
    let i = Math.min(Math.max(0, index), records.length - 1);
    while (i > 0 && !usable(records[i]!.story)) i--;
    return records[i]!;
  };
  const out: SyntheticUpdate[] = [];
  const coverages = [
    ...COVERAGES.map((c) => ({
      record: pickAt(Math.floor(records.length * c.at)),
      count: c.updates(total),
      ended: true,
    })),
    // The still-live story: a few places from the newest (which the specs keep plain), coverage not ended.
    { record: pickAt(records.length - 6), count: STILL_LIVE_UPDATES, ended: false },
  ];
  for (const [n, { record, count, ended }] of coverages.entries()) {
    const { story, file } = record;
    const { updates, last } = coverageUpdates(random, file, story.postedAt, count, n === 0 || !ended);
    story.live = { startedAt: story.postedAt, ...(ended ? { endedAt: kstInstant(last + 30 * 60_000) } : {}) };
    out.push(...updates);
  }
  return out;
}
