/**
 * Renders every story's Open Graph card outside Next, saves the PNGs for a look and times each (fonts cut to the
 * card's text, photo cropped, Satori layout, PNG encoding). `--sample` adds a long headline mixing Korean, Latin
 * and an emoji.
 *
 *   npx tsx scripts/assets/og-cards.ts [out-dir (default .og-cards/)] [--sample]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getContent, type StorySummary } from '@/lib/content';
import { renderStoryCard } from '@/lib/og/render-in-node';

type Card = { name: string; story: StorySummary };

/** Every story's card, and the sample when asked for. */
function cardsOf(stories: StorySummary[], sample: boolean): Card[] {
  const cards: Card[] = stories.map((story) => ({ name: story.slug, story }));
  if (sample && stories[0]) {
    cards.push({
      name: 'sample-long-mixed-headline',
      story: {
        ...stories[0],
        slug: 'sample-long-mixed-headline',
        headline:
          '“평화 (peace) is possible,” says Kim as 남북정상회담 talks in Panmunjom stretch into a third day of negotiations over sanctions relief, family reunions and the 개성공단 🤝 industrial zone',
      },
    });
  }
  return cards;
}

/** Renders each card into `outDir`, printing its time and size; returns the times in ms, in order. */
async function renderCards(cards: Card[], outDir: string): Promise<number[]> {
  const times: number[] = [];
  for (const { name, story } of cards) {
    const start = performance.now();
    const png = Buffer.from(await (await renderStoryCard(story)).arrayBuffer());
    const ms = performance.now() - start;
    times.push(ms);
    await writeFile(path.join(outDir, `${name}.png`), png);
    console.log(`${name}: ${ms.toFixed(0)} ms, ${(png.length / 1024).toFixed(0)} KiB`);
  }
  return times;
}

async function main() {
  const args = process.argv.slice(2);
  const outDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? '.og-cards');
  await mkdir(outDir, { recursive: true });
  const { stories } = await getContent();
  const times = await renderCards(cardsOf(stories, args.includes('--sample')), outDir);
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `${times.length} card(s): first ${times[0]?.toFixed(0)} ms (cold), median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms → ${outDir}`,
  );
}

await main();
