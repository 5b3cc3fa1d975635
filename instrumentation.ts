/**
 * At server start: sync this origin with the current content (its prerendered pages are the build's; a
 * publish may have come since), arm the embargo timer, then warm the on-demand rendering up
 * (lib/publish/self-sync.ts, lib/publish/warm-up.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return;
  // `next build` loads this file too; only a running server syncs.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { requestSelfSync } = await import('@/lib/publish/self-sync');
  const { warmUp } = await import('@/lib/publish/warm-up');
  // Not awaited: register() must return before the server listens.
  setTimeout(async () => {
    if (await requestSelfSync('start')) await warmUp();
  }, 100);
}
