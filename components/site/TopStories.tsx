import type { Placed, StorySummary } from '@/lib/content';
import { StoryList } from './StoryList';

/** The stories editors placed on a front (content/fronts.ts), in their order; "large" ones get more room. */
export function TopStories({ placed }: { placed: Placed<StorySummary>[] }) {
  if (placed.length === 0) return null;
  return (
    <section className="top-stories" aria-labelledby="top-heading">
      <h2 id="top-heading">Top stories</h2>
      <StoryList
        stories={placed.map((p) => p.story)}
        large={new Set(placed.filter((p) => p.size === 'large').map((p) => p.story.slug))}
      />
    </section>
  );
}
