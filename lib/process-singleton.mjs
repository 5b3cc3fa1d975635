/**
 * One value per server process, shared by every bundle: proxy.ts, the route handlers, the pages and Next's
 * cache handler each get their own copy of a module's variables, so process-wide state lives on globalThis.
 */

/**
 * The value named `name` in this process, made by `create` on first use.
 * @template T
 * @param {string} name
 * @param {() => T} create
 * @returns {T}
 */
export function processSingleton(name, create) {
  const key = Symbol.for(`aju-press.${name}`);
  const globals = /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis));
  if (!(key in globals)) globals[key] = create();
  return /** @type {T} */ (globals[key]);
}

/**
 * The value named `name` if some bundle of this process made it, else undefined (for readers that must not
 * make it, such as Next's cache handler reading the served content's state).
 * @param {string} name
 * @returns {unknown}
 */
export function existingSingleton(name) {
  return /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[Symbol.for(`aju-press.${name}`)];
}

/**
 * A WeakMap shared by every bundle: an index built from the served listing (one object for all bundles) is
 * built once per process and content version.
 * @template {object} K
 * @template V
 * @param {string} name
 * @returns {WeakMap<K, V>}
 */
export const sharedWeakMap = (name) => processSingleton(`memo.${name}`, () => new WeakMap());
