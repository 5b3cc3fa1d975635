/**
 * A WeakMap shared by every bundle of the server process. proxy.ts, the route handlers and the pages are
 * separate bundles, each with its own copy of a module's variables; the listing they serve is one object for
 * all of them (kept on globalThis by lib/content/serving/served-content.ts). An index built from it is then built once per
 * process and content version, not once per bundle, and the publish endpoint can build it before it answers
 * (lib/publish/origin-sync.ts), so the first readers after a publish do not wait for it.
 */
export function sharedWeakMap<K extends object, V>(name: string): WeakMap<K, V> {
  const key = Symbol.for(`aju-press.memo.${name}`);
  const globals = globalThis as typeof globalThis & { [key: symbol]: unknown };
  return (globals[key] ??= new WeakMap<K, V>()) as WeakMap<K, V>;
}
