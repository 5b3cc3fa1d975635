import type { Metadata } from 'next';
import type { Story } from '@/lib/content';
import { CARD_ALT, CARD_SIZE } from '@/lib/og/story-card';
import { storyMetadata } from '@/lib/seo/metadata';
import { absoluteUrl } from '@/lib/site';

/**
 * A live story's metadata: the story page's own (lib/seo/metadata.ts), with the story's card named outright,
 * since the live page's route (app/live/[slug]) is not the card's (app/stories/[slug]/opengraph-image.tsx).
 */
export function liveStoryMetadata(story: Story): Metadata {
  const metadata = storyMetadata(story);
  const card = { url: absoluteUrl(`${story.path}/opengraph-image`), ...CARD_SIZE, alt: CARD_ALT, type: 'image/png' };
  return {
    ...metadata,
    openGraph: { ...metadata.openGraph, images: [card] },
    twitter: { ...metadata.twitter, images: [card] },
  };
}
