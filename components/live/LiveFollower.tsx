'use client';

import { useEffect, useRef } from 'react';
import { follow } from './follow';
import { applyPage, hasPending, readerAtTop, showPending, type LivePageView } from './follow-dom';

interface LiveFollowerProps {
  /** live.json's path (liveStatusPath) and the live page's own. */
  statusPath: string;
  pagePath: string;
  pollSeconds: number;
}

/**
 * The one piece of JavaScript a live page adds, only while the coverage is live: follows it (./follow.ts) and
 * holds the "N new updates" button in a zero-height sticky holder, so showing it moves nothing; updates shown at
 * the top are announced in the same polite region.
 */
export function LiveFollower({ statusPath, pagePath, pollSeconds }: LiveFollowerProps) {
  const button = useRef<HTMLButtonElement>(null);
  const announcer = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const list = document.querySelector<HTMLElement>('[data-live-updates]');
    const revision = document
      .querySelector('[data-live-coverage-revision]')
      ?.getAttribute('data-live-coverage-revision');
    if (!list || !revision || !button.current) return;
    const view: LivePageView = { list, button: button.current, pending: { updates: [] } };
    const announce = (count: number) => {
      if (count && announcer.current)
        announcer.current.textContent = count === 1 ? '1 new update shown' : `${count} new updates shown`;
    };
    const showNew = () => showPending(view)?.focus();
    view.button.addEventListener('click', showNew);
    // Back at the top: what waited is shown there (a pin, key events or updates), as it would have been.
    const onScroll = () => {
      if (!readerAtTop(window) || !hasPending(view)) return;
      const count = view.pending.updates.length;
      showPending(view);
      announce(count);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    const following = follow({
      statusUrl: statusPath,
      pageUrl: pagePath,
      pollSeconds,
      revision,
      fetch: (url, init) => window.fetch(url, init),
      setTimeout: (run, ms) => window.setTimeout(run, ms),
      clearTimeout: (timer) => window.clearTimeout(timer as number),
      visible: () => document.visibilityState === 'visible',
      apply: (html) => {
        const atTop = readerAtTop(window);
        const count = applyPage(view, html, atTop);
        if (atTop) announce(count);
      },
    });
    const onVisibility = () => following.visibilityChanged();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      following.stop();
      document.removeEventListener('visibilitychange', onVisibility);
      view.button.removeEventListener('click', showNew);
      window.removeEventListener('scroll', onScroll);
    };
  }, [statusPath, pagePath, pollSeconds]);
  return (
    <div className="live-new-updates" aria-live="polite">
      <button ref={button} type="button" className="live-new-updates__button" data-live-new-updates hidden>
        New updates
      </button>
      <span ref={announcer} className="visually-hidden" />
    </div>
  );
}
