import { UsesSheets } from '@/components/site/InlineStylesheet';

/**
 * The live pages' own styles (the live sheet, app/styles/14-live.css), with the story's and every block's: any
 * update, this page's or one an open tab adds later, may hold any block. A plain story carries none of the live
 * rules.
 */
export function LiveStyles() {
  return <UsesSheets sheets={['story', 'blocks', 'live']} />;
}
