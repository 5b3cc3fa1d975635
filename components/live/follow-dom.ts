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

/** Applies a newer page; `atTop` inserts new updates at once, else the button counts them. */
export function applyPage(view: LivePageView, html: string, atTop: boolean): void {
  const document = view.list.ownerDocument;
  const next = new DOMParser().parseFromString(html, 'text/html');
  replacePart(document, next, 'status');
  const root = document.querySelector('[data-live-coverage-revision]');
  const nextRoot = next.querySelector('[data-live-coverage-revision]');
  if (root && nextRoot)
    root.setAttribute('data-live-coverage-revision', nextRoot.getAttribute('data-live-coverage-revision')!);
  // Corrected or withdrawn: replaced where it is (pending ones too).
  for (const fresh of next.querySelectorAll<HTMLElement>('article.live-update[id]')) {
    const current = document.getElementById(fresh.id);
    if (current && current.dataset.liveRevision !== fresh.dataset.liveRevision)
      current.replaceWith(document.importNode(fresh, true));
  }
  const nextList = next.querySelector('[data-live-updates]');
  const known = new Set(view.pending.updates.map((update) => update.id));
  const added = [...(nextList?.children ?? [])].filter(
    (update) => update.id && !document.getElementById(update.id) && !known.has(update.id),
  );
  const fresher = view.pending.updates.map((update) => next.getElementById(update.id) ?? update);
  view.pending = { updates: [...added, ...fresher], page: next };
  if (atTop) showPending(view);
  else updateButton(view);
}

/** Inserts the new updates at the top of the list, and the parts that go with them; returns the newest. */
export function showPending(view: LivePageView): HTMLElement | undefined {
  const { updates, page } = view.pending;
  const document = view.list.ownerDocument;
  const inserted = updates.map((update) => document.importNode(update, true) as HTMLElement);
  view.list.prepend(...inserted);
  if (page) for (const part of PARTS_WITH_NEW_UPDATES) replacePart(document, page, part);
  view.pending = { updates: [] };
  updateButton(view);
  return inserted[0];
}

function updateButton(view: LivePageView) {
  const count = view.pending.updates.length;
  view.button.hidden = count === 0;
  view.button.textContent = count === 1 ? '1 new update' : `${count} new updates`;
}
