import { KstTime } from '@/components/ui/KstTime';
import {
  updatePageCount,
  updatePath,
  updatesOnPage,
  updatesPagePath,
  UPDATES_PER_PAGE,
  type Story,
} from '@/lib/content';
import { LiveStyles } from './LiveStyles';
import { LiveUpdateArticle } from './LiveUpdateArticle';
import { PAGE_ANCHORS } from '@/lib/page-anchors';

/**
 * An older page of a live story's updates (page 1 holds the first UPDATES_PER_PAGE): its updates newest first,
 * with links to the newer and the older page. A full page never changes, so the edge keeps it: nothing here
 * may depend on later updates (not even how many there are) but whether this page is the last, which its hash
 * holds (lib/content/model/live-status.ts).
 */
export function OlderUpdates({ story, page }: { story: Story; page: number }) {
  const updates = story.updates ?? [];
  const shown = updatesOnPage(updates, page);
  const pages = updatePageCount(updates.length);
  const first = (page - 1) * UPDATES_PER_PAGE + 1;
  return (
    <article className="story live-story">
      <LiveStyles />
      <header className="story-header">
        <p className="kicker">
          <a href={story.path}>Live coverage</a>
        </p>
        <h1 className="headline">{story.headline}</h1>
        <p className="standfirst">
          Updates {first} to {first + shown.length - 1}, newest first
          {shown[0] && (
            <>
              , to <KstTime instant={shown[0].postedAt} />
            </>
          )}
          .
        </p>
      </header>
      {/* A heading between the page's h1 and the updates' h3 titles (axe's heading-order). */}
      <section className="live-updates" aria-labelledby={PAGE_ANCHORS.updates}>
        <h2 id={PAGE_ANCHORS.updates} className="visually-hidden">
          Updates
        </h2>
        <div className="live-updates__list">
          {shown.map((update) => (
            <LiveUpdateArticle key={update.id} update={update} href={updatePath(story.slug, updates, update.id)} />
          ))}
        </div>
      </section>
      <nav className="live-pager" aria-label="Pages of updates">
        <ul>
          <li>
            <a href={page < pages ? updatesPagePath(story.slug, page + 1) : story.path} rel="prev">
              Newer updates
            </a>
          </li>
          {page > 1 && (
            <li>
              <a href={updatesPagePath(story.slug, page - 1)} rel="next">
                Older updates
              </a>
            </li>
          )}
        </ul>
      </nav>
    </article>
  );
}
