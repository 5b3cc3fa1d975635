import { KstTime } from '@/components/ui/KstTime';
import { isScheduled, type Story } from '@/lib/content';
import { PhotoFigure } from './PhotoFigure';
import { StoryBody } from './StoryBody';
import { StoryFooter } from './StoryFooter';
import { StoryHeader } from './StoryHeader';

interface StoryArticleProps {
  story: Story;
  /** On a preview link (app/preview): when the link expires; its notice replaces the dev-only banners. */
  previewExpires?: Date;
}

export function StoryArticle({ story, previewExpires }: StoryArticleProps) {
  return (
    <article className="story">
      {previewExpires && (
        <p className="draft-banner" role="note">
          Preview — not published; this link expires <KstTime instant={previewExpires.toISOString()} />.
          {story.draft ? ' The story is a draft.' : ''}
          {isScheduled(story) ? (
            <>
              {' '}
              Scheduled to go live at <KstTime instant={story.publishAt!} />.
            </>
          ) : null}
        </p>
      )}
      {!previewExpires && story.draft && (
        <p className="draft-banner" role="note">
          DRAFT — not published. Only visible in development.
        </p>
      )}
      {!previewExpires && isScheduled(story) && (
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
