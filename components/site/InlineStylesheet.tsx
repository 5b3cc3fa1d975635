'use client';

import { useServerInsertedHTML } from 'next/navigation';
import { useRef } from 'react';
import { existingSingleton } from '@/lib/process-singleton.mjs';

/**
 * The stylesheet inlined in <head> by the server render only: what useServerInsertedHTML returns goes into the
 * HTML but not into the flight data, so the browser gets the stylesheet once (decision 0052). The text comes
 * from app/stylesheet.ts through a process singleton, so it is in no browser bundle; on the client this renders
 * nothing and hydration never sees the <style>.
 */
export function InlineStylesheet() {
  const inserted = useRef(false);
  useServerInsertedHTML(() => {
    const css = (existingSingleton('stylesheet') as { css?: string } | undefined)?.css;
    if (inserted.current || !css) return null;
    inserted.current = true;
    return <style data-stylesheet="site" dangerouslySetInnerHTML={{ __html: css }} />;
  });
  return null;
}
