'use client';

import { useEffect, useRef, useState } from 'react';
import { useBrowserValue, useHydrated } from '@/components/ui/browser-value';

interface ShareActionsProps {
  /** What "Copy link" copies: the canonical URL with utm_source=copy_link. */
  copyUrl: string;
  /** What the system share sheet shares: the canonical URL with utm_source=share_sheet. */
  shareUrl: string;
  title: string;
}

const hasShareSheet = () => typeof navigator.share === 'function';

/**
 * The two share buttons that need JavaScript: "Copy link" and, where the browser has one, the system
 * share sheet (Web Share API). Rendered on the server invisible but in place (so showing them shifts
 * nothing), shown once hydrated; a reader without JavaScript keeps the plain links beside them.
 */
export function ShareActions({ copyUrl, shareUrl, title }: ShareActionsProps) {
  const ready = useHydrated();
  const canShare = useBrowserValue(hasShareSheet, false);
  const [status, setStatus] = useState('');
  const clearStatus = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(clearStatus.current), []);

  const copy = async () => {
    let copied = false;
    try {
      await navigator.clipboard.writeText(copyUrl);
      copied = true;
    } catch {
      // No Clipboard API (or no permission): select a hidden field and use the older copy command.
      const field = document.createElement('textarea');
      field.value = copyUrl;
      field.setAttribute('readonly', '');
      field.className = 'visually-hidden';
      document.body.append(field);
      field.select();
      copied = document.execCommand('copy');
      field.remove();
    }
    const message = copied ? 'Link copied' : 'Could not copy the link';
    // A live region speaks only when its text changes: a second copy adds a no-break space, so it is heard too.
    setStatus((shown) => (shown === message ? `${message}\u00a0` : message));
    clearTimeout(clearStatus.current);
    clearStatus.current = setTimeout(() => setStatus(''), 4000);
  };

  const share = () =>
    // A reader closing the sheet rejects the promise (AbortError): nothing to report.
    navigator.share({ title, url: shareUrl }).catch(() => undefined);

  return (
    <span className="share__actions" data-ready={ready || undefined}>
      <button type="button" className="share__button" onClick={copy}>
        {status.startsWith('Link copied') ? 'Copied' : 'Copy link'}
      </button>
      {/* Without a share sheet the button stays invisible but keeps its place, so nothing moves. */}
      <button
        type="button"
        className="share__button"
        onClick={share}
        data-unavailable={ready && !canShare ? '' : undefined}
      >
        Share…
      </button>
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </span>
  );
}
