/**
 * What `npm run new-story` writes: a draft story module posted now (KST), its slug from the headline, every field
 * the editor must write marked with the schema's placeholder, and one commented example of each block (CONTENT.md).
 */
import { PLACEHOLDER } from '@/content/schema';

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

/** Now, as an ISO 8601 time in Korea Standard Time with its offset, to the minute (or the second). */
export function nowInKst(now = new Date(), { seconds = false } = {}): string {
  const kst = new Date(now.getTime() + 9 * 3600_000);
  return `${kst.toISOString().slice(0, seconds ? 19 : 16)}${seconds ? '' : ':00'}+09:00`;
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

export const q = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function storySource(fields: {
  slug: string;
  headline: string;
  author: string;
  section: string;
  now: string;
  /** Live coverage starting now (CONTENT.md, "Live coverage"): its updates are files scaffolded by new-update. */
  live?: boolean;
}): string {
  const todo = PLACEHOLDER;
  const live = fields.live
    ? `  // Live coverage: each update is a file in the folder ${fields.slug}/ beside this one (npm run new-update -- ${fields.slug}).
  // Set endedAt (e.g. endedAt: '2026-12-02T18:00:00+09:00') to end the coverage.
  live: { startedAt: ${q(fields.now)} },
`
    : '';
  const firstParagraph = fields.live
    ? `${todo}: the summary of the coverage so far, shown above the updates. Keep it current as the news moves.`
    : `${todo}: the first paragraph. Add one { type: "paragraph", text: "…" } block per paragraph. Write *emphasis*, **strong** and [links](/stories/<slug>) or [links](https://…) inside the text.`;
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
  // Delete this line, then run npm run content:publish: the story is live within seconds.
  draft: true,
${live}  leadPhoto: {
    // Put the photo (at least 1200 px wide) at public/images/stories/${fields.slug}.jpg.
    src: '/images/stories/${fields.slug}.jpg',
    alt: '${todo}: what the photo shows, for readers who cannot see it.',
    caption: '${todo}: the caption printed under the photo, without the credit.',
    credit: '${todo}: agency or photographer',
  },
  body: [
    {
      type: 'paragraph',
      text: '${firstParagraph}',
    },
    // More blocks, in reading order: uncomment the ones the story needs and fill them in (CONTENT.md, "Body blocks").
${BLOCK_EXAMPLES.map((line) => `    // ${line}`).join('\n')}
  ],
});
`;
}

/** What new-story prints once the file is written. */
export function createdMessage(file: string, slug: string, live = false): string {
  return `✔ Created ${file} (a draft${live ? ', live coverage starting now' : ''}). Nothing else to edit: content:check and content:publish find it in its folder.
Next: replace each ${PLACEHOLDER} in the file, add tags, put the photo at public/images/stories/${slug}.jpg,
then run npm run content:check until it reports no errors. Preview it with npm run dev at /stories/${slug}.
Publish it: delete the draft line and run npm run content:publish.${live ? `\nPost each update with npm run new-update -- ${slug} --title "…", then npm run content:publish.` : ''}`;
}
