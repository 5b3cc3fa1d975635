/**
 * Embedded posts and videos (docs/decisions/0041): the providers the site can embed, how a post's address
 * becomes the address of its player frame, and the one origin each needs in the page's CSP frame-src.
 * Nothing here fetches anything: the frame is inserted only when the reader asks (components/story/Embed).
 */

export interface EmbedProvider {
  /** The provider's name as readers know it. */
  name: string;
  /** The only origin the frame is loaded from: what frame-src opens on a page with this embed. */
  frameOrigin: string;
  /** Width / height of the player, for a placeholder that keeps its place (no layout shift). */
  aspectRatio: string;
  /** Addresses of posts, with the post's id as the first group. */
  patterns: RegExp[];
  frameSrc(id: string): string;
}

export const EMBED_PROVIDERS = {
  youtube: {
    name: 'YouTube',
    // The privacy-enhanced player: no cookies until the reader plays the video.
    frameOrigin: 'https://www.youtube-nocookie.com',
    aspectRatio: '16 / 9',
    patterns: [
      /^https:\/\/(?:www\.|m\.)?youtube\.com\/watch\?(?:.*&)?v=([\w-]{11})(?:&.*)?$/,
      /^https:\/\/youtu\.be\/([\w-]{11})(?:\?.*)?$/,
      /^https:\/\/(?:www\.)?youtube\.com\/(?:shorts|embed|live)\/([\w-]{11})(?:\?.*)?$/,
    ],
    frameSrc: (id: string) => `https://www.youtube-nocookie.com/embed/${id}`,
  },
  x: {
    name: 'X',
    frameOrigin: 'https://platform.twitter.com',
    aspectRatio: '4 / 5',
    patterns: [/^https:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/\w{1,15}\/status\/(\d{1,20})(?:[/?].*)?$/],
    frameSrc: (id: string) => `https://platform.twitter.com/embed/Tweet.html?id=${id}&dnt=true`,
  },
  instagram: {
    name: 'Instagram',
    frameOrigin: 'https://www.instagram.com',
    aspectRatio: '4 / 5',
    patterns: [/^https:\/\/(?:www\.)?instagram\.com\/(?:p|reel|tv)\/([\w-]{5,40})\/?(?:\?.*)?$/],
    frameSrc: (id: string) => `https://www.instagram.com/p/${id}/embed/`,
  },
} satisfies Record<string, EmbedProvider>;

export type EmbedProviderId = keyof typeof EMBED_PROVIDERS;

export interface ResolvedEmbed {
  provider: EmbedProviderId;
  name: string;
  frameSrc: string;
  frameOrigin: string;
  aspectRatio: string;
}

/** The embed for a post's address; undefined when no provider the site embeds has such an address. */
export function embedOf(url: string): ResolvedEmbed | undefined {
  for (const [provider, p] of Object.entries(EMBED_PROVIDERS) as [EmbedProviderId, EmbedProvider][]) {
    for (const pattern of p.patterns) {
      const id = pattern.exec(url)?.[1];
      if (id)
        return {
          provider,
          name: p.name,
          frameSrc: p.frameSrc(id),
          frameOrigin: p.frameOrigin,
          aspectRatio: p.aspectRatio,
        };
    }
  }
  return undefined;
}

/** The frame origins a story's embeds need, sorted, without repeats: what its page's CSP frame-src allows. */
export function frameOriginsOf(body: readonly unknown[]): string[] {
  const origins = new Set<string>();
  for (const block of body) {
    const b = block as { type?: unknown; url?: unknown };
    if (b && b.type === 'embed' && typeof b.url === 'string') {
      const embed = embedOf(b.url);
      if (embed) origins.add(embed.frameOrigin);
    }
  }
  return [...origins].sort();
}
