import { KstTime } from '@/components/ui/KstTime';
import { isScheduled, type Story } from '@/lib/content';
import { PhotoFigure } from './PhotoFigure';
import { StoryBody } from './StoryBody';
import { StoryFooter } from './StoryFooter';
import { StoryHeader } from './StoryHeader';

export function StoryArticle({ story }: { story: Story }) {
  return (
    <article className="story">
      {story.draft && (
        <p className="draft-banner" role="note">
          DRAFT — not published. Only visible in development.
        </p>
      )}
      {isScheduled(story) && (
        <p className="draft-banner" role="note">
          SCHEDULED — goes live at the first build after <KstTime instant={story.publishAt!} />. Only visible in
          development.
        </p>
      )}
      <StoryHeader story={story} />
      <PhotoFigure photo={story.leadPhoto} lead />
      <StoryBody story={story} />
      <StoryFooter story={story} />
    </article>
  );
}
