'use client';

import { useServerInsertedHTML } from 'next/navigation';
import { useRef } from 'react';
import { existingSingleton } from '@/lib/process-singleton.mjs';
import type { JsonLdHandover } from '@/lib/seo/json-ld-handover';

/**
 * Where a JsonLd block goes: the server render puts the text JsonLd left under `textKey` into the HTML with
 * useServerInsertedHTML, which no flight data carries (decision 0052). On the client this renders nothing, and
 * hydration never sees the <script>.
 */
export function JsonLdSlot({ textKey }: { textKey: string }) {
  const inserted = useRef(false);
  useServerInsertedHTML(() => {
    if (inserted.current) return null;
    inserted.current = true;
    // 'json-ld': JSON_LD_HANDOVER, spelled out so that lib/seo/json-ld-handover.ts stays out of the browser's bundle.
    const text = (existingSingleton('json-ld') as JsonLdHandover | undefined)?.take(textKey);
    // Thrown in production too: the render fails where it is seen (the build stops; on demand, a logged 500 that
    // neither Next's cache nor the edge keeps; a failed revalidation keeps the page as it was), where a page
    // without its structured data would be cached until its next render and no crawler would report it.
    if (text === undefined) throw new Error(`JSON-LD ${textKey} was not handed over to this HTML render`);
    return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: text }} />;
  });
  return null;
}
