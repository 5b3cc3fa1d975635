/**
 * Renders a story card outside Next, for scripts, tests and benchmarks. The site's card route uses
 * @vercel/og 1.0.3, whose Node build loads only inside a bundler (it calls require("fs") from an ES module
 * and looks for a harfbuzz wasm it does not ship). Next's own compiled copy of @vercel/og, next/og, loads
 * under plain Node and draws the same element with the same fonts.
 */
import { ImageResponse } from 'next/og';
import type { StorySummary } from '@/lib/content';
import { storyCard } from './story-card';

export async function renderStoryCard(story: StorySummary): Promise<Response> {
  const { element, options } = await storyCard(story);
  return new ImageResponse(element, options);
}
