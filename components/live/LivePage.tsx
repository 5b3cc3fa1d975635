import { Byline } from '@/components/story/Byline';
import { PhotoFigure } from '@/components/story/PhotoFigure';
import { ShareBar } from '@/components/story/ShareBar';
import { StoryBody } from '@/components/story/StoryBody';
import { StoryFooter } from '@/components/story/StoryFooter';
import { KstTime } from '@/components/ui/KstTime';
import {
  isLive,
  lastUpdateChange,
  liveStatus,
  liveFirstPage,
  liveStatusPath,
  sectionPath,
  updateAnchor,
  updatePath,
  updatesPagePath,
  type Story,
} from '@/lib/content';
import { KeyEvents } from './KeyEvents';
import { LiveFollower } from './LiveFollower';
import { LiveStyles } from './LiveStyles';
import { LiveUpdateArticle } from './LiveUpdateArticle';
import { PAGE_ANCHORS } from '@/lib/page-anchors';

/** How often an open tab asks for updates: LIVE_POLL_SECONDS where the page is rendered, else 10. */
export const livePollSeconds = () => Number(process.env.LIVE_POLL_SECONDS) || 10;

/** The live label, or when the coverage ended; and when anything last changed. */
export function LiveStatusLine({ story }: { story: Story }) {
  const coverage = story.live!;
  const changed = lastUpdateChange(story.updates ?? []) ?? coverage.startedAt;
  return (
    <p className="live-status" data-live-part="status">
      {isLive(story) ? (
        <strong className="live-label">Live</strong>
      ) : (
        <strong className="live-label live-label--ended">
          Coverage ended <KstTime instant={coverage.endedAt!} />
        </strong>
      )}{' '}
      <span className="live-status__updated">
        Last updated <KstTime instant={changed} />
      </span>
    </p>
  );
}

/**
 * A live story's page (app/live/[slug], at the story's own address): the status, headline, summary (the story's
 * body), the pinned update, key events, the newest updates and a link to older ones; the follower while live.
 */
export function LivePage({
  story,
  pollSeconds = livePollSeconds(),
  follow = true,
}: {
  story: Story;
  pollSeconds?: number;
  /** false: no follower even while live (/dev/previews' sample). */
  follow?: boolean;
}) {
  const updates = story.updates ?? [];
  const { pinned, newest, shown, keyEvents, olderPage } = liveFirstPage(updates);
  const listed = newest.filter((update) => update !== pinned);
  const onPage = new Set(newest.map((update) => update.id));
  const live = isLive(story);
  return (
    <article className="story live-story" data-live-coverage-revision={liveStatus(story, shown).revision}>
      <LiveStyles />
      <header className="story-header">
        <p className="kicker">{story.kicker ?? <a href={sectionPath(story.section.id)}>{story.section.name}</a>}</p>
        <LiveStatusLine story={story} />
        <h1 className="headline">{story.headline}</h1>
        <p className="standfirst">{story.summary}</p>
        <div className="story-meta">
          <Byline authors={story.authors} />
          <ShareBar story={story} compact />
        </div>
      </header>
      <PhotoFigure photo={story.leadPhoto} lead />
      <StoryBody story={story} />
      <div data-live-part="pinned">
        {pinned && (
          <section className="live-pinned" aria-labelledby={PAGE_ANCHORS.pinned}>
            <h2 id={PAGE_ANCHORS.pinned}>Pinned</h2>
            <LiveUpdateArticle update={pinned} href={updatePath(story.slug, updates, pinned.id)} />
          </section>
        )}
      </div>
      <div data-live-part="key-events">
        <KeyEvents
          events={keyEvents}
          hrefOf={(id) => (onPage.has(id) ? `#${updateAnchor(id)}` : updatePath(story.slug, updates, id))}
        />
      </div>
      <section className="live-updates" aria-labelledby={PAGE_ANCHORS.updates}>
        <h2 id={PAGE_ANCHORS.updates}>Latest updates</h2>
        {live && follow && (
          <LiveFollower statusPath={liveStatusPath(story.slug)} pagePath={story.path} pollSeconds={pollSeconds} />
        )}
        <div className="live-updates__list" data-live-updates>
          {listed.map((update) => (
            <LiveUpdateArticle key={update.id} update={update} href={updatePath(story.slug, updates, update.id)} />
          ))}
        </div>
        <div data-live-part="older">
          {olderPage && (
            <p className="live-older">
              <a href={updatesPagePath(story.slug, olderPage)}>Older updates</a>
            </p>
          )}
        </div>
      </section>
      <StoryFooter story={story} />
    </article>
  );
}
