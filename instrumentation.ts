/**
 * At server start: measure the store's clock, sync this origin with the current content (its prerendered
 * pages are the build's; a publish may have come since), arm the embargo timer, watch the store, then warm the
 * on-demand rendering up (lib/publish/self-sync.ts, lib/publish/store-watch.ts, lib/publish/warm-up.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return;
  // `next build` loads this file too; only a running server syncs.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { measureStoreClock } = await import('@/lib/content/serving/served-content');
  // Before the first reader: embargoes lift by the store's clock, not this machine's (decision 0046).
  await measureStoreClock().catch((error: Error) =>
    console.error(`content: ${error.message}; embargoes lift by this machine's clock until the store answers.`),
  );
  const { requestSelfSync } = await import('@/lib/publish/self-sync');
  const { watchStore } = await import('@/lib/publish/store-watch');
  const { warmUp } = await import('@/lib/publish/warm-up');
  // Not awaited: register() must return before the server listens.
  setTimeout(async () => {
    const synced = await requestSelfSync('start');
    // Watched even when the start-up sync failed (the store away): the watch brings it current later.
    watchStore();
    if (synced) await warmUp();
  }, 100);
}
