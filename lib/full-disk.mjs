/**
 * A full disk (ENOSPC, or a quota) named by its folder, for content:publish's store and the release step.
 * Plain JavaScript: scripts/lib/releases.mjs runs before anything compiles.
 */

/**
 * The error to show for `error`: a full disk as a sentence naming `folder` and what to do `next`; others as they are.
 * @param {unknown} error @param {string} folder @param {string} next
 * @returns {unknown}
 */
export function namingFullDisk(error, folder, next) {
  const code = /** @type {{ code?: string } | undefined} */ (error)?.code;
  if (code !== 'ENOSPC' && code !== 'EDQUOT') return error;
  return new Error(`The disk under ${folder} is full (${code}): free some space there and ${next}.`);
}
