/**
 * Share links for a story: each network's own share page, with the story's canonical URL tagged with
 * utm_source naming where it was shared (utm_medium says how), so analytics can tell the networks apart.
 * Plain URLs: nothing from any network is loaded until a reader follows one.
 */
import type { Story } from '@/lib/content';
import { absoluteUrl } from '@/lib/site';

export type ShareNetwork = 'x' | 'facebook' | 'linkedin' | 'line' | 'email';
/** Sources the client control adds: the browser's share sheet and the clipboard. */
export type ShareSource = ShareNetwork | 'share_sheet' | 'copy_link';

export interface ShareLink {
  network: ShareNetwork;
  /** Visible name of the network. */
  label: string;
  href: string;
}

/**
 * The story's address as readers share it. A syndicated story's canonicalUrl points search engines at
 * the original publisher; readers still share the page they are reading, so this is always our own URL.
 */
export function sharedUrl(story: Pick<Story, 'path'>, source: ShareSource): string {
  const url = new URL(absoluteUrl(story.path));
  url.searchParams.set('utm_source', source);
  url.searchParams.set('utm_medium', source === 'email' ? 'email' : 'social');
  return url.toString();
}

const withQuery = (base: string, query: Record<string, string>) => `${base}?${new URLSearchParams(query).toString()}`;

/**
 * X, Facebook, LinkedIn, LINE and email, in that order. Each carries as little as it needs (the URL; the
 * title where the network does not show the card's own): the links are in the page twice, and again in
 * its RSC payload.
 */
export function shareLinks(story: Pick<Story, 'path' | 'headline' | 'socialTitle'>): ShareLink[] {
  const title = story.socialTitle ?? story.headline;
  const url = (network: ShareNetwork) => sharedUrl(story, network);
  return [
    { network: 'x', label: 'X', href: withQuery('https://x.com/intent/tweet', { url: url('x'), text: title }) },
    {
      network: 'facebook',
      label: 'Facebook',
      href: withQuery('https://www.facebook.com/sharer/sharer.php', { u: url('facebook') }),
    },
    {
      network: 'linkedin',
      label: 'LinkedIn',
      href: withQuery('https://www.linkedin.com/sharing/share-offsite/', { url: url('linkedin') }),
    },
    {
      network: 'line',
      label: 'LINE',
      href: withQuery('https://social-plugins.line.me/lineit/share', { url: url('line') }),
    },
    {
      network: 'email',
      label: 'Email',
      // mailto wants %20 for spaces, not "+": encodeURIComponent, not URLSearchParams.
      href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url('email'))}`,
    },
  ];
}
