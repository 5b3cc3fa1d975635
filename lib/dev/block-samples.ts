/**
 * For /dev/previews: one of every body block and inline form, as an editor would write them, parsed by the one
 * schema and resolved like a story's (a photo and a story link borrow the newest story's), so the preview
 * shows exactly what renderBlock makes of each. Samples describe the blocks themselves, not news.
 */
import { blockSchema, type BlockInput } from '@/content/schema';
import type { StoryBlock, StorySummary } from '@/lib/content';

export function sampleBlockInputs(linkedSlug: string, photoSrc: string): BlockInput[] {
  return [
    {
      type: 'paragraph',
      text: `A paragraph with *emphasis*, **strong emphasis**, a link to [another story](/stories/${linkedSlug}) and one to [another site](https://example.com/).`,
    },
    { type: 'subheading', text: 'A subheading' },
    { type: 'list', style: 'bulleted', items: ['A bulleted item.', 'Another, with *emphasis*.'] },
    { type: 'list', style: 'numbered', items: ['The first step.', 'The second step.'] },
    {
      type: 'quote',
      text: 'A statement quoted at length, in its place in the story.',
      source: 'Who said it, and where',
    },
    { type: 'pullQuote', text: 'A statement quoted at length', speaker: 'A speaker', role: 'Their role' },
    {
      type: 'photo',
      photo: {
        src: photoSrc,
        alt: 'The photo of the newest story, as a sample.',
        caption: 'A photo inside the body.',
        credit: 'Credit',
      },
    },
    {
      type: 'table',
      caption: 'A table',
      header: ['Year', 'First figure', 'Second figure', 'Third figure', 'Fourth figure'],
      rows: [
        ['2023', '1,204', '3,311', '12.5%', '880'],
        ['2024', '1,466', '3,502', '14.1%', '912'],
      ],
    },
    { type: 'factBox', title: 'Key facts', items: ['A short fact.', 'Another, with a [link](https://example.com/).'] },
    {
      type: 'timeline',
      title: 'Timeline',
      events: [
        { when: 'June 2024', text: 'Something happened.' },
        { when: 'June 2025', text: 'Something else.' },
      ],
    },
    { type: 'storyLink', slug: linkedSlug },
    {
      type: 'embed',
      url: 'https://www.youtube.com/watch?v=M7lc1UVf-VE',
      title: 'A video, loaded only on request',
      caption: 'A caption.',
    },
  ];
}

/** The samples as pages render them, with the newest story standing in for links and photos. */
export function sampleBlocks(newest: StorySummary): StoryBlock[] {
  return sampleBlockInputs(newest.slug, newest.leadPhoto.src).map((input): StoryBlock => {
    const block = blockSchema.parse(input);
    if (block.type === 'photo')
      return {
        type: 'photo',
        photo: {
          ...newest.leadPhoto,
          alt: block.photo.alt ?? '',
          caption: block.photo.caption,
          credit: block.photo.credit,
        },
      };
    if (block.type === 'storyLink')
      return {
        type: 'storyLink',
        slug: newest.slug,
        story: { headline: newest.headline, path: newest.path, postedAt: newest.postedAt, leadPhoto: newest.leadPhoto },
      };
    return block;
  });
}
