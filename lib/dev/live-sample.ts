/**
 * For /dev/previews: a story shown as live coverage with a few sample updates (pinned, a key event, corrected,
 * withdrawn), so editors see what the live page's components make of them. Samples describe the parts, not news.
 */
import { blockSchema } from '@/content/schema';
import type { Story, StoryBlock, StoryUpdate } from '@/lib/content';

const paragraph = (text: string) => blockSchema.parse({ type: 'paragraph', text }) as StoryBlock;

/** `story` as live coverage that started at its posted time, with four updates a minute apart, newest first. */
export function sampleLiveStory(story: Story): Story {
  const at = (minutes: number) => new Date(Date.parse(story.postedAt) + minutes * 60_000).toISOString();
  const updates: StoryUpdate[] = [
    {
      id: 'sample-withdrawn',
      postedAt: at(4),
      title: 'A withdrawn update',
      body: [paragraph('Readers never see this text.')],
      withdrawn: { date: at(5), reason: 'Why it was withdrawn: readers see this in its place.' },
    },
    {
      id: 'sample-corrected',
      postedAt: at(3),
      title: 'A corrected update',
      body: [paragraph('An update, with its correction shown below it.')],
      correction: { date: at(4), text: 'What the correction says.' },
    },
    {
      id: 'sample-key-event',
      postedAt: at(2),
      title: 'A key event',
      keyEvent: true,
      body: [paragraph('A key event is listed by its title at the top of the page.')],
    },
    {
      id: 'sample-pinned',
      postedAt: at(1),
      title: 'The pinned update',
      pinned: true,
      body: [paragraph('The pinned update stays above the others.')],
    },
  ];
  return { ...story, live: { startedAt: story.postedAt }, updatedAt: at(5), updates };
}
