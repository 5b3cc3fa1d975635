/** What content:publish prints of the change set: each story's address. */
import { storyPath } from '@/lib/content/model/paths';
import type { OriginAnswer } from './origins';

export async function printChanges(changes: OriginAnswer): Promise<void> {
  // Loaded here, after the publish: the site's settings (SITE_URL) matter only to these addresses.
  const { absoluteUrl } = await import('@/lib/site');
  const list = (label: string, slugs: string[]) => {
    console.log(`${label}: ${slugs.length}`);
    for (const slug of slugs) console.log(`  ${absoluteUrl(storyPath(slug))}`);
  };
  list('added', changes.added);
  list('updated', changes.updated);
  list('removed', changes.removed);
  if (changes.everything) console.log('authors, sections, tags or photos changed: every page revalidated');
}
