// Link rules: inline links and story-link blocks point at records that exist, checked once every story is known.
import { inlineLinks, linkTarget, parseInline } from '../inline';
import { closest, unknownRef, type ContentProblem, type ValidContent } from './problems';
import { isRecord, isSlug, type LooseStory } from './values';

/** What the link rules check, gathered story by story. */
export interface StoryLinks {
  /** Inline text that holds a link. */
  inline: { file: string; field: string; source: string }[];
  /** Story-link blocks. */
  blocks: { file: string; field: string; slug: string; from: unknown; draft: boolean }[];
}

/** The ids of the records links may point at, by kind. */
export interface KnownIds {
  authors: string[];
  sections: string[];
  tags: string[];
}

const REGISTRIES = {
  story: 'content/stories/',
  section: 'content/sections.ts',
  author: 'content/authors.ts',
  tag: 'content/tags.ts',
};

/** The fields of a body block that hold inline text, as [field path, source]. */
function richFields(block: unknown, i: number): [string, string][] {
  if (!block || typeof block !== 'object') return [];
  const b = block as Record<string, unknown>;
  const at = (field: string, value: unknown): [string, string][] =>
    typeof value === 'string' ? [[`body[${i}].${field}`, value]] : [];
  const list = (field: string, value: unknown): [string, string][] =>
    Array.isArray(value) ? value.flatMap((v, j) => at(`${field}[${j}]`, v)) : [];
  switch (b.type) {
    case 'paragraph':
    case 'quote':
      return at('text', b.text);
    case 'list':
    case 'factBox':
      return list('items', b.items);
    case 'table':
      return Array.isArray(b.rows) ? b.rows.flatMap((row, r) => list(`rows[${r}]`, row)) : [];
    case 'timeline':
      return Array.isArray(b.events)
        ? b.events.flatMap((e, j) => at(`events[${j}].text`, (e as { text?: unknown } | null)?.text))
        : [];
    default:
      return [];
  }
}

/** Adds a story's links to those checked at the end; `rawBody` is its body as written (inline text unparsed). */
export function collectLinks(file: string, story: LooseStory, rawBody: unknown[], links: StoryLinks): void {
  // Only text that can hold a link ("[words](address)") is parsed again at the end.
  for (const [field, source] of rawBody.flatMap(richFields))
    if (source.includes('](')) links.inline.push({ file, field, source });
  rawBody.forEach((block, i) => {
    if (isRecord(block) && block.type === 'storyLink' && isSlug(block.slug))
      links.blocks.push({
        file,
        field: `body[${i}].slug`,
        slug: block.slug,
        from: story.slug,
        draft: story.draft === true,
      });
  });
}

function checkInlineLinks(links: StoryLinks['inline'], known: Record<keyof typeof REGISTRIES, string[]>) {
  const knownSets = {
    story: new Set(known.story),
    section: new Set(known.section),
    author: new Set(known.author),
    tag: new Set(known.tag),
  };
  const problems: ContentProblem[] = [];
  for (const { file, field, source } of links) {
    const { nodes, error } = parseInline(source);
    if (error) continue; // reported by the schema
    for (const link of inlineLinks(nodes)) {
      const { target } = linkTarget(link.href);
      if (!target || target.kind === 'external' || knownSets[target.kind].has(target.id)) continue;
      const guess = closest(target.id, known[target.kind]);
      const fix = guess
        ? `did you mean "${guess}"? (${REGISTRIES[target.kind]} lists them all)`
        : `link to one in ${REGISTRIES[target.kind]}, or write the words without a link`;
      problems.push({
        file,
        field,
        message: `link "${link.text}" points at the ${target.kind} "${target.id}", which does not exist — ${fix}`,
        severity: 'error',
      });
    }
  }
  return problems;
}

/** A story link's problem: to itself, to no story, or from a published story to a draft. */
function storyLinkProblem(
  { slug, from, draft }: StoryLinks['blocks'][number],
  storyDrafts: Map<string, boolean>,
  slugs: string[],
) {
  if (slug === from) return `story "${slug}" is this story itself — link to another story`;
  if (!storyDrafts.has(slug)) return unknownRef('story', slug, slugs, REGISTRIES.story);
  if (storyDrafts.get(slug) && !draft)
    return `story "${slug}" is a draft, so readers would see no card — publish it first, or delete the block`;
  return undefined;
}

/** The link rules, once every story is known. */
export function checkLinks(links: StoryLinks, stories: ValidContent['stories'], ids: KnownIds): ContentProblem[] {
  const storyDrafts = new Map(stories.map(({ story }) => [story.slug, story.draft === true]));
  const known = { story: [...storyDrafts.keys()], section: ids.sections, author: ids.authors, tag: ids.tags };
  const problems = checkInlineLinks(links.inline, known);
  for (const block of links.blocks) {
    const message = storyLinkProblem(block, storyDrafts, known.story);
    if (message) problems.push({ file: block.file, field: block.field, message, severity: 'error' });
  }
  return problems;
}
