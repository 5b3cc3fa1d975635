import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createElement } from 'react';
import { ImageResponse } from 'next/og';
import sharp from 'sharp';
import { getStory, type Story } from '@/lib/content';
import { coverText, loadCardFonts } from '@/lib/og/fonts';
import { renderStoryCard } from '@/lib/og/render-in-node';
import { CARD_SIZE, fitHeadline, HEADLINE_BOX, HEADLINE_LINE_HEIGHT } from '@/lib/og/story-card';

// The network is made to fail, and every attempt and every font error Satori logs is recorded:
// a card must draw every glyph from the bundled fonts.
const fetched: string[] = [];
const errors: string[] = [];
const realFetch = globalThis.fetch;
const realError = console.error;
before(() => {
  globalThis.fetch = async (input: string | URL | Request) => {
    fetched.push(String(input instanceof Request ? input.url : input));
    throw new TypeError('network disabled in this test');
  };
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
  };
});
after(() => {
  globalThis.fetch = realFetch;
  console.error = realError;
});

const MIXED =
  '“평화 (peace) is possible,” says Kim as 남북정상회담 talks in Panmunjom stretch into a third day of negotiations over sanctions relief, family reunions and the 개성공단 🤝 industrial zone';

async function seed(): Promise<Story> {
  const story = await getStory('putin-heads-to-pyongyang');
  assert.ok(story, 'the seed story is published');
  return story;
}

async function png(response: Response) {
  assert.equal(response.headers.get('content-type'), 'image/png');
  const buffer = Buffer.from(await response.arrayBuffer());
  const meta = await sharp(buffer).metadata();
  const stats = await sharp(buffer).stats();
  return { buffer, meta, stats };
}

test('a network hook sees Satori reach for a font it was not given (control)', async () => {
  const before = fetched.length;
  const latin = await readFile(
    path.join(process.cwd(), 'node_modules/@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf'),
  );
  const response = new ImageResponse(createElement('div', { style: { display: 'flex', fontSize: 40 } }, '한국어'), {
    width: 200,
    height: 100,
    fonts: [{ name: 'Latin', data: latin, weight: 700, style: 'normal' }],
  });
  await response.arrayBuffer();
  assert.ok(fetched.length > before, 'Korean with only a Latin font makes Satori try the network');
  assert.ok(errors.some((e) => e.includes('Failed to load dynamic font')));
  fetched.length = 0;
  errors.length = 0;
});

test('the seed card is a 1200×630 PNG with something drawn on it, made offline', async () => {
  const { meta, stats } = await png(await renderStoryCard(await seed()));
  assert.equal(meta.width, CARD_SIZE.width);
  assert.equal(meta.height, CARD_SIZE.height);
  assert.ok(
    stats.channels.slice(0, 3).every((c) => c.stdev > 20),
    'not a blank image',
  );
  assert.deepEqual(fetched, []);
  assert.deepEqual(
    errors.filter((e) => e.includes('dynamic font')),
    [],
  );
});

test('a long headline mixing Korean, Latin and an emoji renders without fetching any font or emoji', async () => {
  const story = { ...(await seed()), headline: MIXED };
  const { meta, stats } = await png(await renderStoryCard(story));
  assert.equal(meta.width, 1200);
  assert.equal(meta.height, 630);
  assert.ok(stats.channels[0]!.stdev > 20);
  assert.deepEqual(fetched, [], 'no network access');
  assert.deepEqual(errors, [], 'nothing logged, in particular no "Failed to load dynamic font"');
});

test('characters no bundled font has are replaced, so they cannot trigger a fetch either', async () => {
  assert.deepEqual(await coverText('Talks in سلام 한국'), {
    text: 'Talks in □□□□ 한국',
    missing: ['س', 'ل', 'ا', 'م'],
  });
  const story = { ...(await seed()), headline: 'Envoys say سلام in Seoul' };
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    await (await renderStoryCard(story)).arrayBuffer();
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(fetched, []);
  assert.match(warnings.join('\n'), /no bundled font has "س"/);
});

test('headlines step down in size as they grow, and always fit the headline box', async () => {
  const short = 'Putin heads to Pyongyang';
  const long = MIXED;
  const longest = `${MIXED} ${MIXED} ${MIXED}`;
  const fonts = await loadCardFonts(`${short}${longest}`);
  const fits = [short, long, longest].map((h) => fitHeadline(h, fonts));
  assert.ok(fits[0]!.fontSize > fits[1]!.fontSize, `${fits[0]!.fontSize} > ${fits[1]!.fontSize}`);
  assert.ok(fits[1]!.fontSize >= fits[2]!.fontSize);
  for (const fit of fits)
    assert.ok(
      fit.lines * fit.fontSize * HEADLINE_LINE_HEIGHT <= HEADLINE_BOX.height,
      `${fit.lines} lines at ${fit.fontSize}px fit`,
    );
  assert.equal(fits[1]!.lineClamp, undefined, 'a long headline still fits whole');
  assert.ok(fits[2]!.lineClamp, 'an absurdly long one is clamped with an ellipsis rather than overflowing');
});

test('a word wider than the box counts the lines it breaks into', async () => {
  const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(2);
  const fonts = await loadCardFonts(word);
  const fit = fitHeadline(word, fonts);
  assert.ok(fonts.measure(word, 'Source Serif 4', 700, fit.fontSize) <= fit.lines * HEADLINE_BOX.width);
});

test('cards are cut from cached fonts and a cached photo crop: the same card again is byte-identical, another headline is not', async () => {
  const story = await seed();
  const first = Buffer.from(await (await renderStoryCard(story)).arrayBuffer());
  const again = Buffer.from(await (await renderStoryCard(story)).arrayBuffer());
  assert.ok(first.equals(again), 'the cached fonts and crop draw the same card');
  const other = Buffer.from(
    await (await renderStoryCard({ ...story, headline: 'Kim visits Moscow for talks' })).arrayBuffer(),
  );
  assert.ok(!first.equals(other), 'a different headline is not served from the cache');
});

test('Latin-only text, cut from the small common copy, measures exactly as when cut from the full font', async () => {
  const words = 'Putin heads to Pyongyang — “military ties”';
  const common = await loadCardFonts(words);
  // A Korean character sends the cut to the full files.
  const full = await loadCardFonts(`${words} 평`);
  for (const size of [80, 36])
    assert.equal(common.measure(words, 'Source Serif 4', 700, size), full.measure(words, 'Source Serif 4', 700, size));
  assert.equal(common.measure(words, 'Noto Sans KR', 400, 26), full.measure(words, 'Noto Sans KR', 400, 26));
});

test("a live story's card draws its LIVE badge from the bundled fonts, and an ended one's does not", async () => {
  const story = { ...(await seed()), live: { startedAt: '2024-06-18T08:25:00+09:00' } };
  const live = await png(await renderStoryCard(story));
  const ended = await png(
    await renderStoryCard({ ...story, live: { ...story.live, endedAt: '2024-06-18T20:00:00+09:00' } }),
  );
  const plain = await png(await renderStoryCard(await seed()));
  assert.equal(live.meta.width, CARD_SIZE.width);
  assert.ok(!live.buffer.equals(plain.buffer), 'the badge is drawn');
  assert.ok(ended.buffer.equals(plain.buffer), 'ended coverage: the plain card');
  assert.deepEqual(fetched, [], 'no network access');
  assert.deepEqual(errors, [], 'no "Failed to load dynamic font"');
});
