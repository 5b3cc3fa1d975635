/**
 * `npm run new-story`: scaffolds content/stories/<year>/<month>/<slug>.ts, a draft posted now (KST), asking for
 * what the flags do not give (scripts/lib/story-scaffold.ts writes it; CONTENT.md explains each field). `--live`
 * makes it live coverage starting now, whose updates `npm run new-update` scaffolds.
 *
 *   npm run new-story [-- --headline "Kim visits Moscow" --author park-ung --section north-korea [--slug kim-visits-moscow] [--live]]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import authors from '@/content/authors';
import { RESERVED_SLUGS, SLUG_PATTERN } from '@/content/schema';
import sections from '@/content/sections';
import { closest, storyFilePath } from '@/lib/content/model/validate';
import { fail, storyFilesBySlug } from '../lib/editor-cli';
import { createdMessage, nowInKst, slugFromHeadline, storySource } from '../lib/story-scaffold';

const root = path.resolve(import.meta.dirname, '../..');

type Ask = (flag: string, question: string, fallback?: string) => Promise<string>;

/** Asks in a terminal (an empty answer takes the fallback); elsewhere takes the fallback or fails naming the flag. */
function asker(prompt: Interface | undefined): Ask {
  const ask: Ask = async (flag, question, fallback) => {
    if (!prompt) {
      if (fallback) return fallback;
      fail(
        `--${flag} is missing — run npm run new-story -- --headline "…" --author <id> --section <id>, or run it in a terminal to be asked`,
      );
    }
    const answer = (await prompt.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
    return answer || fallback || ask(flag, question, fallback);
  };
  return ask;
}

/** An author or section id, given or asked for; one that does not exist fails with the closest. */
async function chooseId(ask: Ask, flag: 'author' | 'section', given: string | undefined, ids: string[], file: string) {
  const id = given ?? (await ask(flag, `${flag} (${ids.join(', ')})`, ids.length === 1 ? ids[0] : undefined));
  if (ids.includes(id)) return id;
  const guess = closest(id, ids);
  fail(
    `${flag} "${id}" does not exist${guess ? ` — did you mean "${guess}"?` : ''} (${file} lists: ${ids.join(', ')})`,
  );
}

/** The slug, given or asked for (offering one made from the headline): well formed, not reserved, not taken. */
async function chooseSlug(ask: Ask, given: string | undefined, headline: string): Promise<string> {
  const slug =
    given ?? (await ask('slug', 'Slug (the address /stories/<slug>)', slugFromHeadline(headline) || undefined));
  if (!SLUG_PATTERN.test(slug))
    fail(
      `slug "${slug}" must be lowercase letters, digits and single hyphens — pass --slug, e.g. --slug kim-visits-moscow`,
    );
  if (Object.hasOwn(RESERVED_SLUGS, slug))
    fail(`slug "${slug}" is reserved because ${RESERVED_SLUGS[slug]} — pass another --slug`);
  const taken = storyFilesBySlug(root).get(slug);
  if (taken)
    fail(`${taken} already has the slug "${slug}" — slugs are unique across all years; choose another with --slug`);
  return slug;
}

async function main() {
  const { values } = parseArgs({
    options: {
      headline: { type: 'string' },
      slug: { type: 'string' },
      author: { type: 'string' },
      section: { type: 'string' },
      live: { type: 'boolean', default: false },
    },
  });
  const interactive = process.stdin.isTTY && process.stdout.isTTY;
  const prompt = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const ask = asker(prompt);
  const headline = values.headline?.trim() || (await ask('headline', 'Headline'));
  const slug = await chooseSlug(ask, values.slug, headline);
  const now = nowInKst();
  const file = storyFilePath(slug, now);
  const authorIds = authors.map((a) => a.id);
  const author = await chooseId(ask, 'author', values.author, authorIds, 'content/authors.ts');
  const sectionIds = sections.map((s) => s.id);
  const section = await chooseId(ask, 'section', values.section, sectionIds, 'content/sections.ts');
  prompt?.close();

  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), storySource({ slug, headline, author, section, now, live: values.live }));
  console.log(createdMessage(file, slug, values.live));
}

await main();
