import type { Story } from '@/lib/content';
import { shareLinks, sharedUrl } from '@/lib/share';
import { ShareActions } from './ShareActions';

/**
 * "Share": plain links to each network's share page (they work without JavaScript and load nothing
 * from the network until clicked), then the copy and share-sheet buttons. Shown near the byline and
 * at the story's foot; hidden in print.
 */
export function ShareBar({ story }: { story: Story }) {
  return (
    <div className="share" role="group" aria-label="Share this story">
      <span className="share__label" aria-hidden="true">
        Share
      </span>
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
      <ShareActions
        copyUrl={sharedUrl(story, 'copy_link')}
        shareUrl={sharedUrl(story, 'share_sheet')}
        title={story.socialTitle ?? story.headline}
      />
    </div>
  );
}
