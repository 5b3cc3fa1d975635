'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

interface EmbedLoaderProps {
  frameSrc: string;
  title: string;
  provider: string;
  aspectRatio: string;
  /** The placeholder (provider, title, link), rendered on the server. */
  children: ReactNode;
}

/**
 * Click to load: the provider's frame is inserted only when the reader asks. The button is in place but
 * invisible until hydrated (nothing moves when it appears); the frame takes the box's size and focus.
 */
export function EmbedLoader({ frameSrc, title, provider, aspectRatio, children }: EmbedLoaderProps) {
  const [ready, setReady] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => setReady(true), []);
  useEffect(() => {
    if (loaded) frame.current?.focus();
  }, [loaded]);

  return (
    <div className="embed__box" style={{ aspectRatio }}>
      {loaded ? (
        <iframe
          ref={frame}
          className="embed__frame"
          src={frameSrc}
          title={title}
          allow="encrypted-media; picture-in-picture; fullscreen"
          referrerPolicy="strict-origin-when-cross-origin"
          sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation"
        />
      ) : (
        <div className="embed__placeholder">
          {children}
          <button type="button" className="embed__load" data-ready={ready || undefined} aria-label={`Load ${provider}: ${title}`} onClick={() => setLoaded(true)}>
            Load {provider}
          </button>
        </div>
      )}
    </div>
  );
}
