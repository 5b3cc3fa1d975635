'use client';

import { useServerInsertedHTML } from 'next/navigation';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { existingSingleton } from '@/lib/process-singleton.mjs';
import { PRINT_STYLESHEET_PATH, sheetsCss, type SheetName, type SheetPart } from '@/lib/stylesheet-sheets';

/** The sheets the page being rendered uses, gathered on the server while it renders. */
const UsedSheets = createContext<Set<SheetName> | null>(null);

/**
 * The page's stylesheet inlined in <head> by the server render only: what useServerInsertedHTML returns goes into
 * the HTML but not into the flight data, so the browser gets the stylesheet once (decision 0052). The text comes
 * from app/stylesheet.ts through a process singleton, so it is in no browser bundle; on the client this renders
 * only its children and hydration never sees the <style> (nor the core face's preload, which goes with it).
 * The page gets `site` and what `UsesSheets` asked for while the page rendered, in one <style> in the files'
 * order (app/styles). A sheet first asked for by content streamed after the first flush comes in a <style> of its
 * own then, after the parts already sent, so its cascade order against them is no longer the files': no page
 * suspends today, and one that does should ask for its sheets outside the suspended part. The print rules
 * (every sheet's) follow the first <style> in a linked stylesheet, so they come after every screen rule of the page.
 */
export function InlineStylesheet({ children }: { children: ReactNode }) {
  // One pair of sets per render of the page (never replaced, so useState's first value serves throughout).
  const [{ used, sent }] = useState(() => ({ used: new Set<SheetName>(['site']), sent: new Set<SheetName>() }));
  useServerInsertedHTML(() => {
    const made = existingSingleton('stylesheet') as { parts: SheetPart[]; preloadFont: string } | undefined;
    const missing = new Set([...used].filter((sheet) => !sent.has(sheet)));
    if (!made || missing.size === 0) return null;
    const first = sent.size === 0;
    missing.forEach((sheet) => sent.add(sheet));
    return (
      <>
        {/* The core text face, which the first paint may wait for: fetched with the document (decision 0004). */}
        {first && <link rel="preload" href={made.preloadFont} as="font" type="font/woff2" crossOrigin="" />}
        <style
          key={[...missing].join(' ')}
          data-stylesheet={[...missing].join(' ')}
          dangerouslySetInnerHTML={{ __html: sheetsCss(made.parts, missing) }}
        />
        {/* After the screen rules, which the print rules override. Fetched without blocking the first paint. */}
        {first && <link rel="stylesheet" href={PRINT_STYLESHEET_PATH} media="print" />}
      </>
    );
  });
  return <UsedSheets.Provider value={used}>{children}</UsedSheets.Provider>;
}

/** Says, during the server render, that this page uses these sheets (beyond `site`); renders nothing. */
export function UsesSheets({ sheets }: { sheets: SheetName[] }) {
  const used = useContext(UsedSheets);
  if (typeof window === 'undefined') for (const sheet of sheets) used?.add(sheet);
  return null;
}
