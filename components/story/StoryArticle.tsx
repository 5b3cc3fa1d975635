import { KstTime } from '@/components/ui/KstTime';
import { isScheduled, type Story } from '@/lib/content';
import { DRAFT_BANNER, SCHEDULED_BANNER } from './editor-banners';
import { PhotoFigure } from './PhotoFigure';
import { StoryBody } from './StoryBody';
import { StoryFooter } from './StoryFooter';
import { StoryHeader } from './StoryHeader';

/** The story, with editors' banners under `npm run dev`; `now` dates the age notice. */
export function StoryArticle({ story, now }: { story: Story; now: Date }) {
  return (
    <article className="story">
      {story.draft && (
        <p className="draft-banner" role="note">
          {DRAFT_BANNER}
        </p>
      )}
      {isScheduled(story) && (
        <p className="draft-banner" role="note">
          {SCHEDULED_BANNER.before} <KstTime instant={story.publishAt!} />, {SCHEDULED_BANNER.after}
        </p>
      )}
      <StoryHeader story={story} now={now} />
      <PhotoFigure photo={story.leadPhoto} lead />
      <StoryBody story={story} />
      <StoryFooter story={story} />
    </article>
  );
}
