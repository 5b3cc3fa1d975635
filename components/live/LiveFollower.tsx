'use client';

import { useEffect, useRef } from 'react';
import { follow } from './follow';
import { applyPage, readerAtTop, showPending, type LivePageView } from './follow-dom';

interface LiveFollowerProps {
  /** live.json's path (liveStatusPath) and the live page's own. */
  statusPath: string;
  pagePath: string;
  pollSeconds: number;
}

/**
 * The one piece of JavaScript a live page adds, only while the coverage is live: follows it (./follow.ts) and
 * holds the "N new updates" button in a zero-height sticky holder, so showing it moves nothing.
 */
export function LiveFollower({ statusPath, pagePath, pollSeconds }: LiveFollowerProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const list = document.querySelector<HTMLElement>('[data-live-updates]');
    const revision = document
      .querySelector('[data-live-coverage-revision]')
      ?.getAttribute('data-live-coverage-revision');
    if (!list || !revision || !button.current) return;
    const view: LivePageView = { list, button: button.current, pending: { updates: [] } };
    const showNew = () => showPending(view)?.focus();
    view.button.addEventListener('click', showNew);
    const following = follow({
      statusUrl: statusPath,
      pageUrl: pagePath,
      pollSeconds,
      revision,
      fetch: (url, init) => window.fetch(url, init),
      setTimeout: (run, ms) => window.setTimeout(run, ms),
      clearTimeout: (timer) => window.clearTimeout(timer as number),
      visible: () => document.visibilityState === 'visible',
      apply: (html) => applyPage(view, html, readerAtTop(window)),
    });
    const onVisibility = () => following.visibilityChanged();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      following.stop();
      document.removeEventListener('visibilitychange', onVisibility);
      view.button.removeEventListener('click', showNew);
    };
  }, [statusPath, pagePath, pollSeconds]);
  return (
    <div className="live-new-updates" aria-live="polite">
      <button ref={button} type="button" className="live-new-updates__button" data-live-new-updates hidden>
        New updates
      </button>
    </div>
  );
}
