// The synthetic archive's records and stories, composed from the word lists in test/fixtures/synthetic-*.json.
import type { AuthorInput, SectionInput, StoryInput, TagInput } from '@/content/schema';
import { storyFilePath } from '@/lib/content/model/validate';
import topics from '@/test/fixtures/synthetic-topics.json' with { type: 'json' };
import words from '@/test/fixtures/synthetic-words.json' with { type: 'json' };
import { everyBlockStory } from './every-block-story';
import { isCentred, photoSrc, SYNTHETIC_PHOTOS } from './synthetic-photos';
import { addLiveCoverage } from './synthetic-live';
import { between, capitalise, fillIn, kstInstant, pick, pickSome, prng, slugOf, type Random } from './synthetic-random';

export { kstInstant } from './synthetic-random';

interface SectionTopic {
  section: SectionInput;
  tags: string[];
  subjects: string[];
  verbs: string[];
  objects: string[];
  places: string[];
}

const TOPICS: SectionTopic[] = topics;
const TAG_NAMES: Record<string, string> = words.tagNames;

/** The ten years the archive spans (KST): July 2015 to June 2025. */
const SPAN = { from: Date.parse('2015-07-01T00:00:00+09:00'), to: Date.parse('2025-06-30T23:59:00+09:00') };

export interface SyntheticOptions {
  /** Stories in the archive, the seed story included (at least 1). */
  stories: number;
  /** PRNG seed; the default gives the archive the tests and benchmarks use. */
  seed?: number;
}

type Body = NonNullable<StoryInput['body']>;

const clauseItems = (random: Random) =>
  pickSome(random, words.clauses, 3)
    .map(capitalise)
    .map((c) => `${c}.`);

/** Extra text for a generated story: inline links and emphasis, a subheading, a list, a quotation. */
function extraText(random: Random, topic: SectionTopic, body: Body) {
  // Inline text in about a third of the stories: a link to the section or a tag, emphasis, strong.
  if (random() < 0.35) {
    const first = body[0];
    if (first?.type === 'paragraph') {
      const tag = pick(random, topic.tags);
      const sentence =
        random() < 0.5
          ? ` More in [${topic.section.name}](/sections/${topic.section.id}).`
          : ` See also [the *${tag.replace(/-/g, ' ')}* tag](/tags/${tag}).`;
      body[0] = { ...first, text: `${first.text}${sentence}` };
    }
  }
  if (random() < 0.1)
    body.push({
      type: 'paragraph',
      text: `The figures were **provisional**, according to [the ministry's release](https://example.com/releases/${between(random, 100, 999)}).`,
    });
  if (random() < 0.25 && body.length > 4)
    body.splice(3, 0, {
      type: 'subheading',
      text: `What happens next in ${pick(random, topic.places).replace(/^the /, '')}`,
    });
  if (random() < 0.15)
    body.splice(2, 0, { type: 'list', style: random() < 0.7 ? 'bulleted' : 'numbered', items: clauseItems(random) });
  if (random() < 0.1)
    body.push({
      type: 'quote',
      text: `${capitalise(pick(random, words.clauses))}.`,
      source: `${pick(random, topic.subjects)}, in a statement`,
    });
}

/** Extra boxes for a generated story: a table, a fact box, a timeline, a story link, an embed. */
function extraBoxes(random: Random, topic: SectionTopic, body: Body, linkable: readonly string[]) {
  if (random() < 0.08) {
    const year = between(random, 2016, 2022);
    body.push({
      type: 'table',
      caption: `${pick(random, topic.subjects)}: figures by year`,
      header: ['Year', 'Value', 'Change'],
      rows: [0, 1, 2].map((k) => [
        String(year + k),
        String(between(random, 100, 999)),
        `${between(random, 1, 19)}.${between(random, 0, 9)}%`,
      ]),
    });
  }
  if (random() < 0.08) body.push({ type: 'factBox', title: 'Key facts', items: clauseItems(random) });
  if (random() < 0.05) {
    const year = between(random, 2000, 2014);
    body.push({
      type: 'timeline',
      title: 'Timeline',
      events: [0, 4, 8].map((k) => ({ when: String(year + k), text: `${capitalise(pick(random, words.clauses))}.` })),
    });
  }
  if (random() < 0.1 && linkable.length > 0) body.push({ type: 'storyLink', slug: pick(random, linkable.slice(-50)) });
  if (random() < 0.03) {
    const url = pick(random, words.embeds);
    body.push({ type: 'embed', url, title: `${pick(random, topic.subjects)} in ${pick(random, topic.places)}` });
  }
}

/** A generated story's paragraphs: sentences with a topical one each, an expert's quote, maybe a pull-quote. */
function storyBody(random: Random, topic: SectionTopic): Body {
  const expert = `${pick(random, words.surnames)} ${pick(random, words.givenNames)}`;
  const institution = pick(random, words.institutions);
  const sentence = () => `${pick(random, words.openers)} ${pick(random, words.clauses)}.`;
  // One sentence a paragraph in the section's own words, with a figure: body text differs by topic.
  const topical = () =>
    `${pick(random, topic.subjects)} ${pick(random, topic.verbs)} ${pick(random, topic.objects)} in ${pick(random, topic.places)}, ${fillIn(random, pick(random, words.figures))}.`;
  const paragraphs = Array.from({ length: between(random, 4, 8) }, () => {
    const sentences = Array.from({ length: between(random, 2, 4) }, sentence);
    sentences.splice(between(random, 0, sentences.length), 0, topical());
    return sentences.join(' ');
  });
  const quote = `${capitalise(pick(random, words.clauses))}, and ${pick(random, words.clauses)}`;
  const expertRole = pick(random, words.experts);
  paragraphs.splice(
    1,
    0,
    `"${quote}," said ${expert}, ${/^[aeiou]/.test(expertRole) ? 'an' : 'a'} ${expertRole} at ${institution}.`,
  );
  paragraphs.push(pick(random, words.closers));
  const body: Body = paragraphs.map((text) => ({ type: 'paragraph' as const, text }));
  if (random() < 0.3)
    body.splice(2, 0, {
      type: 'pullQuote',
      text: quote,
      speaker: expert,
      role: `${capitalise(pick(random, words.experts))}, ${institution}`,
    });
  return body;
}

/** What generating a story draws on: the story PRNG, the extra blocks' own, and the stories it may link to. */
interface StoryContext {
  random: Random;
  /** Extra blocks draw from their own PRNG, so the rest of the archive stays as it was before they existed. */
  blocks: Random;
  authors: AuthorInput[];
  linkable: string[];
  /** Time between two stories' dates, in milliseconds. */
  step: number;
}

/** The i-th generated story (each random draw in a fixed order: the same seed gives the same story). */
function generatedStory({ random, blocks, authors, linkable, step }: StoryContext, i: number): StoryInput {
  const topic = pick(random, TOPICS);
  const place = pick(random, topic.places);
  const headline = `${pick(random, topic.subjects)} ${pick(random, topic.verbs)} ${pick(random, topic.objects)}${random() < 0.5 ? ` in ${place}` : ''}`;
  const slug = `${slugOf(headline).split('-').slice(0, 7).join('-')}-${i + 1}`;
  const storyAuthors = pickSome(random, authors, random() < 0.85 ? 1 : 2).map((a) => a.id);
  const storyTags = [
    ...pickSome(random, topic.tags, between(random, 2, 4)),
    ...(random() < 0.2 ? [pick(random, words.generalTags)] : []),
  ];
  const posted = Math.round(SPAN.from + (i + random()) * step);
  const postedAt = kstInstant(posted);
  const updatedAt = kstInstant(posted + between(random, 0, 600) * 60_000);
  const body = storyBody(random, topic);
  extraText(blocks, topic, body);
  extraBoxes(blocks, topic, body, linkable);
  const photoIndex = Math.floor(random() * SYNTHETIC_PHOTOS.length);
  const photo = SYNTHETIC_PHOTOS[photoIndex]!;
  // Within the advised lengths, so content:check prints no warning for 10,000 stories.
  const seoTitle = headline.length > 60 ? headline.slice(0, 60).replace(/\s+\S*$/, '') : undefined;
  const summary = `${headline}, as ${pick(random, words.clauses)} and ${pick(random, words.clauses)}.`;
  return {
    slug,
    headline,
    ...(seoTitle ? { seoTitle } : {}),
    ...(random() < 0.15 ? { kicker: pick(random, words.kickers) } : {}),
    summary: summary.length <= 250 ? summary : `${headline}.`,
    section: topic.section.id,
    tags: storyTags,
    authors: storyAuthors,
    dateline: { place: place.replace(/^the /, '').toUpperCase(), publication: 'AJU PRESS' },
    postedAt,
    updatedAt,
    leadPhoto: {
      src: photoSrc(photo),
      alt: `Synthetic stand-in photo ${photoIndex + 1}: a yellow disc on a coloured background.`,
      caption: `${pick(random, topic.subjects)} in ${place}, in a file photo.`,
      credit: pick(random, words.credits),
      ...(isCentred(photo) ? {} : { focalPoint: photo.focus }),
    },
    body,
    ...(random() < 0.03
      ? { corrections: [{ date: updatedAt, text: 'An earlier version of this story misstated a figure.' }] }
      : {}),
  };
}

/** The records stories refer to: a section per topic, every tag, and up to two dozen authors. */
function syntheticRecords(random: Random) {
  const sections: SectionInput[] = TOPICS.map((t) => t.section);
  const tagIds = [...new Set([...TOPICS.flatMap((t) => t.tags), ...words.generalTags])];
  const tags: TagInput[] = tagIds.map((id) => ({ id, name: TAG_NAMES[id] ?? capitalise(id.replace(/-/g, ' ')) }));
  const authorNames = [
    ...new Set(Array.from({ length: 40 }, () => `${pick(random, words.surnames)} ${pick(random, words.givenNames)}`)),
  ].slice(0, 24);
  const authors: AuthorInput[] = authorNames.map((name) => {
    const role = pick(random, words.roles);
    return { id: slugOf(name), name, role, bio: `${name} is a ${role.toLowerCase()} for Aju Press.` };
  });
  return { sections, tags, authors };
}

/** The records: sections, tags, authors, every generated story (the seed not included) and the live updates. */
export function syntheticContent({ stories: total, seed = 20240618 }: SyntheticOptions) {
  const random = prng(seed);
  const { sections, tags, authors } = syntheticRecords(random);
  // The story with every block counts as one of the stories, when there is room for it.
  const withEveryBlock = total >= 3;
  const count = Math.max(0, total - 1 - (withEveryBlock ? 1 : 0));
  const context: StoryContext = {
    random,
    blocks: prng(seed ^ 0x5eed),
    authors,
    linkable: [],
    step: (SPAN.to - SPAN.from) / Math.max(1, count),
  };
  const records: { file: string; story: StoryInput }[] = [];
  for (let i = 0; i < count; i++) {
    const story = generatedStory(context, i);
    // A few drafts and one scheduled story, as in a real newsroom: never published, never listed.
    if (i % 250 === 125) story.draft = true;
    if (count >= 100 && i === count - 1) {
      const future = '2099-01-01T09:00:00+09:00';
      Object.assign(story, { publishAt: future, postedAt: future, updatedAt: future });
    }
    records.push({ file: storyFilePath(story.slug, story.postedAt), story });
    if (!story.draft && !story.publishAt) context.linkable.push(story.slug);
  }
  // A few stories become live coverage, their updates files beside them (test/support/synthetic-live.ts).
  const updates = addLiveCoverage(records.slice(0, count), { total, seed });
  if (withEveryBlock) {
    const linked = context.linkable.at(-1) ?? records[0]!.story.slug;
    const story = everyBlockStory({ author: authors[0]!.id, linked });
    records.push({ file: storyFilePath(story.slug, story.postedAt), story });
  }
  return { sections, tags, authors, stories: records, updates };
}
