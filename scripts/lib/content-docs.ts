/**
 * CONTENT.md's generated regions (npm run content:docs): the field reference from the schema's descriptions and
 * examples, the length limits and reserved slugs from their constants, and the message guide from the typical
 * mistakes (test/fixtures/content-mistakes.json) with the messages the checker really prints.
 */
import path from 'node:path';
import type { z } from 'zod';
import {
  arrangementSchema,
  authorSchema,
  bannerSchema,
  blockSchema,
  correctionSchema,
  coverageSchema,
  frontsSchema,
  liveUpdateSchema,
  LENGTH_LIMITS,
  photoSchema,
  placementSchema,
  RESERVED_SLUGS,
  sectionSchema,
  storySchema,
  tagSchema,
  takedownSchema,
  updateWithdrawalSchema,
} from '@/content/schema';
import { EMBED_PROVIDERS } from '@/lib/content/model/embeds';
import { asSource, exampleOf, objectShape, unionOptions, unwrap } from '@/lib/content/model/schema-walk';
import { formatProblem, validateContent } from '@/lib/content/model/validate';
import { PUBLISH_LOCK_WAIT_S } from '@/lib/content/storage/store';
import { DEFAULT_PREVIEW_HOURS, MAX_PREVIEW_HOURS } from '@/lib/preview/token';
import { createMistakePublicDir, mistakes, mistakeSources } from '@/test/support/content-mistakes';
import blockExamples from './content-docs-blocks.json' with { type: 'json' };

export const CONTENT_MD = path.resolve(import.meta.dirname, '../../CONTENT.md');

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');
const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

/** Where a field that holds a group or list is explained. */
const SEE: Record<string, string> = {
  dateline: 'see [Dateline](#dateline)',
  leadPhoto: 'see [Photos](#photos)',
  body: 'see [Body blocks](#body-blocks)',
  corrections: 'see [Corrections](#corrections)',
  live: 'see [Live coverage fields](#live-coverage-fields)',
};

function fieldTable(schema: z.core.$ZodType, skip: string[] = []): string {
  const rows = Object.entries(objectShape(schema) ?? {})
    .filter(([name]) => !skip.includes(name))
    .map(([name, field]) => {
      const { inner, meta, optional } = unwrap(field);
      const example = SEE[name] ?? (exampleOf(inner, meta) ? code(exampleOf(inner, meta)!) : '');
      // "Required unless …" in a description marks a field that only another field can excuse.
      const required = !optional
        ? '**yes**'
        : /Required unless/.test(meta.description ?? '')
          ? '**yes**, unless excused'
          : 'no';
      return `| \`${name}\` | ${required} | ${cell(meta.description ?? '')} | ${cell(example)} |`;
    });
  return ['| field | required | what it is for | example |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** Each block: what it is for, an example as an editor writes it, and its fields (a photo's are under Photos). */
function blocksSection(): string[] {
  const providers = Object.values(EMBED_PROVIDERS)
    .map((p) => p.name)
    .join(', ');
  const schemas = unionOptions(blockSchema)!.options;
  return blockExamples.flatMap(({ name, type, example, note, fields = true }) => [
    `**${name}** — ${note.replace('{providers}', providers)}`,
    '',
    '```ts',
    asSource(example),
    '```',
    '',
    ...(fields ? [fieldTable(schemas.get(type)!, ['type']), ''] : []),
  ]);
}

/** The fronts and the banner: content/fronts.ts, content/breaking-news.ts. */
function placementFields(): string {
  return [
    '### Fronts',
    '',
    '`content/fronts.ts`:',
    '',
    fieldTable(frontsSchema),
    '',
    'Each front (`home`, or a section id under `sections`):',
    '',
    fieldTable(arrangementSchema),
    '',
    'Each placement (`lead`, and each of `top`):',
    '',
    fieldTable(placementSchema),
    '',
    '### Breaking news',
    '',
    '`content/breaking-news.ts`: `null` for no banner, or:',
    '',
    fieldTable(bannerSchema),
  ].join('\n');
}

function fieldsSection(): string {
  const dateline = unwrap(storySchema.shape.dateline).inner;
  return [
    '### Story',
    '',
    fieldTable(storySchema),
    '',
    '### Dateline',
    '',
    fieldTable(dateline),
    '',
    '### Photos',
    '',
    'The lead photo and every photo block have these fields.',
    '',
    fieldTable(photoSchema),
    '',
    '### Body blocks',
    '',
    '`body` is a list of blocks in reading order. Each block says what it is in `type`.',
    '',
    ...blocksSection(),
    '### Inline text',
    '',
    'Paragraphs, list items, quotations, table cells, fact-box items and timeline events may hold links and emphasis, written as a small part of Markdown inside the text (headlines, summaries, captions, subheadings and titles stay plain text):',
    '',
    '| you write | readers see |',
    '| --- | --- |',
    '| `*words*` | *emphasis*, in italic |',
    '| `**words**` | **strong emphasis**, in bold |',
    '| `[words](/stories/<slug>)` | a link to another story; also `/sections/<id>`, `/authors/<id>`, `/tags/<id>`, and `/stories/<slug>#<anchor>` for a subheading |',
    '| `[words](https://example.com/page)` | a link to another site (https only) |',
    '| `\\*`, `\\[`, `\\]`, `\\\\` | the character itself, when it would otherwise start a mark |',
    '',
    'Brackets without `(address)` after them, such as `[sic]` or `[…]`, and an asterisk between spaces stay as typed. A mark that is opened and never closed is an error, never printed: see [Inline text](#inline-text-1) among the messages. content:check also checks that every link inside the site points at a story, section, author or tag that exists.',
    '',
    '### Corrections',
    '',
    '`corrections` is a list; each correction has these fields.',
    '',
    fieldTable(correctionSchema),
    '',
    '### Live coverage fields',
    '',
    "A live story's `live` (see [Live coverage](#live-coverage)):",
    '',
    fieldTable(coverageSchema),
    '',
    "Each update, a file of its own in the live story's folder (`npm run new-update` scaffolds it):",
    '',
    fieldTable(liveUpdateSchema),
    '',
    "An update's `withdrawn`:",
    '',
    fieldTable(updateWithdrawalSchema),
    '',
    '### Authors, sections and tags',
    '',
    '`content/authors.ts`:',
    '',
    fieldTable(authorSchema),
    '',
    '`content/sections.ts`:',
    '',
    fieldTable(sectionSchema),
    '',
    '`content/tags.ts`:',
    '',
    fieldTable(tagSchema),
    '',
    placementFields(),
    '### Takedowns',
    '',
    '`content/takedowns.ts` is a list; each entry has these fields (see [Renames and takedowns](#renames-and-takedowns)).',
    '',
    fieldTable(takedownSchema),
  ].join('\n');
}

function limitsSection(): string {
  const rows = Object.entries(LENGTH_LIMITS).map(
    ([field, limit]) => `| \`${field}\` | ${limit.advised} | ${limit.max} | ${cell(limit.where)} |`,
  );
  const reserved = Object.keys(RESERVED_SLUGS)
    .map((slug) => `\`${slug}\``)
    .join(', ');
  return [
    '| field | warning above | error above | why |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `When there is no \`seoTitle\`, a headline longer than ${LENGTH_LIMITS.seoTitle.advised} characters also gets a warning: search results would cut it.`,
    '',
    `Reserved slugs (they would clash with a route or a file): ${reserved}.`,
  ].join('\n');
}

async function messagesSection(): Promise<string> {
  const publicDir = await createMistakePublicDir();
  try {
    const out: string[] = [];
    let rule = '';
    for (const mistake of mistakes) {
      if (mistake.rule !== rule) {
        rule = mistake.rule;
        out.push(`### ${rule}`, '');
      }
      const { problems } = await validateContent(mistakeSources(mistake), { publicDir: publicDir.dir });
      const lines = problems.map((p) => `${p.severity === 'error' ? '✖ error  ' : '⚠ warning'} ${formatProblem(p)}`);
      out.push(
        `**${mistake.mistake[0]!.toUpperCase()}${mistake.mistake.slice(1)}:**`,
        '',
        '```text',
        ...lines,
        '```',
        '',
      );
    }
    return out.join('\n').trimEnd();
  } finally {
    publicDir.remove();
  }
}

/**
 * How an editor publishes (docs/operations/publishing.md for operators): from the command's own settings, so
 * the guide follows the code.
 */
function publishingSection(): string {
  return [
    'Publishing needs no build: `npm run content:publish` puts the content tree as it stands on the running site,',
    'usually within seconds.',
    '',
    '1. **Check first:** it runs every rule of `npm run content:check`. On any error (✖) **nothing on the site',
    '   changes**, and it prints the same `file › field: what is wrong — how to fix it` messages: fix them and run',
    '   it again. Warnings (⚠) do not stop it.',
    `2. **Then publish:** new stories appear, changed ones update, stories you took down disappear (see`,
    '   [Renames and takedowns](#renames-and-takedowns)). Everywhere a story shows follows in the same publish: its',
    '   page, social card and photo crops, the front page, every page of its section, authors and tags, the',
    '   archive, the related stories of other stories, the feeds, the sitemaps and the Google News sitemap, and',
    '   search (a little after the pages: its index is written last). New photo files under `public/` go with',
    '   the stories that use them: no deploy is needed for a photo either.',
    '3. **Read what it did:** it lists the stories added, updated and removed with their addresses, and how long',
    `   each step took. Running it again changes nothing. If another publish is running, it waits for it (up to ${PUBLISH_LOCK_WAIT_S} s),`,
    '   then stops with a message: run it again.',
    '',
    `**Scheduled stories** (\`publishAt\`) are published like any other, and stay invisible everywhere (page, card,`,
    'search, lists, feeds, sitemaps) until their time; then they go live **by themselves**, within a minute,',
    'with nobody running anything. To move or cancel an embargo, change or delete `publishAt` and publish again.',
    '',
    `If it prints \`✖ origin … refused the secret (401)\`, the machine you publish from does not have the site's`,
    '`PUBLISH_SECRET`: ask whoever runs the site. Nothing was changed.',
    '',
    `**Preview links:** \`npm run content:preview -- <slug>\` prints an address on the running site that shows that one`,
    'story as its file stands now (a draft or a scheduled story too) to anyone who has the link, with a notice that',
    `it is not published, for ${DEFAULT_PREVIEW_HOURS} hours (\`--hours N\`, at most ${MAX_PREVIEW_HOURS}). Readers see nothing of it, and search`,
    "engines do not index it. Errors in the story's own file stop it with the usual messages; errors in other files",
    'do not. The link shows the story as it was when you ran the command: after an edit, run it again for a new',
    'link. When it expires, or the publish secret changes, the link answers "not found".',
    '',
    '### Renames and takedowns',
    '',
    'A published address never breaks. After each publish, `content/published-addresses.json` lists every story',
    'address ever published: **commit it with your change**. `content:check` refuses a change that would leave one',
    'of them answering "not found":',
    '',
    '- **To rename a story**, change its `slug` and its file name, and add the old slug to `previousSlugs` (keep',
    '  any already there). Its old page, social card and photo crops then redirect for good (301) to the new ones,',
    '  straight to the newest however often it was renamed; feeds, sitemaps and search show only the new address.',
    '  Links in other stories to the old address lead to the new one (content:check warns you to update them).',
    '- **To take a story down** (a court order, a retraction), delete its file (or mark it `draft: true`) and add',
    '  an entry for its slug, and for each of its `previousSlugs`, to `content/takedowns.ts` with the date and the',
    '  reason (for the newsroom; readers never see it). Its addresses then answer "gone for good" (410). Stories',
    '  that link to it do not stop the takedown: the link shows as plain words and a story card disappears;',
    '  content:check warns, naming each linking file, so you can remove the link when you next edit it.',
  ].join('\n');
}

/** CONTENT.md with every generated region replaced by what the code says now. */
export async function renderContentDocs(current: string): Promise<string> {
  const regions: Record<string, string> = {
    fields: fieldsSection(),
    limits: limitsSection(),
    messages: await messagesSection(),
    publishing: publishingSection(),
  };
  let out = current;
  for (const [name, body] of Object.entries(regions)) {
    const pattern = new RegExp(`(<!-- generated:${name} [^>]*-->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!pattern.test(out)) throw new Error(`CONTENT.md has no <!-- generated:${name} … --> region`);
    out = out.replace(pattern, (_, open: string, close: string) => `${open}${body}\n${close}`);
  }
  return out;
}
