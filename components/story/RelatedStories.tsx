import { KstTime } from '@/components/ui/KstTime';
import { ResponsiveImage } from '@/components/ui/ResponsiveImage';
import { objectPosition } from '@/components/site/StoryList';
import { getContent, type Story } from '@/lib/content';
import { relatedStories } from '@/lib/content/listings';

/** Three to five other stories at the foot of a story: shared tags and section first, then the most recent. */
export async function RelatedStories({ story }: { story: Story }) {
  const { stories } = await getContent();
  const related = relatedStories(stories, story);
  if (related.length === 0) return null;
  return (
    <aside className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related stories</h2>
      <ul className="related__list">
        {related.map((other) => (
          <li key={other.slug} className="related__item">
            <a href={other.path} className="related__thumb" tabIndex={-1} aria-hidden="true">
              <ResponsiveImage
                src={other.leadPhoto.src}
                width={other.leadPhoto.width}
                height={other.leadPhoto.height}
                alt=""
                sizes="(min-width: 48rem) 200px, 96px"
                objectPosition={objectPosition(other.leadPhoto)}
              />
            </a>
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
