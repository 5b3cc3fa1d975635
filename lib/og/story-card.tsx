/**
 * The story's Open Graph card, 1200×630: section kicker, headline, byline and KST date, the publication's
 * name, beside the lead photo cropped to fit. It builds the element and options only; the card route renders
 * them with @vercel/og's ImageResponse, scripts and tests with lib/og/render-in-node.ts.
 */
import type { ImageResponse } from '@vercel/og';
import type { CSSProperties, ReactElement } from 'react';
import { isLive, type StorySummary } from '@/lib/content';
import { photoBytes } from '@/lib/content/serving/photos';
import { cropToFill } from '@/lib/images/focal-point';
import { site } from '@/lib/site';
import { formatKstDate } from '@/lib/time';
import { clearCardFontCuts, coverText, loadCardFonts, SANS, SERIF, type CardFonts } from './fonts';

export const CARD_SIZE = { width: 1200, height: 630 } as const;

const PHOTO_WIDTH = 440;
const ACCENT_BAR = 14;
const PADDING = { top: 48, right: 52, bottom: 40, left: 56 };
const HEADLINE_WIDTH = CARD_SIZE.width - PHOTO_WIDTH - ACCENT_BAR - PADDING.left - PADDING.right;
/** What is left for the headline once kicker, byline and wordmark have their rows. */
const HEADLINE_HEIGHT = 360;
export const HEADLINE_BOX = { width: HEADLINE_WIDTH, height: HEADLINE_HEIGHT } as const;
export const HEADLINE_LINE_HEIGHT = 1.12;
/** Largest first: the headline takes the first size at which it fits. */
const HEADLINE_SIZES = [80, 72, 66, 60, 54, 48, 44, 40, 36] as const;

const COLORS = { paper: '#faf8f4', ink: '#16181b', muted: '#50565e', accent: '#a3161b', rule: '#d6d9dd' };

const joinNames = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** The card's words, as drawn. */
export function storyCardText(story: StorySummary) {
  return {
    // Upper-cased here, not with CSS: the fonts are cut to exactly these characters.
    kicker: story.section.name.toUpperCase(),
    headline: story.headline,
    meta: `By ${joinNames(story.authors.map((a) => a.name))} · ${formatKstDate(story.postedAt)}`,
    publication: site.name,
    // Live coverage while it is live: a badge beside the kicker (empty: none).
    badge: isLive(story) ? 'LIVE' : '',
  };
}

/** The og:image alt text: what every story's card shows. */
export const CARD_ALT = `${site.name} story card: the story's headline in large type, its section above, byline and date below, beside the lead photo.`;

export interface HeadlineFit {
  fontSize: number;
  lines: number;
  /** Set only when even the smallest size needs more lines than fit: Satori then ends with an ellipsis. */
  lineClamp?: number;
}

/** The largest headline size whose wrapped lines fit the box, by measuring the words in the card's fonts. */
export function fitHeadline(
  headline: string,
  fonts: Pick<CardFonts, 'measure'>,
  box: { width: number; height: number } = HEADLINE_BOX,
): HeadlineFit {
  // A little slack for rounding and Satori's own line breaking.
  const width = box.width * 0.97;
  const words = headline.split(/\s+/).filter(Boolean);
  const countLines = (size: number) => {
    const space = fonts.measure(' ', SERIF, 700, size);
    let lines = 0;
    let used = 0;
    for (const word of words) {
      const w = fonts.measure(word, SERIF, 700, size);
      if (lines > 0 && used + space + w <= width) {
        used += space + w;
      } else if (w <= width) {
        lines += 1;
        used = w;
      } else {
        // A word wider than the box is broken (wordBreak: break-word) over as many lines as it needs.
        lines += Math.ceil(w / width);
        used = w % width;
      }
    }
    return lines;
  };
  for (const fontSize of HEADLINE_SIZES) {
    const lines = countLines(fontSize);
    if (lines * fontSize * HEADLINE_LINE_HEIGHT <= box.height) return { fontSize, lines };
  }
  const fontSize = HEADLINE_SIZES[HEADLINE_SIZES.length - 1]!;
  const fitting = Math.floor(box.height / (fontSize * HEADLINE_LINE_HEIGHT));
  return { fontSize, lines: fitting, lineClamp: fitting };
}

/** Crops already made, by file, modification time and focal point: the photo is decoded and resized once per process. */
const photoCrops = new Map<string, Promise<string>>();
const MAX_CACHED_CROPS = 300;

/** Forgets the cropped photos and font cuts: the next card is drawn as if never drawn before (benchmarks). */
export function clearCardCaches(): void {
  photoCrops.clear();
  clearCardFontCuts();
}

/** The lead photo, cropped around its focal point to the card's photo panel, as a data URL. */
function photoDataUrl(photo: Pick<StorySummary['leadPhoto'], 'src' | 'sha256' | 'focalPoint'>): Promise<string> {
  const focal = photo.focalPoint ? `${photo.focalPoint.x},${photo.focalPoint.y}` : 'centre';
  // By content: a photo replaced under the same name is cropped again.
  const key = `${photo.sha256}\0${focal}`;
  let crop = photoCrops.get(key);
  if (!crop) {
    crop = photoBytes(photo)
      .then(async (data) =>
        (await cropToFill(data, { width: PHOTO_WIDTH, height: CARD_SIZE.height }, photo.focalPoint))
          .jpeg({ quality: 82 })
          .toBuffer(),
      )
      .then((jpeg) => `data:image/jpeg;base64,${jpeg.toString('base64')}`);
    crop.catch(() => photoCrops.delete(key));
    photoCrops.set(key, crop);
    // About 40 KB each: keep the most recent few hundred.
    if (photoCrops.size > MAX_CACHED_CROPS) photoCrops.delete(photoCrops.keys().next().value!);
  }
  return crop;
}

export interface StoryCard {
  element: ReactElement;
  options: NonNullable<ConstructorParameters<typeof ImageResponse>[1]>;
}

/** The card's layout: its styles, from the constants above. */
const STYLES = {
  card: { display: 'flex', width: '100%', height: '100%', background: COLORS.paper, color: COLORS.ink },
  text: {
    display: 'flex',
    flexDirection: 'column',
    width: CARD_SIZE.width - PHOTO_WIDTH,
    height: '100%',
    borderLeft: `${ACCENT_BAR}px solid ${COLORS.accent}`,
    padding: `${PADDING.top}px ${PADDING.right}px ${PADDING.bottom}px ${PADDING.left}px`,
  },
  kicker: {
    display: 'flex',
    height: 34,
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 24,
    letterSpacing: 2,
    color: COLORS.accent,
  },
  badge: {
    display: 'flex',
    alignItems: 'center',
    marginRight: 16,
    padding: '0 12px',
    background: COLORS.accent,
    color: COLORS.paper,
    letterSpacing: 3,
  },
  headlineBox: {
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    height: HEADLINE_HEIGHT,
    marginTop: 18,
  },
  meta: {
    display: 'block',
    marginTop: 18,
    fontFamily: SANS,
    fontWeight: 400,
    fontSize: 26,
    color: COLORS.muted,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  publication: {
    display: 'flex',
    alignItems: 'center',
    marginTop: 'auto',
    paddingTop: 16,
    borderTop: `2px solid ${COLORS.rule}`,
    fontFamily: SERIF,
    fontWeight: 700,
    fontSize: 34,
  },
} satisfies Record<string, CSSProperties>;

const headlineStyle = (fit: HeadlineFit): CSSProperties => ({
  display: 'block',
  width: HEADLINE_WIDTH,
  fontFamily: SERIF,
  fontWeight: 700,
  fontSize: fit.fontSize,
  lineHeight: HEADLINE_LINE_HEIGHT,
  wordBreak: 'break-word',
  ...(fit.lineClamp ? { lineClamp: fit.lineClamp } : {}),
});

type CardText = Record<keyof ReturnType<typeof storyCardText>, string>;

/** The card's words with every character a bundled font draws: others would make Satori fetch a font. */
async function coveredCardText(story: StorySummary): Promise<CardText> {
  const raw = storyCardText(story);
  const covered = await Promise.all(Object.values(raw).map((t) => coverText(t)));
  const missing = covered.flatMap((c) => c.missing);
  if (missing.length > 0) {
    console.warn(
      `Story card for "${story.slug}": no bundled font has ${missing.map((m) => JSON.stringify(m)).join(', ')}; drawn as □`,
    );
  }
  const keys = Object.keys(raw) as (keyof CardText)[];
  return Object.fromEntries(keys.map((key, i) => [key, covered[i]!.text])) as CardText;
}

/** The text column (kicker, headline, byline and date, wordmark) beside the cropped photo. */
function cardElement(text: CardText, fit: HeadlineFit, photo: string): ReactElement {
  return (
    <div style={STYLES.card}>
      <div style={STYLES.text}>
        <div style={STYLES.kicker}>
          {text.badge ? <div style={STYLES.badge}>{text.badge}</div> : null}
          {text.kicker}
        </div>
        <div style={STYLES.headlineBox}>
          <div style={headlineStyle(fit)}>{text.headline}</div>
        </div>
        <div style={STYLES.meta}>{text.meta}</div>
        <div style={STYLES.publication}>{text.publication}</div>
      </div>
      {/* eslint-disable-next-line @next/next/no-img-element -- Satori draws <img>, not next/image */}
      <img src={photo} width={PHOTO_WIDTH} height={CARD_SIZE.height} alt="" style={{ objectFit: 'cover' }} />
    </div>
  );
}

/** The story's card as an element and ImageResponse options (size and the fonts it needs). */
export async function storyCard(story: StorySummary): Promise<StoryCard> {
  const text = await coveredCardText(story);
  const [fonts, photo] = await Promise.all([
    loadCardFonts(Object.values(text).join('')),
    photoDataUrl(story.leadPhoto),
  ]);
  return {
    element: cardElement(text, fitHeadline(text.headline, fonts), photo),
    options: { ...CARD_SIZE, fonts: fonts.fonts },
  };
}
