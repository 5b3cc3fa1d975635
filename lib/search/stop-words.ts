/**
 * The commonest English function words, left out of the search index and out of queries. Pagefind matches
 * every word of a query, and a word that is in nearly every story has a posting list the size of the archive:
 * on 10,000 stories "the" alone is a 260 KB index chunk. Without them a query downloads only the chunks of
 * the words that tell stories apart.
 */
export const STOP_WORDS = new Set(
  'a an and are as at be been but by for from has have he her his in into is it its of on or our she that the their them they this to was were which will with'.split(
    ' ',
  ),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** The text without its stop words (for the index). */
export const withoutStopWords = (text: string): string =>
  text.replace(WORD, (word) => (STOP_WORDS.has(word.toLowerCase()) ? '' : word)).replace(/[ \t]{2,}/g, ' ');

/** A reader's query without its stop words; the query itself when it has nothing else. */
export function searchTerms(query: string): string {
  const words = query.match(WORD) ?? [];
  const kept = words.filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  return (kept.length > 0 ? kept : words).join(' ');
}
