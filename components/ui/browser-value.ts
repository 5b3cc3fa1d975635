import { useSyncExternalStore } from 'react';

const unchanging = () => () => {};

/**
 * A value only the browser knows, read without an effect: `onServer` in the server's HTML and while the page
 * hydrates (so the markup matches), then `inBrowser()` from the render after hydration on.
 */
export function useBrowserValue<T>(inBrowser: () => T, onServer: T): T {
  return useSyncExternalStore(unchanging, inBrowser, () => onServer);
}

const always = () => true;

/** False in the server's HTML and during hydration, true once the component runs in the browser. */
export function useHydrated(): boolean {
  return useBrowserValue(always, false);
}
