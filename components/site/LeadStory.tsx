import Image from 'next/image';
import Link from 'next/link';
import { Byline } from '@/components/story/Byline';
import { KstTime } from '@/components/ui/KstTime';
import type { Story } from '@/lib/content';

/** The front page's top story: photo, headline, summary, byline and time. */
export function LeadStory({ story }: { story: Story }) {
  return (
    <article className="lead-story">
      <Link href={story.path} className="lead-story__photo" tabIndex={-1} aria-hidden="true">
        <Image
          src={story.leadPhoto.src}
          width={story.leadPhoto.width}
          height={story.leadPhoto.height}
          alt=""
          sizes="(min-width: 1040px) 620px, 100vw"
          preload
          fetchPriority="high"
        />
      </Link>
      <div className="lead-story__text">
        <p className="kicker">{story.kicker ?? story.section.name}</p>
        <h2 className="lead-story__headline">
          <Link href={story.path}>{story.headline}</Link>
        </h2>
        <p className="standfirst">{story.summary}</p>
        <Byline authors={story.authors} />
        <p className="story-times">
          <KstTime instant={story.postedAt} />
        </p>
      </div>
    </article>
  );
}
