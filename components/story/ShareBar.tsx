import type { Story } from '@/lib/content';
import { PAGE_ANCHORS } from '@/lib/page-anchors';
import { shareLinks, sharedUrl } from '@/lib/share';
import { ShareActions } from './ShareActions';

/** The compact bar's link: its name begins with its visible text (WCAG 2.5.3) and says where it goes. */
const NETWORKS_TEXT = 'X, Facebook, email…';
const NETWORKS_LABEL = `${NETWORKS_TEXT} share links at the end of the story`;

/**
 * "Share": plain links to each network's share page (they work without JavaScript and load nothing
 * from the network until clicked), then the copy and share-sheet buttons. At the story's foot; hidden in print.
 * By the byline, `compact`: one link down to those network links, then the same buttons (on a phone the share
 * sheet offers every network). The links are in the page once, not twice with their RSC payload (decision 0052).
 */
export function ShareBar({ story, compact = false }: { story: Story; compact?: boolean }) {
  const actions = (
    <ShareActions
      copyUrl={sharedUrl(story, 'copy_link')}
      shareUrl={sharedUrl(story, 'share_sheet')}
      title={story.socialTitle ?? story.headline}
    />
  );
  const label = (
    <span className="share__label" aria-hidden="true">
      Share
    </span>
  );
  if (compact)
    return (
      <div className="share" role="group" aria-label="Share this story">
        {label}
        <a className="share__button" href={`#${PAGE_ANCHORS.share}`} aria-label={NETWORKS_LABEL}>
          {NETWORKS_TEXT}
        </a>
        {actions}
      </div>
    );
  return (
    // Focusable by script only: the link by the byline moves focus here, which every screen reader follows.
    <div className="share" id={PAGE_ANCHORS.share} tabIndex={-1} role="group" aria-label="Share this story">
      {label}
      <ul className="share__links">
        {shareLinks(story).map((link) => (
          <li key={link.network}>
            {link.network === 'email' ? (
              <a className="share__button" href={link.href} aria-label="Share by email">
                {link.label}
              </a>
            ) : (
              <a
                className="share__button"
                href={link.href}
                target="_blank"
                rel="noopener noreferrer"
                aria-label={`Share on ${link.label} (opens in a new tab)`}
              >
                {link.label}
              </a>
            )}
          </li>
        ))}
      </ul>
      {actions}
    </div>
  );
}
