import type { ResolvedEmbed } from '@/lib/content';

interface EmbedProps {
  url: string;
  title: string;
  caption?: string;
  embed: ResolvedEmbed;
}

/** The click-to-load script, a static file: a page has it only when it has an embed (React loads it once). */
export const EMBED_LOADER_SRC = '/embed-loader.js';

/**
 * A post or video from another site, as a placeholder: its provider, title and a plain link to it. Nothing is
 * fetched from the provider until the reader presses "Load": public/embed-loader.js then puts the provider's
 * frame in the placeholder's place, at its size. Without JavaScript the button is not shown and the link is
 * all there is. The loader is a static script rather than a client component so that it comes only with a
 * story that has an embed (docs/decisions/0041): Next ships a route's client components with all its pages.
 */
export function Embed({ url, title, caption, embed }: EmbedProps) {
  const verb = embed.provider === 'youtube' ? 'Watch' : 'View';
  return (
    <figure className="embed" data-provider={embed.provider}>
      <div
        className="embed__box"
        style={{ aspectRatio: embed.aspectRatio }}
        data-frame-src={embed.frameSrc}
        data-frame-title={`${title} (${embed.name})`}
      >
        <div className="embed__placeholder">
          <p className="embed__provider">{embed.name}</p>
          <p className="embed__title">{title}</p>
          <p className="embed__notice">Loading it shares your visit with {embed.name}.</p>
          <a className="embed__link" href={url} rel="noopener noreferrer">
            {verb} on {embed.name}
          </a>
          <button type="button" className="embed__load" aria-label={`Load ${embed.name}: ${title}`}>
            Load {embed.name}
          </button>
        </div>
      </div>
      {caption && <figcaption>{caption}</figcaption>}
      <script src={EMBED_LOADER_SRC} async />
    </figure>
  );
}
