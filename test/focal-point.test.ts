/**
 * Focal points: every crop keeps the photo's focal point in view. Checked on pixels: the seed's stand-in
 * photo has a yellow label at x 480–1480, y 220–340 of 2400×1600, and the story's focal point is on it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { getStory, type Story } from '@/lib/content';
import { focalRegion, objectPosition } from '@/lib/images/focal-point';
import { renderStoryCard } from '@/lib/og/render-in-node';
import { cropPhoto, PHOTO_CROPS } from '@/lib/seo/photo-crops';

const LABEL = { left: 480, right: 1480, top: 220, bottom: 340 };

/** Yellow pixels (the label) in a region of a PNG or JPEG. */
async function yellowPixels(
  image: Buffer,
  region?: { left: number; top: number; width: number; height: number },
): Promise<number> {
  const { data, info } = await (region ? sharp(image).extract(region) : sharp(image))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let count = 0;
  for (let i = 0; i < data.length; i += info.channels)
    if (data[i]! > 200 && data[i + 1]! > 160 && data[i + 2]! < 120) count++;
  return count;
}

async function seed(): Promise<Story> {
  const story = await getStory('putin-heads-to-pyongyang');
  assert.ok(story);
  return story;
}

test('the region is centred on the focal point and stops at the edges', () => {
  const source = { width: 2400, height: 1600 };
  const panel = { width: 440, height: 630 };
  assert.deepEqual(focalRegion(source, panel), { left: 642, top: 0, width: 1117, height: 1600 });
  assert.deepEqual(focalRegion(source, panel, { x: 0.41, y: 0.18 }), { left: 425, top: 0, width: 1117, height: 1600 });
  assert.deepEqual(focalRegion(source, panel, { x: 0, y: 0 }), { left: 0, top: 0, width: 1117, height: 1600 });
  assert.deepEqual(focalRegion(source, panel, { x: 1, y: 1 }), { left: 1283, top: 0, width: 1117, height: 1600 });
  assert.deepEqual(focalRegion(source, { width: 1200, height: 675 }, { x: 0.5, y: 0 }), {
    left: 0,
    top: 0,
    width: 2400,
    height: 1350,
  });
  assert.equal(objectPosition({ x: 0.15, y: 0.5 }), '15% 50%');
  assert.equal(objectPosition(), '50% 50%');
});

test("the focal point moves the social card's crop: the seed's card shows the whole label", async () => {
  const story = await seed();
  assert.deepEqual(story.leadPhoto.focalPoint, { x: 0.41, y: 0.18 });
  const card = async (focalPoint?: { x: number; y: number }) =>
    Buffer.from(
      await (await renderStoryCard({ ...story, leadPhoto: { ...story.leadPhoto, focalPoint } })).arrayBuffer(),
    );
  // The photo panel is the card's right 440 px.
  const panel = { left: 760, top: 0, width: 440, height: 630 };
  // The label's yellow (its lettering aside) in the photo, scaled as the card scales the photo.
  const photo = await sharp(`public${story.leadPhoto.src}`).toBuffer();
  const wholeLabel =
    (await yellowPixels(photo, {
      left: LABEL.left,
      top: LABEL.top,
      width: LABEL.right - LABEL.left,
      height: LABEL.bottom - LABEL.top,
    })) *
    (630 / 1600) ** 2;
  const [focused, centred, right] = await Promise.all([
    card(story.leadPhoto.focalPoint),
    card(undefined),
    card({ x: 1, y: 0.5 }),
  ]);
  const [onLabel, onCentre, onRight] = (await Promise.all(
    [focused, centred, right].map((png) => yellowPixels(png, panel)),
  )) as [number, number, number];
  assert.ok(
    onLabel > wholeLabel * 0.9,
    `the focal crop shows the whole label (${onLabel} of ${Math.round(wholeLabel)} px)`,
  );
  assert.ok(onCentre < wholeLabel * 0.8, `a centred crop cuts the label off (${onCentre} px)`);
  assert.ok(onRight < onCentre, `a crop at the right edge shows even less of it (${onRight} px)`);
});

test('the structured-data crops honour the focal point', async () => {
  const story = await seed();
  const at = (focalPoint: { x: number; y: number } | undefined) => ({ ...story.leadPhoto, focalPoint });
  // 1:1 takes the full height: at the right edge the label is cut off; the story's own focal point keeps all of it.
  const square = await cropPhoto(at({ x: 0, y: 0.5 }), '1x1');
  assert.deepEqual(
    await sharp(square)
      .metadata()
      .then((m) => [m.width, m.height]),
    [PHOTO_CROPS['1x1'].width, PHOTO_CROPS['1x1'].height],
  );
  const left = await yellowPixels(square);
  const right = await yellowPixels(await cropPhoto(at({ x: 1, y: 0.5 }), '1x1'));
  const own = await yellowPixels(await cropPhoto(story.leadPhoto, '1x1'));
  assert.ok(right < left * 0.8, `left ${left}, right ${right}`);
  assert.ok(own >= left * 0.98, `own ${own}, left ${left}`);
});
