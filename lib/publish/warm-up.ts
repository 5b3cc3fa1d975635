/**
 * A started origin renders the newest story's page and card once in draft mode, which reads and writes no
 * cache, so the first story published after a deploy does not wait for code loaded on first use (decision 0028).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { visibleAt } from '@/lib/content/model/embargoes';
import { contentNow } from '@/lib/content/serving/content-clock';
import { liveListing } from '@/lib/content/serving/served-content';
import { selfUrl } from './self-sync';

/** The cookie that puts a request in draft mode: Next renders it without reading or writing its cache. */
function draftModeCookie(): string | undefined {
  try {
    const manifest = JSON.parse(
      readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'prerender-manifest.json'), 'utf8'),
    ) as { preview?: { previewModeId?: unknown } };
    const id = manifest.preview?.previewModeId;
    return typeof id === 'string' ? `__prerender_bypass=${id}` : undefined;
  } catch {
    return undefined;
  }
}

export async function warmUp(): Promise<void> {
  const cookie = draftModeCookie();
  const story = visibleAt(await liveListing(), contentNow())[0];
  if (!cookie || !story) return;
  const done: string[] = [];
  for (const p of [`/stories/${story.slug}`, `/stories/${story.slug}/opengraph-image`]) {
    const started = performance.now();
    const status = await fetch(`${selfUrl()}${encodeURI(p)}`, {
      headers: { cookie },
      signal: AbortSignal.timeout(60_000),
    })
      .then(async (answer) => (await answer.arrayBuffer(), answer.status))
      .catch(() => 0);
    done.push(`${p} ${status} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  }
  console.log(`content: warmed up on-demand rendering (draft mode, nothing cached): ${done.join(', ')}`);
}
