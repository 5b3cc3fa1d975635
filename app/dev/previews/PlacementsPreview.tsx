import { getBreakingNews, getFront, type ContentProblem } from '@/lib/content';
import { Problems } from './StoryPreview';

const PLACEMENT_FILES = ['content/fronts.ts', 'content/breaking-news.ts'];

/**
 * What the fronts file and the banner show now (content/fronts.ts, content/breaking-news.ts), with their problems.
 * Like stories, they reach the running site by `npm run content:publish`, and their `until` passes by itself.
 */
export async function PlacementsPreview({ problems }: { problems: ContentProblem[] }) {
  const [front, banner] = await Promise.all([getFront(), getBreakingNews()]);
  return (
    <section aria-labelledby="placements-heading" className="placements-preview">
      <h2 id="placements-heading">The front page and the banner</h2>
      <p>
        Arranged in <code>content/fronts.ts</code>; the banner is <code>content/breaking-news.ts</code>. Publish them
        with <code>npm run content:publish</code>: they change on the running site within seconds, and each{' '}
        <code>until</code> ends a placement or the banner by itself.
      </p>
      <p>
        {front.placed.length > 0
          ? `Placed now, in order: ${front.placed.map((p) => `${p.story.headline}${p.size === 'large' ? ' (large)' : ''}`).join('; ')}.`
          : 'Nothing placed now: the newest story leads the front page.'}{' '}
        {banner ? `Banner now: “${banner.text}”, linking to ${banner.path}.` : 'No banner now.'}
      </p>
      <Problems problems={problems.filter((p) => PLACEMENT_FILES.includes(p.file))} />
    </section>
  );
}
