/** OG card render time per story (lib/og, drawn with next/og) against a one-line card from the same renderer. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createElement } from 'react';
import { PROJECT_ROOT } from '../test/support/temp-project';
import { median } from './measure';

// renderStoryCard: the story card rendered outside Next (the route uses the same element and fonts).
const STORY_CARD = path.join(PROJECT_ROOT, 'lib/og/render-in-node.ts');
const ROUNDS = 5;

export interface OgFigures {
  /** Renders per card, after a warm-up; the figures are their medians. */
  rounds: number;
  /** Median ms for the baseline card. */
  baselineMs: number;
  /**
   * Median ms per story, by slug: `ms` for a card never drawn before in a warm process (the first crawler to
   * ask), `cachedMs` for the same card again (its fonts cut and photo cropped already).
   */
  perStory: { slug: string; ms: number; cachedMs: number; bytes: number }[];
}

async function timeRender(
  render: () => Promise<Response> | Response,
  before?: () => void,
): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < ROUNDS; i++) {
    before?.();
    const start = performance.now();
    // ImageResponse draws when its body is read.
    bytes = (await (await render()).arrayBuffer()).byteLength;
    times.push(performance.now() - start);
  }
  return { ms: median(times), bytes };
}

/** Undefined until the story card renderer exists. */
export async function measureOgRendering(): Promise<OgFigures | undefined> {
  if (!existsSync(STORY_CARD)) return undefined;
  const { renderStoryCard } = (await import(pathToFileURL(STORY_CARD).href)) as {
    renderStoryCard: (story: unknown) => Promise<Response>;
  };
  const { clearCardCaches } = await import('@/lib/og/story-card');
  // next/og is @vercel/og as Next bundles it; the package's own Node build does not load under tsx.
  const { ImageResponse } = await import('next/og');
  const { getContent } = await import('@/lib/content');
  const { stories } = await getContent();
  const baseline = () =>
    new ImageResponse(
      createElement(
        'div',
        { style: { display: 'flex', width: '100%', height: '100%', fontSize: 64, background: '#fff' } },
        'Aju Press',
      ),
      { width: 1200, height: 630 },
    );
  // Warm-up: fonts and the WebAssembly renderer load on first use.
  await (await baseline()).arrayBuffer();
  if (stories[0]) await (await renderStoryCard(stories[0])).arrayBuffer();
  const baselineMs = (await timeRender(baseline)).ms;
  const perStory = [];
  for (const story of stories) {
    const first = await timeRender(() => renderStoryCard(story), clearCardCaches);
    const cached = await timeRender(() => renderStoryCard(story));
    perStory.push({ slug: story.slug, ms: first.ms, cachedMs: cached.ms, bytes: first.bytes });
  }
  return { rounds: ROUNDS, baselineMs, perStory };
}
