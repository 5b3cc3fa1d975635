/**
 * npm run new-story — scaffolds content/stories/<year>/<month>/<slug>.ts (this month in Korea). Nothing else
 * changes: content:check finds the file and adds it to the generated story index.
 *
 *   npm run new-story                                   # asks for what it needs
 *   npm run new-story -- --headline "Kim visits Moscow" --author park-ung --section north-korea [--slug kim-visits-moscow]
 *
 * The new story is a draft, posted now (KST). Fields the editor must write say TODO; content:check names each.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import authors from '@/content/authors';
import { PLACEHOLDER, RESERVED_SLUGS, SLUG_PATTERN } from '@/content/schema';
import sections from '@/content/sections';
import { closest, storyFilePath } from '@/lib/content/model/validate';
import { storyFiles } from '../../lib/content-check/load-sources';

const root = path.resolve(import.meta.dirname, '../..');

/** "Kim Jong-un's visit: 5 takeaways" → "kim-jong-uns-visit-5-takeaways" (at most 8 words). */
export function slugFromHeadline(headline: string): string {
  return headline
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)
    .join('-');
}

/** Now, as an ISO 8601 time in Korea Standard Time with its offset, to the minute. */
export function nowInKst(now = new Date()): string {
  const kst = new Date(now.getTime() + 9 * 3600_000);
  return `${kst.toISOString().slice(0, 16)}:00+09:00`;
}

/** One example of each block but the paragraph, as the scaffold offers them (commented out). */
export const BLOCK_EXAMPLES = [
  "{ type: 'subheading', text: 'What happens next' },",
  "{ type: 'list', style: 'bulleted', items: ['First point.', 'Second point.'] },",
  "{ type: 'quote', text: 'The words quoted at length.', source: 'Who said it, and where' },",
  "{ type: 'pullQuote', text: 'Words repeated from a paragraph.', speaker: 'Name', role: 'Title' },",
  "{ type: 'photo', photo: { src: '/images/stories/….jpg', alt: 'What it shows', caption: 'Caption', credit: 'Agency' } },",
  "{ type: 'table', caption: 'What the table shows', header: ['Year', 'Figure'], rows: [['2024', '1,204']] },",
  "{ type: 'factBox', title: 'Key facts', items: ['A short fact.', 'Another.'] },",
  "{ type: 'timeline', title: 'Timeline', events: [{ when: 'June 2024', text: 'What happened.' }] },",
  "{ type: 'storyLink', slug: 'slug-of-another-story' },",
  "{ type: 'embed', url: 'https://www.youtube.com/watch?v=…', title: 'What the video or post is' },",
];

const q = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function storySource(fields: {
  slug: string;
  headline: string;
  author: string;
  section: string;
  now: string;
}): string {
  const todo = PLACEHOLDER;
  return `import { defineStory } from '@/content/schema';

// Scaffolded by npm run new-story. Replace every ${todo}, then run npm run content:check. CONTENT.md explains each field.
export default defineStory({
  slug: ${q(fields.slug)},
  headline: ${q(fields.headline)},
  summary: '${todo}: one or two sentences under the headline, also shown in search results and link previews.',
  section: ${q(fields.section)},
  // Ids from content/tags.ts, e.g. ['north-korea', 'russia'].
  tags: [],
  authors: [${q(fields.author)}],
  dateline: { place: 'SEOUL', publication: 'AJU PRESS' },
  postedAt: ${q(fields.now)},
  updatedAt: ${q(fields.now)},
  // Delete this line to publish the story at the next build.
  draft: true,
  leadPhoto: {
    // Put the photo (at least 1200 px wide) at public/images/stories/${fields.slug}.jpg.
    src: '/images/stories/${fields.slug}.jpg',
    alt: '${todo}: what the photo shows, for readers who cannot see it.',
    caption: '${todo}: the caption printed under the photo, without the credit.',
    credit: '${todo}: agency or photographer',
  },
  body: [
    {
      type: 'paragraph',
      text: '${todo}: the first paragraph. Add one { type: "paragraph", text: "…" } block per paragraph. Write *emphasis*, **strong** and [links](/stories/<slug>) or [links](https://…) inside the text.',
    },
    // More blocks, in reading order: uncomment the ones the story needs and fill them in (CONTENT.md, "Body blocks").
${BLOCK_EXAMPLES.map((line) => `    // ${line}`).join('\n')}
  ],
});
`;
}

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

async function main() {
  const { values } = parseArgs({
    options: {
      headline: { type: 'string' },
      slug: { type: 'string' },
      author: { type: 'string' },
      section: { type: 'string' },
    },
  });
  const interactive = process.stdin.isTTY && process.stdout.isTTY;
  const prompt = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const ask = async (flag: string, question: string, fallback?: string): Promise<string> => {
    if (!prompt) {
      if (fallback) return fallback;
      fail(
        `--${flag} is missing — run npm run new-story -- --headline "…" --author <id> --section <id>, or run it in a terminal to be asked`,
      );
    }
    const answer = (await prompt.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
    return answer || fallback || ask(flag, question, fallback);
  };
  const choose = async (flag: 'author' | 'section', given: string | undefined, ids: string[], file: string) => {
    const id = given ?? (await ask(flag, `${flag} (${ids.join(', ')})`, ids.length === 1 ? ids[0] : undefined));
    if (ids.includes(id)) return id;
    const guess = closest(id, ids);
    fail(
      `${flag} "${id}" does not exist${guess ? ` — did you mean "${guess}"?` : ''} (${file} lists: ${ids.join(', ')})`,
    );
  };

  const headline = values.headline?.trim() || (await ask('headline', 'Headline'));
  const slug =
    values.slug ?? (await ask('slug', 'Slug (the address /stories/<slug>)', slugFromHeadline(headline) || undefined));
  if (!SLUG_PATTERN.test(slug))
    fail(
      `slug "${slug}" must be lowercase letters, digits and single hyphens — pass --slug, e.g. --slug kim-visits-moscow`,
    );
  if (Object.hasOwn(RESERVED_SLUGS, slug))
    fail(`slug "${slug}" is reserved because ${RESERVED_SLUGS[slug]} — pass another --slug`);
  const now = nowInKst();
  const file = storyFilePath(slug, now);
  const taken = storyFiles(root).find((existing) => path.basename(existing, path.extname(existing)) === slug);
  if (taken)
    fail(`${taken} already has the slug "${slug}" — slugs are unique across all years; choose another with --slug`);
  const author = await choose(
    'author',
    values.author,
    authors.map((a) => a.id),
    'content/authors.ts',
  );
  const section = await choose(
    'section',
    values.section,
    sections.map((s) => s.id),
    'content/sections.ts',
  );
  prompt?.close();

  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), storySource({ slug, headline, author, section, now }));
  console.log(`✔ Created ${file} (a draft). Nothing else to edit: content:check and the build find it in its folder.
Next: replace each ${PLACEHOLDER} in the file, add tags, put the photo at public/images/stories/${slug}.jpg,
then run npm run content:check until it reports no errors. Preview it with npm run dev at /stories/${slug}.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
