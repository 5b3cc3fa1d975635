import { KstTime } from '@/components/ui/KstTime';
import { StoryPhotoLink } from '@/components/site/StoryPhotoLink';
import { getContent, relatedStories, type Story } from '@/lib/content';
import { PAGE_ANCHORS } from '@/lib/page-anchors';

/** Three to five other stories at the foot of a story: shared tags and section first, then the most recent. */
export async function RelatedStories({ story }: { story: Story }) {
  const { stories } = await getContent();
  const related = relatedStories(stories, story);
  if (related.length === 0) return null;
  return (
    <aside className="related" aria-labelledby={PAGE_ANCHORS.related}>
      <h2 id={PAGE_ANCHORS.related}>Related stories</h2>
      <ul className="related__list">
        {related.map((other) => (
          <li key={other.slug} className="related__item">
            <StoryPhotoLink
              story={other}
              className="related__thumb"
              sizes="(min-width: 48rem) 200px, 96px"
              slotWidths={[96, 200]}
            />
            <h3 className="related__headline">
              <a href={other.path}>{other.headline}</a>
            </h3>
            <p className="related__time">
              <KstTime instant={other.postedAt} show="date" />
            </p>
          </li>
        ))}
      </ul>
    </aside>
  );
}
