/** The parts of a served document that tests weigh apart: its JSON-LD blocks and its flight data. */

/** The text of each `<script type="application/ld+json">`, as served. */
export const jsonLdTexts = (html: string): string[] =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => m[1]!);

/**
 * The flight data the document carries for hydration: the strings of its `self.__next_f.push([1, "…"])` scripts,
 * decoded and joined (each push is JSON; Next escapes `<` in them, so none can end its script early).
 */
export function flightData(html: string): string {
  return [...html.matchAll(/<script>self\.__next_f\.push\((\[.*?\])\)<\/script>/gs)]
    .map((m) => JSON.parse(m[1]!) as unknown[])
    .filter((push) => push[0] === 1 && typeof push[1] === 'string')
    .map((push) => push[1] as string)
    .join('');
}
