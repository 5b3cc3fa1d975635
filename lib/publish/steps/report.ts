/** What content:publish prints of the change set: each story's address. */
import { storyPath } from '@/lib/content/model/paths';
import { absoluteUrl } from '@/lib/site';
import type { OriginAnswer } from './origins';

export function printChanges(changes: OriginAnswer): void {
  const list = (label: string, slugs: string[]) => {
    console.log(`${label}: ${slugs.length}`);
    for (const slug of slugs) console.log(`  ${absoluteUrl(storyPath(slug))}`);
  };
  list('added', changes.added);
  list('updated', changes.updated);
  list('removed', changes.removed);
  if (changes.everything) console.log('authors, sections, tags or photos changed: every page revalidated');
}
