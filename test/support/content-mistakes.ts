/**
 * Typical mistakes, one or more per rule: each breaks the seed story one way and names the exact problems
 * content:check must report. The unit tests run every one; CONTENT.md's message guide is generated from
 * them (with the messages the checker really prints), so the guide cannot drift from the code.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import authors from '@/content/authors';
import type { StoryInput } from '@/content/schema';
import sections from '@/content/sections';
import seed from '@/content/stories/2024/06/putin-heads-to-pyongyang';
import tags from '@/content/tags';
import type { ContentSource, ContentSources } from '@/lib/content/model/validate';
import { PROJECT_ROOT } from './temp-project';

export const SEED_FILE = 'content/stories/2024/06/putin-heads-to-pyongyang.ts';

/** A story as an editor might write it: anything goes. */
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Mistake {
  /** The rule it breaks, as CONTENT.md's heading. */
  rule: string;
  /** What the editor did. */
  mistake: string;
  /** The stories to check, made from a fresh copy of the seed story. */
  stories(seed: Loose): ContentSource[];
  /** Every problem content:check must report, formatted, in order. */
  expected: string[];
}

const one = (story: Loose, file = SEED_FILE): ContentSource[] => [{ file, data: story }];
const edit = (change: (story: Loose) => void) => (story: Loose) => {
  change(story);
  return one(story);
};
const at = (field: string) => `${SEED_FILE} › ${field}`;

export const mistakes: Mistake[] = [
  {
    rule: 'Required fields',
    mistake: 'a required field is left out',
    stories: edit((s) => delete s.summary),
    expected: [
      `${at('summary')}: summary is missing — add it, e.g. summary: "Russian President Vladimir Putin visits North Korea for two days."`,
    ],
  },
  {
    rule: 'Required fields',
    mistake: 'a field holds the wrong kind of value',
    stories: edit((s) => (s.tags = 'north-korea')),
    expected: [
      `${at('tags')}: tags must be a list in [ ], not the text "north-korea" — e.g. tags: ["north-korea", "vladimir-putin"]`,
    ],
  },
  {
    rule: 'Required fields',
    mistake: 'a field name is misspelt',
    stories: edit((s) => {
      s.hedline = s.headline;
      delete s.headline;
    }),
    expected: [
      `${at('headline')}: headline is missing — add it, e.g. headline: "Putin heads to Pyongyang amid deepening military ties"`,
      `${at('hedline')}: unknown field "hedline" — did you mean "headline"? Rename it`,
    ],
  },
  {
    rule: 'Required fields',
    mistake: 'a body block has an unknown type',
    stories: edit((s) => (s.body[2].type = 'pullquote')),
    expected: [
      `${at('body[2].type')}: block type "pullquote" is not one of "paragraph", "pullQuote", "photo", "subheading", "list", "quote", "table", "factBox", "timeline", "storyLink" or "embed" — did you mean "pullQuote"?`,
    ],
  },
  {
    rule: 'Lengths',
    mistake: 'an absurdly long headline',
    stories: edit((s) => (s.headline = 'Putin heads to Pyongyang '.repeat(9).trim())),
    expected: [`${at('headline')}: headline is 224 characters long — it must be at most 200; shorten it`],
  },
  {
    rule: 'Lengths',
    mistake: 'a headline too long for search results, without an SEO title (warning)',
    stories: edit((s) => (s.headline = 'Putin heads to Pyongyang amid deepening military ties with the North')),
    expected: [
      `${at('headline')}: headline is 68 characters long, too long for search results (about 60 are shown) — add a shorter seoTitle; the page keeps the full headline`,
    ],
  },
  {
    rule: 'Lengths',
    mistake: 'an SEO title longer than search results show (warning)',
    stories: edit((s) => (s.seoTitle = 'Putin heads to Pyongyang for two days amid deepening military ties')),
    expected: [
      `${at('seoTitle')}: seoTitle is 66 characters long; search results show about 60 characters of a title — aim for 60 or fewer`,
    ],
  },
  {
    rule: 'Lengths',
    mistake: 'a social description longer than link cards show (warning)',
    stories: edit((s) => (s.socialDescription = `${s.summary} ${s.summary}`.slice(0, 230))),
    expected: [
      `${at('socialDescription')}: socialDescription is 230 characters long; social networks cut link-card descriptions off after about 200 characters — aim for 200 or fewer`,
    ],
  },
  {
    rule: 'Slugs',
    mistake: 'a slug with capitals or underscores',
    stories: edit((s) => (s.slug = 'Putin_Pyongyang')),
    expected: [
      `${at('slug')}: slug "Putin_Pyongyang" is not a valid id — use lowercase letters, digits and single hyphens, e.g. "putin-heads-to-pyongyang"`,
    ],
  },
  {
    rule: 'Slugs',
    mistake: 'a slug that differs from the file name',
    stories: edit((s) => (s.slug = 'putin-visits-pyongyang')),
    expected: [
      `${at('slug')}: slug "putin-visits-pyongyang" does not match the file name — rename the file to putin-visits-pyongyang.ts or set slug to "putin-heads-to-pyongyang"`,
    ],
  },
  {
    rule: 'Slugs',
    mistake: 'two stories with the same slug',
    stories: (s) => [
      { file: SEED_FILE, data: s },
      { file: 'content/stories/2024/06/putin-in-pyongyang.ts', data: { ...structuredClone(s) } },
    ],
    expected: [
      'content/stories/2024/06/putin-in-pyongyang.ts › slug: slug "putin-heads-to-pyongyang" does not match the file name — rename the file to putin-heads-to-pyongyang.ts or set slug to "putin-in-pyongyang"',
      `content/stories/2024/06/putin-in-pyongyang.ts › slug: slug "putin-heads-to-pyongyang" is already used by ${SEED_FILE} — choose a different slug (and file name)`,
    ],
  },
  {
    rule: 'Slugs',
    mistake: 'a reserved slug',
    stories: (s) => one({ ...s, slug: 'feed' }, 'content/stories/2024/06/feed.ts'),
    expected: [
      'content/stories/2024/06/feed.ts › slug: slug "feed" is reserved because it is reserved for a stories feed — choose another slug (and file name)',
    ],
  },
  {
    rule: 'Times',
    mistake: 'a time without an offset',
    stories: edit((s) => (s.postedAt = '2024-06-18T08:25')),
    expected: [
      `${at('postedAt')}: postedAt "2024-06-18T08:25" has no offset — add one, e.g. "+09:00" for Korea Standard Time: "2024-06-18T08:25:00+09:00"`,
    ],
  },
  {
    rule: 'Times',
    mistake: 'a date written out in words',
    stories: edit((s) => (s.updatedAt = 'June 18, 2024 17:17')),
    expected: [
      `${at('updatedAt')}: updatedAt "June 18, 2024 17:17" is not an ISO 8601 time with an offset — write it like "2024-06-18T08:25:00+09:00" (08:25 KST)`,
    ],
  },
  {
    rule: 'Times',
    mistake: 'an update before the story was posted',
    stories: edit((s) => (s.updatedAt = '2024-06-18T07:00:00+09:00')),
    expected: [
      `${at('updatedAt')}: updatedAt (2024-06-18T07:00:00+09:00) is before postedAt (2024-06-18T08:25:00+09:00) — a story cannot be updated before it is posted; set updatedAt to postedAt or later`,
    ],
  },
  {
    rule: 'Times',
    mistake: 'a scheduled story posted before it goes live',
    stories: edit((s) => (s.publishAt = '2024-06-19T06:00:00+09:00')),
    expected: [
      `${at('postedAt')}: postedAt (2024-06-18T08:25:00+09:00) is before publishAt (2024-06-19T06:00:00+09:00), so readers would see a story "posted" before it appeared — set postedAt to "2024-06-19T06:00:00+09:00" (the time it goes live), updatedAt no earlier, and move the file to that month's folder if it changes`,
    ],
  },
  {
    rule: 'References',
    mistake: 'a misspelt author id',
    stories: edit((s) => (s.authors = ['park-un'])),
    expected: [
      `${at('authors[0]')}: author "park-un" does not exist — did you mean "park-ung"? (content/authors.ts lists them all)`,
    ],
  },
  {
    rule: 'References',
    mistake: 'a misspelt section id',
    stories: edit((s) => (s.section = 'northkorea')),
    expected: [
      `${at('section')}: section "northkorea" does not exist — did you mean "north-korea"? (content/sections.ts lists them all)`,
    ],
  },
  {
    rule: 'References',
    mistake: 'a tag that does not exist yet',
    stories: edit((s) => (s.tags = ['north-korea', 'nuclear-talks'])),
    expected: [
      `${at('tags[1]')}: tag "nuclear-talks" does not exist — use an id from content/tags.ts ("north-korea", "russia", "vladimir-putin", "kim-jong-un" or "war-in-ukraine") or add it there`,
    ],
  },
  {
    rule: 'Photos',
    mistake: 'a photo file that is not there',
    stories: edit((s) => (s.leadPhoto.src = '/images/stories/putin-kim.jpg')),
    expected: [
      `${at('leadPhoto.src')}: image file public/images/stories/putin-kim.jpg was not found or is not an image — add the file under public/ or correct the path`,
    ],
  },
  {
    rule: 'Photos',
    mistake: 'a lead photo too small for link cards',
    stories: edit((s) => (s.leadPhoto.src = '/images/stories/narrow.jpg')),
    expected: [
      `${at('leadPhoto.src')}: lead photo is 800 px wide — use a file at least 1200 px wide so it stays sharp in link previews`,
    ],
  },
  {
    rule: 'Photos',
    mistake: 'no alt text',
    stories: edit((s) => delete s.leadPhoto.alt),
    expected: [
      `${at('leadPhoto.alt')}: alt text is missing — describe what the photo shows, or set decorative: true if it shows nothing of meaning`,
    ],
  },
  {
    rule: 'Photos',
    mistake: 'decorative set to false',
    stories: edit((s) => (s.leadPhoto.decorative = false)),
    expected: [
      `${at('leadPhoto.decorative')}: decorative can only be true — delete the line if the photo carries information (then write alt text)`,
    ],
  },
  {
    rule: 'Photos',
    mistake: 'no credit',
    stories: edit((s) => delete s.leadPhoto.credit),
    expected: [`${at('leadPhoto.credit')}: credit is missing — add it, e.g. credit: "Yonhap"`],
  },
  {
    rule: 'Photos',
    mistake: 'an empty caption',
    stories: edit((s) => (s.leadPhoto.caption = ' ')),
    expected: [
      `${at('leadPhoto.caption')}: caption is empty — write it as plain text, e.g. "Putin and Kim shake hands in Russia"`,
    ],
  },
  {
    rule: 'Photos',
    mistake: 'the credit typed at the end of the caption (warning)',
    stories: edit((s) => (s.leadPhoto.caption = `${s.leadPhoto.caption} Yonhap`)),
    expected: [
      `${at('leadPhoto.caption')}: caption ends with the credit "Yonhap" — remove it from the caption; the credit field prints it`,
    ],
  },
  {
    rule: 'Photos',
    mistake: 'a focal point outside the photo',
    stories: edit((s) => (s.leadPhoto.focalPoint = { x: 1.4, y: 0.3 })),
    expected: [
      `${at('leadPhoto.focalPoint.x')}: focalPoint.x is 1.4 — it must be between 0 (the left edge) and 1 (the right edge), e.g. 0.5 for the middle`,
    ],
  },
  {
    rule: 'Pull-quotes',
    mistake: 'a pull-quote that is not in the body',
    stories: edit((s) => (s.body[2].text = 'The visit is an expression of gratitude.')),
    expected: [
      `${at('body[2].text')}: pull-quote does not appear in the story's paragraphs — quote the body word for word (mark skipped words with …)`,
    ],
  },
  {
    rule: 'Text',
    mistake: 'an empty paragraph',
    stories: edit((s) => s.body.splice(1, 0, { type: 'paragraph', text: '' })),
    expected: [`${at('body[1].text')}: paragraph is empty — write its text or delete the block`],
  },
  {
    rule: 'Text',
    mistake: 'an HTML tag in a text field',
    stories: edit((s) => (s.body[0].text = s.body[0].text.replace('this week', '<em>this week</em>'))),
    expected: [
      `${at('body[0].text')}: paragraph text contains the HTML tag "<em>" — remove it; write *words* for emphasis, **words** for strong and [words](address) for a link`,
    ],
  },
  {
    rule: 'Text',
    mistake: 'an HTML entity in a text field',
    stories: edit((s) => (s.leadPhoto.caption = s.leadPhoto.caption.replace('(right)', '(right)&nbsp;'))),
    expected: [
      `${at('leadPhoto.caption')}: caption contains the HTML entity "&nbsp;" — type the character itself (&, ’, “ or a plain space) instead`,
    ],
  },
  {
    rule: 'Text',
    mistake: 'a Markdown link in a field that is plain text',
    stories: edit(
      (s) => (s.leadPhoto.caption = s.leadPhoto.caption.replace('Russia', '[Russia](https://example.com)')),
    ),
    expected: [
      `${at('leadPhoto.caption')}: caption contains a Markdown link "[Russia](https://example.com)" — write the words only; links belong in paragraphs, lists, quotations, tables and fact boxes`,
    ],
  },
  {
    rule: 'Text',
    mistake: 'Markdown emphasis',
    stories: edit((s) => (s.summary = s.summary.replace('first trip', '*first* trip'))),
    expected: [
      `${at('summary')}: summary contains Markdown emphasis "*first*" — remove the * or _ marks; the site does the formatting`,
    ],
  },
  {
    rule: 'Text',
    mistake: 'a TODO left by new-story',
    stories: edit((s) => (s.leadPhoto.alt = 'TODO: what the photo shows')),
    expected: [
      `${at('leadPhoto.alt')}: alt text still says TODO — replace it with the real alt text, e.g. "Two leaders shake hands in front of their flags"`,
    ],
  },
  {
    rule: 'Inline text',
    mistake: 'a link to a story that does not exist',
    stories: edit(
      (s) =>
        (s.body[1].text = s.body[1].text.replace('Vladivostok', '[Vladivostok](/stories/putin-head-to-pyongyang)')),
    ),
    expected: [
      `${at('body[1].text')}: link "Vladivostok" points at the story "putin-head-to-pyongyang", which does not exist — did you mean "putin-heads-to-pyongyang"? (content/stories/ lists them all)`,
    ],
  },
  {
    rule: 'Inline text',
    mistake: 'a link to a tag that does not exist',
    stories: edit((s) => (s.body[1].text = s.body[1].text.replace('Kim', '[Kim](/tags/kim-jong-il)'))),
    expected: [
      `${at('body[1].text')}: link "Kim" points at the tag "kim-jong-il", which does not exist — did you mean "kim-jong-un"? (content/tags.ts lists them all)`,
    ],
  },
  {
    rule: 'Inline text',
    mistake: 'a javascript: link',
    stories: edit(
      (s) => (s.body[1].text = s.body[1].text.replace('Vladivostok', '[Vladivostok](javascript:alert(1))')),
    ),
    expected: [
      `${at('body[1].text')}: paragraph text has a link to "javascript:alert(1)" that uses javascript:, which the site never links to — link to an https:// page or to /stories/<slug>`,
    ],
  },
  {
    rule: 'Inline text',
    mistake: 'a data: link',
    stories: edit((s) => (s.body[1].text = s.body[1].text.replace('Vladivostok', '[Vladivostok](data:text/html,hi)'))),
    expected: [
      `${at('body[1].text')}: paragraph text has a link to "data:text/html,hi" that uses data:, which the site never links to — link to an https:// page or to /stories/<slug>`,
    ],
  },
  {
    rule: 'Inline text',
    mistake: 'an http: link',
    stories: edit(
      (s) => (s.body[1].text = s.body[1].text.replace('Vladivostok', '[Vladivostok](http://example.com/vladivostok)')),
    ),
    expected: [
      `${at('body[1].text')}: paragraph text has a link to "http://example.com/vladivostok" that is not https — write https://example.com/vladivostok (the site links to secure pages only)`,
    ],
  },
  {
    rule: 'Inline text',
    mistake: 'a link without its closing parenthesis',
    stories: edit((s) => (s.body[1].text = s.body[1].text.replace('Vladivostok', '[Vladivostok](https://example.com'))),
    expected: [
      `${at('body[1].text')}: paragraph text has a link "[Vladivostok](https://example.com in Sep…" without its closing ")" — close it: [words](address)`,
    ],
  },
  {
    rule: 'Inline text',
    mistake: 'emphasis that is never closed',
    stories: edit((s) => (s.body[0].text = s.body[0].text.replace('this week', '*this week'))),
    expected: [
      `${at('body[0].text')}: paragraph text has emphasis "*this week. Putin is set to "visit North…" that is never closed — end it with * (no space before it), or write \\* for an asterisk`,
    ],
  },
  {
    rule: 'Inline text',
    mistake: 'strong emphasis that is never closed',
    stories: edit((s) => (s.body[0].text = s.body[0].text.replace('this week', '**this week*'))),
    expected: [
      `${at('body[0].text')}: paragraph text has strong emphasis "**this week*. Putin is set to "visit Nor…" that is never closed — end it with ** (no space before it), or write \\* for an asterisk`,
    ],
  },
  {
    rule: 'Blocks',
    mistake: 'a table with no rows',
    stories: edit((s) =>
      s.body.splice(3, 0, {
        type: 'table',
        caption: 'Summits between Putin and Kim',
        header: ['Year', 'Place'],
        rows: [],
      }),
    ),
    expected: [
      `${at('body[3].rows')}: table has no rows — add at least one row of cells, e.g. rows: [["2023", "34", "12"]], or delete the block`,
    ],
  },
  {
    rule: 'Blocks',
    mistake: 'a table row with a cell missing',
    stories: edit((s) =>
      s.body.splice(3, 0, {
        type: 'table',
        caption: 'Summits between Putin and Kim',
        header: ['Year', 'Place'],
        rows: [['2019', 'Vladivostok'], ['2023']],
      }),
    ),
    expected: [
      `${at('body[3].rows[1]')}: row 2 has 1 cell but the header has 2 columns — give every row one cell per column (write "–" for no figure)`,
    ],
  },
  {
    rule: 'Blocks',
    mistake: 'an embed from a site the page cannot embed',
    stories: edit((s) =>
      s.body.splice(3, 0, { type: 'embed', url: 'https://vimeo.com/123456', title: 'Putin arrives in Pyongyang' }),
    ),
    expected: [
      `${at('body[3].url')}: url "https://vimeo.com/123456" is not a post the site can embed (YouTube, X or Instagram) — copy the post's own address, or link to it from a paragraph instead`,
    ],
  },
  {
    rule: 'Blocks',
    mistake: 'a story link to a story that does not exist',
    stories: edit((s) => s.body.push({ type: 'storyLink', slug: 'putin-heads-to-pyongyan' })),
    expected: [
      `${at('body[12].slug')}: story "putin-heads-to-pyongyan" does not exist — did you mean "putin-heads-to-pyongyang"? (content/stories/ lists them all)`,
    ],
  },
  {
    rule: 'Blocks',
    mistake: 'two subheadings with the same words',
    stories: edit((s) => {
      s.body.splice(3, 0, { type: 'subheading', text: 'Background' });
      s.body.splice(6, 0, { type: 'subheading', text: 'Background' });
    }),
    expected: [
      `${at('body[6]')}: subheading anchor "background" is already used by body[3] — reword it or give it its own id, e.g. id: "background-2"`,
    ],
  },
  {
    rule: 'Blocks',
    mistake: 'an empty list',
    stories: edit((s) => s.body.splice(3, 0, { type: 'list', style: 'bulleted', items: [] })),
    expected: [
      `${at('body[3].items')}: items is empty — add at least one item, e.g. items: ["…"], or delete the block`,
    ],
  },

  {
    rule: 'Editorial fields',
    mistake: 'draft written as text',
    stories: edit((s) => (s.draft = 'yes')),
    expected: [`${at('draft')}: draft must be true or false, not the text "yes" — e.g. draft: true`],
  },
  {
    rule: 'Editorial fields',
    mistake: 'a canonical URL that is not https',
    stories: edit((s) => (s.canonicalUrl = 'http://example.com/story')),
    expected: [
      `${at('canonicalUrl')}: canonicalUrl "http://example.com/story" is not a full https:// address — copy the whole address of the original, e.g. "https://example.com/original-story"`,
    ],
  },
  {
    rule: 'Editorial fields',
    mistake: 'a correction without a date',
    stories: edit((s) => (s.corrections = [{ text: 'An earlier version misspelled the name of the academy.' }])),
    expected: [`${at('corrections[0].date')}: date is missing — add it, e.g. date: "2024-06-18T08:25:00+09:00"`],
  },

  {
    rule: 'Story files',
    mistake: "a story file in another month's folder",
    stories: (s) => one(s, 'content/stories/2024/05/putin-heads-to-pyongyang.ts'),
    expected: [
      'content/stories/2024/05/putin-heads-to-pyongyang.ts: is in content/stories/2024/05/, but a story lives in the folder of the year and month it was posted (postedAt is June 2024 in Korea) — move the file to content/stories/2024/06/putin-heads-to-pyongyang.ts',
    ],
  },
  {
    rule: 'Story files',
    mistake: 'a story file outside the year and month folders',
    stories: (s) => one(s, 'content/stories/putin-heads-to-pyongyang.ts'),
    expected: [
      'content/stories/putin-heads-to-pyongyang.ts: is in content/stories/, but a story lives in the folder of the year and month it was posted (postedAt is June 2024 in Korea) — move the file to content/stories/2024/06/putin-heads-to-pyongyang.ts',
    ],
  },
];

export const freshSeed = (): Loose => structuredClone(seed) as StoryInput as Loose;

/** Sources for a mistake: its stories, with the real authors, sections and tags. */
export function mistakeSources(mistake: Mistake): ContentSources {
  return {
    stories: mistake.stories(freshSeed()),
    authors: { file: 'content/authors.ts', data: authors },
    sections: { file: 'content/sections.ts', data: sections },
    tags: { file: 'content/tags.ts', data: tags },
  };
}

/** A throwaway public/ with the seed photo, an 800 px photo (narrow.jpg) and a file that is not an image. */
export async function createMistakePublicDir(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aju-public-'));
  const images = path.join(dir, 'images/stories');
  mkdirSync(images, { recursive: true });
  copyFileSync(
    path.join(PROJECT_ROOT, 'public/images/stories/putin-heads-to-pyongyang.jpg'),
    path.join(images, 'putin-heads-to-pyongyang.jpg'),
  );
  await sharp({ create: { width: 800, height: 500, channels: 3, background: '#445566' } })
    .jpeg()
    .toFile(path.join(images, 'narrow.jpg'));
  writeFileSync(path.join(images, 'not-a-photo.jpg'), 'this is text, not a JPEG');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
