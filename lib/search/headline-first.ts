/** Letters and digits only, lower case: "Kim's visit — Seoul" and "kims visit seoul" compare equal. */
const comparable = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Pagefind's order, except that a result whose headline is the query itself comes first: a reader who types or
 * pastes a whole headline wants that story, not a longer headline that holds the same words more often.
 */
export function headlineFirst<T extends { meta: { title: string } }>(results: T[], query: string): T[] {
  const wanted = comparable(query);
  const at = wanted ? results.findIndex((result) => comparable(result.meta.title) === wanted) : -1;
  return at <= 0 ? results : [results[at]!, ...results.slice(0, at), ...results.slice(at + 1)];
}
