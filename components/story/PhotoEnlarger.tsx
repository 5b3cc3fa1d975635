'use client';

import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useHydrated } from '@/components/ui/browser-value';

interface PhotoEnlargerProps {
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

/**
 * The "enlarge image" control. Server-rendered as a plain link to the full-size file, so it works
 * without JavaScript; once hydrated it becomes a button that opens the photo in a modal <dialog>.
 * The native dialog gives focus trapping, Escape and the top layer; scrolling behind it is locked in CSS.
 */
export function PhotoEnlarger({ src, width, height, alt, caption, credit }: PhotoEnlargerProps) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  // Opened in the click itself: the figure renders first (its Close has autoFocus), then showModal, so no
  // close event still queued from the last closing can land between the two and leave the dialog empty.
  const show = () => {
    flushSync(() => setOpen(true));
    if (dialogRef.current && !dialogRef.current.open) dialogRef.current.showModal();
  };
  const close = () => dialogRef.current?.close();
  const icon = (
    <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24">
      <path d="M4 10V4h6M20 14v6h-6M4 4l6.5 6.5M20 20l-6.5-6.5" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );

  if (!hydrated) {
    return (
      <a className="enlarge-button" href={src}>
        {icon}
        <span>Enlarge image</span>
      </a>
    );
  }

  return (
    <>
      <button ref={triggerRef} type="button" className="enlarge-button" aria-haspopup="dialog" onClick={show}>
        {icon}
        <span>Enlarge image</span>
      </button>
      <dialog
        ref={dialogRef}
        className="photo-dialog"
        aria-label="Enlarged image"
        onClose={() => {
          // A close event queued before the reader opened it again is stale.
          if (dialogRef.current?.open) return;
          setOpen(false);
          // Browsers put focus back on the opener when a modal closes; the close event comes a task later.
          // Move focus only if it was left nowhere, never pull it back from where the reader has tabbed on.
          const active = document.activeElement;
          if (!active || active === document.body || dialogRef.current?.contains(active)) triggerRef.current?.focus();
        }}
        // A click on the backdrop lands on the dialog element itself.
        onClick={(event) => event.target === event.currentTarget && close()}
      >
        {open && (
          <figure className="photo-dialog__figure">
            <button type="button" className="photo-dialog__close" onClick={close} autoFocus>
              Close
            </button>
            {/* The original file, unresized: this view is for seeing every detail. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={src} width={width} height={height} alt={alt} />
            <figcaption>
              <span className="caption">{caption}</span> <span className="credit">{credit}</span>
            </figcaption>
          </figure>
        )}
      </dialog>
    </>
  );
}
