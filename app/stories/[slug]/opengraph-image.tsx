import { ImageResponse } from '@vercel/og';
import { notFound } from 'next/navigation';
import { getStory, prerenderedStories } from '@/lib/content';
import { CARD_ALT, CARD_SIZE, storyCard } from '@/lib/og/story-card';

// Drawn at build for the prerendered stories, on first request (then cached) for the rest, like the page.
export const dynamic = 'force-static';
export const dynamicParams = true;
// The alt must be a constant here: Next prerenders per-image metadata (generateImageMetadata) only for
// routes without other dynamic segments, so it describes the card's parts rather than one story.
export const alt = CARD_ALT;
export const size = CARD_SIZE;
export const contentType = 'image/png';

export async function generateStaticParams() {
  return (await prerenderedStories()).map((story) => ({ slug: story.slug }));
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const story = await getStory((await params).slug);
  if (!story) notFound();
  const { element, options } = await storyCard(story);
  return new ImageResponse(element, options);
}
