import type { ResolvedEmbed } from '@/lib/content/embeds';
import { EmbedLoader } from './EmbedLoader';

interface EmbedProps {
  url: string;
  title: string;
  caption?: string;
  embed: ResolvedEmbed;
}

/**
 * A post or video from another site, as a placeholder: its provider, title and a plain link to it. Nothing is
 * fetched from the provider until the reader presses "Load" (the loader, with JavaScript); without
 * JavaScript the link is all there is. The frame takes the placeholder's place and size.
 */
export function Embed({ url, title, caption, embed }: EmbedProps) {
  const verb = embed.provider === 'youtube' ? 'Watch' : 'View';
  return (
    <figure className="embed" data-provider={embed.provider}>
      <EmbedLoader frameSrc={embed.frameSrc} title={`${title} (${embed.name})`} provider={embed.name} aspectRatio={embed.aspectRatio}>
        <p className="embed__provider">{embed.name}</p>
        <p className="embed__title">{title}</p>
        <p className="embed__notice">Loading it shares your visit with {embed.name}.</p>
        <a className="embed__link" href={url} rel="noopener noreferrer">
          {verb} on {embed.name}
        </a>
      </EmbedLoader>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
