/**
 * At server start: sync this origin with the current content (its prerendered pages are the build's; a
 * publish may have come since) and arm the embargo timer (lib/publish/origin-sync.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return;
  // `next build` loads this file too; only a running server syncs.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { requestSelfSync } = await import('@/lib/publish/origin-sync');
  // Not awaited: register() must return before the server listens.
  setTimeout(() => void requestSelfSync('start'), 100);
}
