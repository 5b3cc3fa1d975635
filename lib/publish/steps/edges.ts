/** content:publish's soft purge at every edge, by xkey (decision 0022). */
import { configuredEdges, softPurgeKeys } from '@/lib/edge/xkey';

/** Soft-purges the paths (or everything) at every edge; false when an edge that should answer did not. */
export async function purgeEdges(paths: Set<string>, everything: boolean, env = process.env): Promise<boolean> {
  const { edges, explicit } = configuredEdges(env);
  let ok = true;
  for (const edge of edges) {
    try {
      const purged = await softPurgeKeys(edge, everything ? ['site'] : [...paths]);
      console.log(
        `✔ edge ${edge}: ${purged} stored objects marked stale (${everything ? 'every page' : `${paths.size} pages`})`,
      );
    } catch (error) {
      if (!explicit && (error as NodeJS.ErrnoException).code === 'ECONNREFUSED') {
        console.log(`  no edge at ${edge} (EDGE_URL unset): nothing to purge`);
        continue;
      }
      ok = false;
      console.error(`✖ edge ${edge}: ${(error as Error).message}`);
    }
  }
  return ok;
}
