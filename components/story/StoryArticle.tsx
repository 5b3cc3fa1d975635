import { UsesSheets } from '@/components/site/InlineStylesheet';
import { KstTime } from '@/components/ui/KstTime';
import { isScheduled, type Story } from '@/lib/content';
import { storySheets } from '@/lib/stylesheet-sheets';
import { DRAFT_BANNER, SCHEDULED_BANNER } from './editor-banners';
import { PhotoFigure } from './PhotoFigure';
import { StoryBody } from './StoryBody';
import { StoryFooter } from './StoryFooter';
import { StoryHeader } from './StoryHeader';

interface StoryArticleProps {
  story: Story;
  /** When the page is rendered: dates the age notice. */
  now: Date;
  /** On a preview link (app/preview): when the link expires; its notice replaces the dev-only banners. */
  previewExpires?: Date;
}

/** The story, with editors' banners under `npm run dev` (or a preview link's notice). */
export function StoryArticle({ story, now, previewExpires }: StoryArticleProps) {
  return (
    <article className="story">
      <UsesSheets sheets={storySheets(story.body)} />
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
          {DRAFT_BANNER}
        </p>
      )}
      {!previewExpires && isScheduled(story) && (
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
