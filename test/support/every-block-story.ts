// The synthetic story that uses every body block and inline form: the page the block tests and benchmarks render.
import seedStory from '@/content/stories/2024/06/putin-heads-to-pyongyang';
import type { BlockInput, StoryInput } from '@/content/schema';
import { storyFilePath } from '@/lib/content/model/validate';
import { photoSrc, SYNTHETIC_PHOTOS } from './synthetic-photos';
import type { TempProject } from './temp-project';

/** The slug of the synthetic story that uses every body block and inline form (tests and the benchmark read it). */
export const EVERY_BLOCK_SLUG = 'every-body-block-synthetic';

/** Text blocks: inline forms linking to `linked`, `author` and other pages, lists, quotations. */
function textBlocks({ author, linked }: { author: string; linked: string }): BlockInput[] {
  return [
    {
      type: 'paragraph',
      text: `This paragraph has *emphasis*, **strong emphasis** and a link to [an earlier story](/stories/${linked}), to [a section](/sections/north-korea), to [an author](/authors/${author}), to [a tag](/tags/russia) and to [another site](https://example.com/report).`,
    },
    { type: 'subheading', text: 'What the blocks are' },
    {
      type: 'list',
      style: 'bulleted',
      items: ['A bulleted item with *emphasis*.', 'A second item with a [link](/tags/north-korea).'],
    },
    { type: 'list', style: 'numbered', items: ['The first step.', 'The **second** step.', 'The third step.'] },
    {
      type: 'quote',
      text: 'A statement quoted at length, with *its* emphasis kept, given in its place in the story.',
      source: 'A synthetic spokesperson, statement of June 30',
    },
    {
      type: 'paragraph',
      text: 'A paragraph the pull-quote repeats: the figures below are synthetic and mean nothing.',
    },
    {
      type: 'pullQuote',
      text: 'The figures below are synthetic and mean nothing.',
      speaker: 'A synthetic analyst',
      role: 'Researcher, a synthetic institute',
    },
  ];
}

/** Boxes of figures and a photo. */
function figureBlocks(src: string): BlockInput[] {
  return [
    {
      type: 'table',
      caption: 'Synthetic figures by year, in units',
      header: ['Year', 'First column', 'Second column', 'Third column', 'Fourth column', 'Fifth column'],
      rows: [
        ['2021', '1,204', '3,311', '**12.5%**', '880', '[Source](https://example.com/2021)'],
        ['2022', '1,466', '3,502', '14.1%', '912', '[Source](https://example.com/2022)'],
        ['2023', '1,731', '3,844', '15.8%', '1,045', '[Source](https://example.com/2023)'],
      ],
    },
    {
      type: 'factBox',
      title: 'Key facts',
      items: [
        'Every block appears once or more.',
        'The words are *synthetic*.',
        'Links point at [real pages](/sections/north-korea) of the site.',
      ],
    },
    {
      type: 'timeline',
      title: 'Timeline',
      events: [
        { when: 'June 2024', text: 'The seed story is posted.' },
        { when: 'June 2025', text: 'This synthetic story is *generated*.' },
      ],
    },
    {
      type: 'photo',
      photo: {
        src,
        alt: 'Synthetic stand-in photo 3, again, inside the body.',
        caption: 'A photo inside the body.',
        credit: 'Aju Press',
      },
    },
  ];
}

/** A story link to `linked`, an embed of each provider, and the last paragraph. */
function linkBlocks(linked: string): BlockInput[] {
  return [
    { type: 'subheading', text: 'Embeds and story links', id: 'embeds' },
    { type: 'storyLink', slug: linked },
    {
      type: 'embed',
      url: 'https://www.youtube.com/watch?v=M7lc1UVf-VE',
      title: 'A video on YouTube',
      caption: 'A synthetic caption for the video.',
    },
    { type: 'embed', url: 'https://x.com/example/status/1234567890123456789', title: 'A post on X' },
    { type: 'embed', url: 'https://www.instagram.com/p/C0abcdEFGhi/', title: 'A post on Instagram' },
    { type: 'paragraph', text: 'The last paragraph.' },
  ];
}

/** The story that uses every body block and inline form once or more; words about the site itself, not news. */
export function everyBlockStory({ author, linked }: { author: string; linked: string }): StoryInput {
  const photo = SYNTHETIC_PHOTOS[2]!;
  const src = photoSrc(photo);
  return {
    slug: EVERY_BLOCK_SLUG,
    headline: 'Every body block in one synthetic story',
    kicker: 'Explainer',
    summary:
      'A synthetic story that shows every kind of body block and inline text the site can print, for tests and benchmarks.',
    section: 'north-korea',
    tags: ['north-korea', 'russia'],
    authors: [author],
    dateline: { place: 'SEOUL', publication: 'AJU PRESS' },
    postedAt: '2025-06-30T09:00:00+09:00',
    updatedAt: '2025-06-30T09:30:00+09:00',
    leadPhoto: {
      src,
      alt: 'Synthetic stand-in photo 3: a yellow disc on a coloured background.',
      caption: 'A synthetic stand-in photo.',
      credit: 'Aju Press',
      focalPoint: photo.focus,
    },
    body: [...textBlocks({ author, linked }), ...figureBlocks(src), ...linkBlocks(linked)],
  };
}

/** Adds the story that uses every body block to the site's copy, with the seed story's photo and author. */
export function addEveryBlockStory(project: TempProject) {
  const story = everyBlockStory({ author: seedStory.authors[0]!, linked: seedStory.slug });
  const photo = { src: seedStory.leadPhoto.src, alt: seedStory.leadPhoto.alt };
  story.leadPhoto = { ...story.leadPhoto, ...photo, focalPoint: seedStory.leadPhoto.focalPoint };
  story.body = story.body.map((block) =>
    block.type === 'photo' ? { ...block, photo: { ...block.photo, ...photo } } : block,
  );
  project.write(
    storyFilePath(story.slug, story.postedAt),
    `import { defineStory } from '@/content/schema';\n\nexport default defineStory(${JSON.stringify(story, null, 2)});\n`,
  );
}
