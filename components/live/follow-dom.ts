/**
 * What an open tab does with a newer live page (./follow.ts fetches it): replaces the status line and the
 * updates that changed in place, and inserts new updates at the top of the list when the reader is there, or
 * keeps them for the "N new updates" button (data-live-new-updates) so nothing moves under the reader.
 */

/** The parts of the page above the list that change with new updates (components/live/LivePage.tsx). */
const PARTS_WITH_NEW_UPDATES = ['key-events', 'pinned', 'older'];

export interface LivePageView {
  /** The list of updates (newest first), the button, and the document they are in. */
  list: HTMLElement;
  button: HTMLButtonElement;
  /** New updates not shown yet, newest first, and the page they came from. */
  pending: { updates: Element[]; page?: Document };
}

const replacePart = (document: Document, next: Document, name: string) => {
  const current = document.querySelector(`[data-live-part="${name}"]`);
  const fresh = next.querySelector(`[data-live-part="${name}"]`);
  if (current && fresh && current.innerHTML !== fresh.innerHTML) current.replaceWith(document.importNode(fresh, true));
};

/** The reader is at the top: nothing they see moves when updates are inserted above the list's first. */
export const readerAtTop = (window: Window) => window.scrollY < 1;

/** Applies a newer page; `atTop` shows it at once, else the button counts its new updates; returns their count. */
export function applyPage(view: LivePageView, html: string, atTop: boolean): number {
  const document = view.list.ownerDocument;
  const next = new DOMParser().parseFromString(html, 'text/html');
  replacePart(document, next, 'status');
  const root = document.querySelector('[data-live-coverage-revision]');
  const nextRoot = next.querySelector('[data-live-coverage-revision]');
  if (root && nextRoot)
    root.setAttribute('data-live-coverage-revision', nextRoot.getAttribute('data-live-coverage-revision')!);
  // Corrected or withdrawn: replaced where it is, wherever it is shown (the pinned update and the list).
  for (const fresh of next.querySelectorAll<HTMLElement>('article.live-update[id]'))
    for (const current of document.querySelectorAll<HTMLElement>(`article.live-update[id="${fresh.id}"]`))
      if (current.dataset.liveRevision !== fresh.dataset.liveRevision)
        current.replaceWith(document.importNode(fresh, true));
  const nextList = next.querySelector('[data-live-updates]');
  const added = [...(nextList?.children ?? [])].filter((update) => update.id && !document.getElementById(update.id));
  view.pending = { updates: added, page: next };
  if (atTop) showPending(view);
  else updateButton(view);
  return added.length;
}

/**
 * Shows the pending page: its list of updates in place of the one shown (new ones at the top; a pin or an unpin
 * moves an update between the list and the pinned part) with the parts that go with it; returns the newest new
 * update. Only at the top of the page or on the reader's click: nothing moves under a reader who did not ask.
 */
export function showPending(view: LivePageView): HTMLElement | undefined {
  const { updates, page } = view.pending;
  const document = view.list.ownerDocument;
  const nextList = page?.querySelector('[data-live-updates]');
  if (page) for (const part of PARTS_WITH_NEW_UPDATES) replacePart(document, page, part);
  if (nextList) view.list.replaceChildren(...[...nextList.children].map((child) => document.importNode(child, true)));
  view.pending = { updates: [] };
  updateButton(view);
  return updates[0] ? (document.getElementById(updates[0].id) ?? undefined) : undefined;
}

/** The reader has pending updates to see, or a changed page to take in when back at the top. */
export const hasPending = (view: LivePageView) => !!view.pending.page;

function updateButton(view: LivePageView) {
  const count = view.pending.updates.length;
  view.button.hidden = count === 0;
  view.button.textContent = count === 1 ? '1 new update' : `${count} new updates`;
}
