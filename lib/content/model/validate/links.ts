// Link rules: inline links and story-link blocks point at records that exist, checked once every story is known;
// a link to a renamed story's old address or to one taken down is a warning (decision 0048).
import type { Addresses } from '../addresses';
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

/** A link to a story no longer at that address: a warning saying what readers get, or undefined. */
function movedStory(slug: string, addresses: Addresses, card: boolean): string | undefined {
  const now = Object.hasOwn(addresses.redirects, slug) ? addresses.redirects[slug] : undefined;
  if (now)
    return card
      ? `story "${slug}" was renamed "${now}" — the card shows it; write "${now}" when you next edit`
      : `links to /stories/${slug}, the old address of /stories/${now} — it leads there; write /stories/${now} when you next edit`;
  if (!addresses.gone.includes(slug)) return undefined;
  return card
    ? `story "${slug}" was taken down, so readers see no card — delete the block when you next edit`
    : `links to /stories/${slug}, which was taken down — the link shows as plain text; remove it when you next edit`;
}

function checkInlineLinks(
  links: StoryLinks['inline'],
  known: Record<keyof typeof REGISTRIES, string[]>,
  addresses: Addresses,
) {
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
      const moved = target.kind === 'story' ? movedStory(target.id, addresses, false) : undefined;
      if (moved) {
        problems.push({ file, field, message: moved, severity: 'warning' });
        continue;
      }
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

/** A story link's problem: to itself, to no story, or from a published story to a draft; to one moved, a warning. */
function storyLinkProblem(
  { slug, from, draft }: StoryLinks['blocks'][number],
  storyDrafts: Map<string, boolean>,
  slugs: string[],
  addresses: Addresses,
): { message: string; severity: 'error' | 'warning' } | undefined {
  const error = (message: string) => ({ message, severity: 'error' as const });
  if (slug === from || addresses.redirects[slug] === from)
    return error(`story "${slug}" is this story itself — link to another story`);
  if (!storyDrafts.has(slug)) {
    const moved = movedStory(slug, addresses, true);
    return moved ? { message: moved, severity: 'warning' } : error(unknownRef('story', slug, slugs, REGISTRIES.story));
  }
  if (storyDrafts.get(slug) && !draft)
    return error(`story "${slug}" is a draft, so readers would see no card — publish it first, or delete the block`);
  return undefined;
}

/** The link rules, once every story is known. */
export function checkLinks(
  links: StoryLinks,
  stories: ValidContent['stories'],
  ids: KnownIds,
  addresses: Addresses,
): ContentProblem[] {
  const storyDrafts = new Map(stories.map(({ story }) => [story.slug, story.draft === true]));
  const known = { story: [...storyDrafts.keys()], section: ids.sections, author: ids.authors, tag: ids.tags };
  const problems = checkInlineLinks(links.inline, known, addresses);
  for (const block of links.blocks) {
    const problem = storyLinkProblem(block, storyDrafts, known.story, addresses);
    if (problem) problems.push({ file: block.file, field: block.field, ...problem });
  }
  return problems;
}
