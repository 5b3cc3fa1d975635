/**
 * A synthetic archive: a copy of the project (test/support/temp-project.ts) whose content is the seed story
 * plus N generated stories varied like a real archive — eight sections, about sixty tags, two dozen authors,
 * ten years of dates, headlines and bodies composed from word lists — so that listings, pagination, related
 * stories and search are exercised for real. A seeded PRNG makes every run with the same options identical.
 * Used by `npm run synthetic-archive`, the archive e2e site (e2e/support/archive-site.ts) and the benchmark.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import seedStory from '@/content/stories/2024/06/putin-heads-to-pyongyang';
import type { AuthorInput, SectionInput, StoryInput, TagInput } from '@/content/schema';
import { storyFilePath } from '@/lib/content/model/validate';
import { createTempProject, type TempProject } from './temp-project';

/** mulberry32: small, fast and good enough to vary text; the same seed gives the same archive. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const pickSome = <T>(random: Random, list: readonly T[], count: number): T[] => {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return out;
};
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const slugOf = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

interface SectionTopic {
  section: SectionInput;
  tags: string[];
  subjects: string[];
  verbs: string[];
  objects: string[];
  places: string[];
}

const TOPICS: SectionTopic[] = [
  {
    section: {
      id: 'north-korea',
      name: 'North Korea',
      description: 'News and analysis on North Korea, its leadership and its relations with the world.',
    },
    tags: [
      'north-korea',
      'kim-jong-un',
      'missiles',
      'sanctions',
      'russia',
      'vladimir-putin',
      'defectors',
      'inter-korean-relations',
    ],
    subjects: [
      'Pyongyang',
      'Kim Jong-un',
      'North Korean state media',
      "The Korean People's Army",
      "The North's foreign ministry",
      'Defectors',
    ],
    verbs: ['test-fires', 'warns of', 'rejects', 'unveils', 'condemns', 'hints at', 'stages'],
    objects: [
      'a new ballistic missile',
      'joint military drills',
      'fresh sanctions',
      'talks with Washington',
      'a satellite launch',
      'an arms deal with Moscow',
      'border guard posts',
    ],
    places: ['Pyongyang', 'Sinuiju', 'Wonsan', 'the demilitarized zone', 'Kaesong'],
  },
  {
    section: {
      id: 'politics',
      name: 'Politics',
      description: 'The presidency, the National Assembly, the parties and the elections of South Korea.',
    },
    tags: [
      'national-assembly',
      'presidential-office',
      'elections',
      'democratic-party',
      'people-power-party',
      'constitutional-court',
      'diplomacy',
    ],
    subjects: [
      'The presidential office',
      'Lawmakers',
      'The ruling party',
      'The main opposition',
      'The Constitutional Court',
      'The prime minister',
    ],
    verbs: ['pushes', 'blocks', 'debates', 'backs', 'delays', 'reviews', 'proposes'],
    objects: [
      'a special counsel bill',
      'electoral reform',
      'the budget plan',
      'a cabinet reshuffle',
      'a probe into spending',
      'a new ambassador to Tokyo',
      'tax cuts',
    ],
    places: ['Seoul', 'Yeouido', 'Sejong', 'Gwacheon'],
  },
  {
    section: {
      id: 'economy',
      name: 'Economy',
      description: 'Markets, trade, industry and the economic policy of South Korea.',
    },
    tags: ['semiconductors', 'exports', 'bank-of-korea', 'won', 'housing', 'shipbuilding', 'batteries', 'stock-market'],
    subjects: [
      'Samsung Electronics',
      'The Bank of Korea',
      'SK hynix',
      'Hyundai Motor',
      'The finance ministry',
      'Exporters',
      'The KOSPI',
    ],
    verbs: ['raises', 'cuts', 'expands', 'forecasts', 'freezes', 'invests in', 'reports'],
    objects: [
      'interest rates',
      'chip output',
      'battery plants',
      'its growth outlook',
      'record quarterly profit',
      'shipbuilding orders',
      'housing loans',
    ],
    places: ['Seoul', 'Pyeongtaek', 'Ulsan', 'Icheon', 'Geoje', 'Busan'],
  },
  {
    section: {
      id: 'society',
      name: 'Society',
      description: 'Education, health, labour, welfare and life in South Korea.',
    },
    tags: ['education', 'health', 'labour', 'birth-rate', 'housing', 'ageing', 'weather'],
    subjects: ['Hospitals', 'Teachers', 'The labour ministry', 'Seoul city', 'Parents', 'Trainee doctors', 'Unions'],
    verbs: ['protest', 'welcome', 'call for', 'brace for', 'struggle with', 'adopt', 'oppose'],
    objects: [
      'longer school hours',
      'a four-day week',
      'childcare subsidies',
      'a heatwave',
      'medical school quotas',
      'rent controls',
      'a minimum wage rise',
    ],
    places: ['Seoul', 'Daegu', 'Gwangju', 'Incheon', 'Daejeon', 'Suwon'],
  },
  {
    section: { id: 'world', name: 'World', description: 'Korea and the world: diplomacy, trade and the region.' },
    tags: ['united-states', 'china', 'japan', 'diplomacy', 'trade', 'russia', 'war-in-ukraine'],
    subjects: ['Washington', 'Beijing', 'Tokyo', 'The foreign ministry', 'Seoul and Tokyo', 'Envoys', 'The G20'],
    verbs: ['agree on', 'clash over', 'resume', 'sign', 'discuss', 'extend', 'review'],
    objects: [
      'a trade pact',
      'export controls',
      'a summit date',
      'supply chain talks',
      'a defence cost deal',
      'visa rules',
      'sanctions on Moscow',
    ],
    places: ['Washington', 'Beijing', 'Tokyo', 'Brussels', 'Jakarta', 'Geneva'],
  },
  {
    section: { id: 'culture', name: 'Culture', description: 'Film, music, books, food and heritage.' },
    tags: ['k-pop', 'film', 'television', 'books', 'food', 'heritage', 'tourism'],
    subjects: [
      'A Busan festival',
      'Hybe',
      'A Seoul museum',
      'Korean cinema',
      'A new novel',
      'Temple stays',
      'Street food vendors',
    ],
    verbs: ['celebrates', 'premieres', 'revives', 'draws', 'honours', 'rediscovers', 'tours'],
    objects: [
      'record crowds',
      'a world tour',
      'Joseon-era paintings',
      'a festival lineup',
      'an award-winning director',
      'kimchi traditions',
      'a palace exhibition',
    ],
    places: ['Busan', 'Jeonju', 'Gyeongju', 'Seoul', 'Andong', 'Jeju'],
  },
  {
    section: {
      id: 'sports',
      name: 'Sports',
      description: 'Football, baseball, the Olympics and Korean athletes around the world.',
    },
    tags: ['football', 'baseball', 'olympics', 'golf', 'esports', 'archery'],
    subjects: [
      'The national team',
      'Son Heung-min',
      'KBO champions',
      'Korean archers',
      'An esports team',
      'LPGA players',
      'The football association',
    ],
    verbs: ['beats', 'signs', 'wins', 'loses to', 'names', 'qualifies for', 'sweeps'],
    objects: [
      'a World Cup qualifier',
      'a new head coach',
      'the Asian Games final',
      'Olympic gold',
      'a world title',
      'the Korean Series',
      'a record contract',
    ],
    places: ['Seoul', 'Incheon', 'Doha', 'Paris', 'Gwangju', 'Jamsil'],
  },
  {
    section: {
      id: 'science-tech',
      name: 'Science and Technology',
      description: 'Research, space, artificial intelligence and the tech industry.',
    },
    tags: ['artificial-intelligence', 'space', 'semiconductors', 'telecoms', 'climate', 'biotech'],
    subjects: [
      'KAIST researchers',
      'Naver',
      'The space agency',
      'Kakao',
      'A Daejeon lab',
      'Telecom carriers',
      'Biotech start-ups',
    ],
    verbs: ['launch', 'develop', 'test', 'roll out', 'patent', 'announce', 'pilot'],
    objects: [
      'a lunar orbiter',
      'a Korean language model',
      '6G networks',
      'solid-state batteries',
      'a fusion record',
      'cancer screening tools',
      'a climate satellite',
    ],
    places: ['Daejeon', 'Goheung', 'Pangyo', 'Seoul', 'Pohang'],
  },
];

const GENERAL_TAGS = ['seoul', 'busan', 'jeju', 'analysis-of-the-week', 'interview', 'data'];

const SURNAMES = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh'];
const GIVEN = [
  'Min-ji',
  'Ji-hoon',
  'Seo-yeon',
  'Hyun-woo',
  'Soo-jin',
  'Dong-hyun',
  'Ye-jin',
  'Jae-won',
  'Ha-eun',
  'Sung-min',
  'Eun-ji',
  'Tae-yang',
];
const ROLES = ['Reporter', 'Senior reporter', 'Correspondent', 'Editor', 'Staff writer'];

const FILLER = {
  openers: [
    'Officials said',
    'Analysts noted',
    'According to people familiar with the matter,',
    'Data released on Monday showed',
    'In a statement,',
    'Critics argued',
    'Supporters countered that',
    'Local media reported',
  ],
  clauses: [
    'the decision reflected months of negotiation behind closed doors',
    'the move could reshape the debate ahead of the next election',
    'costs had risen faster than expected over the past year',
    'the plan would take effect early next year if approved',
    'similar measures had failed twice in the previous decade',
    'public opinion remained sharply divided on the issue',
    'the timing was no coincidence given recent tensions',
    'small businesses would feel the change first',
    'the figures were the highest since records began',
    'regional governments had asked for more time to prepare',
    'investors reacted cautiously in early trading',
    'the agreement left several questions unanswered',
    'younger residents were most likely to support the idea',
    'the ministry would publish detailed guidelines within weeks',
    'experts warned that the effects might take years to show',
  ],
  closers: [
    'The debate is expected to continue.',
    'Further talks are scheduled for next month.',
    'No date has been set for a final decision.',
    'The ministry declined to comment further.',
    'Results are due by the end of the quarter.',
  ],
  institutions: [
    'Korea University',
    'Seoul National University',
    'the Korea Development Institute',
    'Yonsei University',
    'the Asan Institute',
    'Sejong Institute',
    'Hyundai Research Institute',
  ],
  experts: ['professor', 'senior fellow', 'economist', 'researcher', 'analyst'],
  kickers: ['Analysis', 'Interview', 'Explainer', 'Exclusive', 'Opinion'],
  figures: [
    (r: Random) => `up ${between(r, 2, 19)}.${between(r, 0, 9)} percent from a year earlier`,
    (r: Random) => `according to ${between(r, 3, 90)} officials briefed on the plan`,
    (r: Random) => `at a cost of ${between(r, 12, 980)} billion won`,
    (r: Random) =>
      `the ${['first', 'second', 'third', 'largest', 'latest'][between(r, 0, 4)]} such move since ${between(r, 1998, 2014)}`,
    (r: Random) => `drawing about ${between(r, 2, 60)},000 people`,
  ],
};

export interface PhotoSpec {
  file: string;
  /** Where the subject is, as a fraction of width and height: off-centre ones get a focal point. */
  focus: { x: number; y: number };
  hue: string;
}

/** A small set of stand-in photos, 1600×1000, each with a labelled subject somewhere in the frame. */
export const SYNTHETIC_PHOTOS: PhotoSpec[] = [
  { file: 'synthetic-1.jpg', focus: { x: 0.5, y: 0.5 }, hue: '#2f4f6f' },
  { file: 'synthetic-2.jpg', focus: { x: 0.15, y: 0.5 }, hue: '#6f2f3f' },
  { file: 'synthetic-3.jpg', focus: { x: 0.85, y: 0.3 }, hue: '#2f6f4f' },
  { file: 'synthetic-4.jpg', focus: { x: 0.5, y: 0.15 }, hue: '#5f4f2f' },
  { file: 'synthetic-5.jpg', focus: { x: 0.25, y: 0.8 }, hue: '#3f2f6f' },
  { file: 'synthetic-6.jpg', focus: { x: 0.5, y: 0.5 }, hue: '#2f5f6f' },
];
const PHOTO_SIZE = { width: 1600, height: 1000 };
export const SYNTHETIC_PHOTO_DIR = 'public/images/stories/synthetic';

const isCentred = (p: PhotoSpec) => p.focus.x === 0.5 && p.focus.y === 0.5;

async function drawPhoto(spec: PhotoSpec, index: number): Promise<Buffer> {
  const { width, height } = PHOTO_SIZE;
  const cx = spec.focus.x * width;
  const cy = spec.focus.y * height;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="${spec.hue}"/>
  <circle cx="${cx}" cy="${cy}" r="150" fill="#f2c14e"/>
  <text x="${cx}" y="${cy + 22}" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="64" fill="#1d242c">${index + 1}</text>
  <text x="40" y="${height - 40}" font-family="DejaVu Sans, sans-serif" font-size="36" fill="#e8ecf0">Synthetic stand-in photo ${index + 1}</text>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
}

export interface SyntheticStory {
  slug: string;
  headline: string;
  section: string;
  tags: string[];
  authors: string[];
  postedAt: string;
  /** Path from the project root. */
  file: string;
  leadPhoto: { src: string; focalPoint?: { x: number; y: number } };
  draft?: true;
  publishAt?: string;
}

export interface SyntheticManifest {
  /** Stories written, the seed included. */
  count: number;
  seed: number;
  /** Every story, newest first (drafts and the scheduled story are marked). */
  stories: SyntheticStory[];
}

/** The stories a production build publishes (no drafts, nothing scheduled after `now`), newest first. */
export const publishedStories = (manifest: SyntheticManifest, now = new Date()) =>
  manifest.stories.filter((s) => !s.draft && !(s.publishAt && Date.parse(s.publishAt) > now.getTime()));

export const MANIFEST_FILE = 'synthetic-archive.json';

/** The ten years the archive spans (KST): July 2015 to June 2025. */
const SPAN = { from: Date.parse('2015-07-01T00:00:00+09:00'), to: Date.parse('2025-06-30T23:59:00+09:00') };

/** An instant as the content writes it: KST with its offset, to the minute. */
export function kstInstant(ms: number): string {
  return `${new Date(ms + 9 * 3_600_000).toISOString().slice(0, 16)}:00+09:00`;
}

const moduleSource = (call: string, data: unknown) =>
  `import { ${call} } from '@/content/schema';\n\nexport default ${call}(${JSON.stringify(data, null, 2)});\n`;

export interface SyntheticOptions {
  /** Stories in the archive, the seed story included (at least 1). */
  stories: number;
  /** PRNG seed; the default gives the archive the tests and benchmarks use. */
  seed?: number;
}

/** The slug of the synthetic story that uses every body block and inline form (tests and the benchmark read it). */
export const EVERY_BLOCK_SLUG = 'every-body-block-synthetic';

/**
 * A synthetic story that uses every body block and every inline form once or more: the page the block tests
 * and the benchmark render. Words about the site itself, not news.
 */
export function everyBlockStory({ author, linked }: { author: string; linked: string }): StoryInput {
  const photo = SYNTHETIC_PHOTOS[2]!;
  const src = `/${SYNTHETIC_PHOTO_DIR.replace(/^public\//, '')}/${photo.file}`;
  return {
    slug: EVERY_BLOCK_SLUG,
    headline: 'Every body block in one synthetic story',
    kicker: 'Explainer',
    summary:
      'A synthetic story that shows every kind of body block and inline text the site can print, for tests and benchmarks.',
    section: 'north-korea',
    tags: ['north-korea', 'russia'],
    authors: [author],
    dateline: { place: 'SEOUL', publication: 'AJU PRESS' },
    postedAt: '2025-06-30T09:00:00+09:00',
    updatedAt: '2025-06-30T09:30:00+09:00',
    leadPhoto: {
      src,
      alt: 'Synthetic stand-in photo 3: a yellow disc on a coloured background.',
      caption: 'A synthetic stand-in photo.',
      credit: 'Aju Press',
      focalPoint: photo.focus,
    },
    body: [
      {
        type: 'paragraph',
        text: `This paragraph has *emphasis*, **strong emphasis** and a link to [an earlier story](/stories/${linked}), to [a section](/sections/north-korea), to [an author](/authors/${author}), to [a tag](/tags/russia) and to [another site](https://example.com/report).`,
      },
      { type: 'subheading', text: 'What the blocks are' },
      {
        type: 'list',
        style: 'bulleted',
        items: ['A bulleted item with *emphasis*.', 'A second item with a [link](/tags/north-korea).'],
      },
      { type: 'list', style: 'numbered', items: ['The first step.', 'The **second** step.', 'The third step.'] },
      {
        type: 'quote',
        text: 'A statement quoted at length, with *its* emphasis kept, given in its place in the story.',
        source: 'A synthetic spokesperson, statement of June 30',
      },
      {
        type: 'paragraph',
        text: 'A paragraph the pull-quote repeats: the figures below are synthetic and mean nothing.',
      },
      {
        type: 'pullQuote',
        text: 'The figures below are synthetic and mean nothing.',
        speaker: 'A synthetic analyst',
        role: 'Researcher, a synthetic institute',
      },
      {
        type: 'table',
        caption: 'Synthetic figures by year, in units',
        header: ['Year', 'First column', 'Second column', 'Third column', 'Fourth column', 'Fifth column'],
        rows: [
          ['2021', '1,204', '3,311', '**12.5%**', '880', '[Source](https://example.com/2021)'],
          ['2022', '1,466', '3,502', '14.1%', '912', '[Source](https://example.com/2022)'],
          ['2023', '1,731', '3,844', '15.8%', '1,045', '[Source](https://example.com/2023)'],
        ],
      },
      {
        type: 'factBox',
        title: 'Key facts',
        items: [
          'Every block appears once or more.',
          'The words are *synthetic*.',
          'Links point at [real pages](/sections/north-korea) of the site.',
        ],
      },
      {
        type: 'timeline',
        title: 'Timeline',
        events: [
          { when: 'June 2024', text: 'The seed story is posted.' },
          { when: 'June 2025', text: 'This synthetic story is *generated*.' },
        ],
      },
      {
        type: 'photo',
        photo: {
          src,
          alt: 'Synthetic stand-in photo 3, again, inside the body.',
          caption: 'A photo inside the body.',
          credit: 'Aju Press',
        },
      },
      { type: 'subheading', text: 'Embeds and story links', id: 'embeds' },
      { type: 'storyLink', slug: linked },
      {
        type: 'embed',
        url: 'https://www.youtube.com/watch?v=M7lc1UVf-VE',
        title: 'A video on YouTube',
        caption: 'A synthetic caption for the video.',
      },
      { type: 'embed', url: 'https://x.com/example/status/1234567890123456789', title: 'A post on X' },
      { type: 'embed', url: 'https://www.instagram.com/p/C0abcdEFGhi/', title: 'A post on Instagram' },
      { type: 'paragraph', text: 'The last paragraph.' },
    ],
  };
}

/** Extra blocks for a generated story, drawn from their own PRNG so the rest of the archive stays as it was. */
function extraBlocks(
  random: Random,
  topic: SectionTopic,
  body: NonNullable<StoryInput['body']>,
  linkable: readonly string[],
) {
  const place = () => pick(random, topic.places);
  // Inline text in about a third of the stories: a link to the section or a tag, emphasis, strong.
  if (random() < 0.35) {
    const first = body[0];
    if (first?.type === 'paragraph') {
      const tag = pick(random, topic.tags);
      const sentence =
        random() < 0.5
          ? ` More in [${topic.section.name}](/sections/${topic.section.id}).`
          : ` See also [the *${tag.replace(/-/g, ' ')}* tag](/tags/${tag}).`;
      body[0] = { ...first, text: `${first.text}${sentence}` };
    }
  }
  if (random() < 0.1)
    body.push({
      type: 'paragraph',
      text: `The figures were **provisional**, according to [the ministry's release](https://example.com/releases/${between(random, 100, 999)}).`,
    });
  if (random() < 0.25 && body.length > 4)
    body.splice(3, 0, { type: 'subheading', text: `What happens next in ${place().replace(/^the /, '')}` });
  if (random() < 0.15)
    body.splice(2, 0, {
      type: 'list',
      style: random() < 0.7 ? 'bulleted' : 'numbered',
      items: pickSome(random, FILLER.clauses, 3)
        .map(capitalise)
        .map((c) => `${c}.`),
    });
  if (random() < 0.1)
    body.push({
      type: 'quote',
      text: `${capitalise(pick(random, FILLER.clauses))}.`,
      source: `${pick(random, topic.subjects)}, in a statement`,
    });
  if (random() < 0.08) {
    const year = between(random, 2016, 2022);
    body.push({
      type: 'table',
      caption: `${pick(random, topic.subjects)}: figures by year`,
      header: ['Year', 'Value', 'Change'],
      rows: [0, 1, 2].map((k) => [
        String(year + k),
        String(between(random, 100, 999)),
        `${between(random, 1, 19)}.${between(random, 0, 9)}%`,
      ]),
    });
  }
  if (random() < 0.08)
    body.push({
      type: 'factBox',
      title: 'Key facts',
      items: pickSome(random, FILLER.clauses, 3)
        .map(capitalise)
        .map((c) => `${c}.`),
    });
  if (random() < 0.05) {
    const year = between(random, 2000, 2014);
    body.push({
      type: 'timeline',
      title: 'Timeline',
      events: [0, 4, 8].map((k) => ({ when: String(year + k), text: `${capitalise(pick(random, FILLER.clauses))}.` })),
    });
  }
  if (random() < 0.1 && linkable.length > 0) body.push({ type: 'storyLink', slug: pick(random, linkable.slice(-50)) });
  if (random() < 0.03) {
    const url = pick(random, [
      'https://www.youtube.com/watch?v=M7lc1UVf-VE',
      'https://x.com/example/status/1234567890123456789',
      'https://www.instagram.com/p/C0abcdEFGhi/',
    ]);
    body.push({ type: 'embed', url, title: `${pick(random, topic.subjects)} in ${place()}` });
  }
}

/** The records: sections, tags, authors and every generated story (the seed not included). */
export function syntheticContent({ stories: total, seed = 20240618 }: SyntheticOptions) {
  const random = prng(seed);
  const sections: SectionInput[] = TOPICS.map((t) => t.section);
  const tagIds = [...new Set([...TOPICS.flatMap((t) => t.tags), ...GENERAL_TAGS])];
  const tagNames: Record<string, string> = {
    'kim-jong-un': 'Kim Jong-un',
    'vladimir-putin': 'Vladimir Putin',
    'k-pop': 'K-pop',
    'bank-of-korea': 'Bank of Korea',
  };
  const tags: TagInput[] = tagIds.map((id) => ({ id, name: tagNames[id] ?? capitalise(id.replace(/-/g, ' ')) }));
  const authorNames = [
    ...new Set(Array.from({ length: 40 }, () => `${pick(random, SURNAMES)} ${pick(random, GIVEN)}`)),
  ].slice(0, 24);
  const authors: AuthorInput[] = authorNames.map((name) => {
    const role = pick(random, ROLES);
    return { id: slugOf(name), name, role, bio: `${name} is a ${role.toLowerCase()} for Aju Press.` };
  });

  // The story with every block counts as one of the stories, when there is room for it.
  const withEveryBlock = total >= 3;
  const count = Math.max(0, total - 1 - (withEveryBlock ? 1 : 0));
  const blocks = prng(seed ^ 0x5eed);
  const linkable: string[] = [];
  const step = (SPAN.to - SPAN.from) / Math.max(1, count);
  const records: { file: string; story: StoryInput }[] = [];
  for (let i = 0; i < count; i++) {
    const topic = pick(random, TOPICS);
    const place = pick(random, topic.places);
    const headline = `${pick(random, topic.subjects)} ${pick(random, topic.verbs)} ${pick(random, topic.objects)}${random() < 0.5 ? ` in ${place}` : ''}`;
    const slug = `${slugOf(headline).split('-').slice(0, 7).join('-')}-${i + 1}`;
    const storyAuthors = pickSome(random, authors, random() < 0.85 ? 1 : 2).map((a) => a.id);
    const storyTags = [
      ...pickSome(random, topic.tags, between(random, 2, 4)),
      ...(random() < 0.2 ? [pick(random, GENERAL_TAGS)] : []),
    ];
    const posted = Math.round(SPAN.from + (i + random()) * step);
    let postedAt = kstInstant(posted);
    let updatedAt = kstInstant(posted + between(random, 0, 600) * 60_000);
    const expert = `${pick(random, SURNAMES)} ${pick(random, GIVEN)}`;
    const institution = pick(random, FILLER.institutions);
    const sentence = () => `${pick(random, FILLER.openers)} ${pick(random, FILLER.clauses)}.`;
    // One sentence a paragraph in the section's own words, with a figure: body text differs by topic.
    const topical = () =>
      `${pick(random, topic.subjects)} ${pick(random, topic.verbs)} ${pick(random, topic.objects)} in ${pick(random, topic.places)}, ${pick(random, FILLER.figures)(random)}.`;
    const paragraphs = Array.from({ length: between(random, 4, 8) }, () => {
      const sentences = Array.from({ length: between(random, 2, 4) }, sentence);
      sentences.splice(between(random, 0, sentences.length), 0, topical());
      return sentences.join(' ');
    });
    const quote = `${capitalise(pick(random, FILLER.clauses))}, and ${pick(random, FILLER.clauses)}`;
    const expertRole = pick(random, FILLER.experts);
    paragraphs.splice(
      1,
      0,
      `"${quote}," said ${expert}, ${/^[aeiou]/.test(expertRole) ? 'an' : 'a'} ${expertRole} at ${institution}.`,
    );
    paragraphs.push(pick(random, FILLER.closers));
    const body: StoryInput['body'] = paragraphs.map((text) => ({ type: 'paragraph' as const, text }));
    if (random() < 0.3)
      body.splice(2, 0, {
        type: 'pullQuote',
        text: quote,
        speaker: expert,
        role: `${capitalise(pick(random, FILLER.experts))}, ${institution}`,
      });
    extraBlocks(blocks, topic, body, linkable);

    const photoIndex = Math.floor(random() * SYNTHETIC_PHOTOS.length);
    const photo = SYNTHETIC_PHOTOS[photoIndex]!;
    // Within the advised lengths, so content:check prints no warning for 10,000 stories.
    const seoTitle = headline.length > 60 ? headline.slice(0, 60).replace(/\s+\S*$/, '') : undefined;
    const summary = `${headline}, as ${pick(random, FILLER.clauses)} and ${pick(random, FILLER.clauses)}.`;
    const story: StoryInput = {
      slug,
      headline,
      ...(seoTitle ? { seoTitle } : {}),
      ...(random() < 0.15 ? { kicker: pick(random, FILLER.kickers) } : {}),
      summary: summary.length <= 250 ? summary : `${headline}.`,
      section: topic.section.id,
      tags: storyTags,
      authors: storyAuthors,
      dateline: { place: place.replace(/^the /, '').toUpperCase(), publication: 'AJU PRESS' },
      postedAt,
      updatedAt,
      leadPhoto: {
        src: `/${SYNTHETIC_PHOTO_DIR.replace(/^public\//, '')}/${photo.file}`,
        alt: `Synthetic stand-in photo ${photoIndex + 1}: a yellow disc on a coloured background.`,
        caption: `${pick(random, topic.subjects)} in ${place}, in a file photo.`,
        credit: pick(random, ['Yonhap', 'Aju Press', 'Newsis', 'AFP']),
        ...(isCentred(photo) ? {} : { focalPoint: photo.focus }),
      },
      body,
      ...(random() < 0.03
        ? { corrections: [{ date: updatedAt, text: 'An earlier version of this story misstated a figure.' }] }
        : {}),
    };
    // A few drafts and one scheduled story, as in a real newsroom: never published, never listed.
    if (i % 250 === 125) story.draft = true;
    if (count >= 100 && i === count - 1) {
      postedAt = updatedAt = '2099-01-01T09:00:00+09:00';
      Object.assign(story, { publishAt: postedAt, postedAt, updatedAt });
    }
    records.push({ file: storyFilePath(slug, story.postedAt), story });
    if (!story.draft && !story.publishAt) linkable.push(slug);
  }
  if (withEveryBlock) {
    const story = everyBlockStory({ author: authors[0]!.id, linked: linkable.at(-1) ?? records[0]!.story.slug });
    records.push({ file: storyFilePath(story.slug, story.postedAt), story });
  }
  return { sections, tags, authors, stories: records };
}

/** Writes the archive's content into an existing project copy, replacing its authors, sections and tags. */
export async function writeSyntheticContent(
  project: Pick<TempProject, 'dir' | 'write'>,
  options: SyntheticOptions,
): Promise<SyntheticManifest> {
  const { sections, tags, authors, stories } = syntheticContent(options);
  // The seed story's own records stay (it is kept as it is), then the synthetic ones.
  const seedAuthors = (await import('@/content/authors')).default;
  const seedTags = (await import('@/content/tags')).default;
  const mergeById = <T extends { id: string }>(first: T[], second: T[]) => [
    ...new Map([...first, ...second].map((r) => [r.id, r])).values(),
  ];
  project.write('content/sections.ts', moduleSource('defineSections', sections));
  project.write('content/tags.ts', moduleSource('defineTags', mergeById(seedTags, tags)));
  project.write('content/authors.ts', moduleSource('defineAuthors', mergeById(seedAuthors, authors)));

  const photos = await Promise.all(SYNTHETIC_PHOTOS.map(drawPhoto));
  SYNTHETIC_PHOTOS.forEach((spec, i) => project.write(`${SYNTHETIC_PHOTO_DIR}/${spec.file}`, photos[i]!));

  // Folders first, then plain writes: 10,000 files in a second or two.
  const made = new Set<string>();
  for (const { file, story } of stories) {
    const folder = path.join(project.dir, path.dirname(file));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(path.join(project.dir, file), moduleSource('defineStory', story));
  }

  const listed: SyntheticStory[] = [
    {
      slug: seedStory.slug,
      headline: seedStory.headline,
      section: seedStory.section,
      tags: seedStory.tags,
      authors: seedStory.authors,
      postedAt: seedStory.postedAt,
      file: storyFilePath(seedStory.slug, seedStory.postedAt),
      leadPhoto: {
        src: seedStory.leadPhoto.src,
        ...(seedStory.leadPhoto.focalPoint ? { focalPoint: seedStory.leadPhoto.focalPoint } : {}),
      },
    },
    ...stories.map(({ file, story }) => ({
      slug: story.slug,
      headline: story.headline,
      section: story.section,
      tags: story.tags,
      authors: story.authors,
      postedAt: story.postedAt,
      file,
      leadPhoto: {
        src: story.leadPhoto.src,
        ...(story.leadPhoto.focalPoint ? { focalPoint: story.leadPhoto.focalPoint } : {}),
      },
      ...(story.draft ? { draft: true as const } : {}),
      ...(story.publishAt ? { publishAt: story.publishAt } : {}),
    })),
  ].sort((a, b) => Date.parse(b.postedAt) - Date.parse(a.postedAt));
  const manifest: SyntheticManifest = { count: listed.length, seed: options.seed ?? 20240618, stories: listed };
  project.write(MANIFEST_FILE, `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/** A complete copy of the project with a synthetic archive, in `out` (new or empty) or a new temporary folder. */
export async function createSyntheticArchive(
  options: SyntheticOptions & { out?: string },
): Promise<{ project: TempProject; manifest: SyntheticManifest }> {
  const project = createTempProject('aju-archive-', options.out ? path.resolve(options.out) : undefined);
  try {
    return { project, manifest: await writeSyntheticContent(project, options) };
  } catch (error) {
    project.remove();
    throw error;
  }
}

/** Adds the story that uses every body block to the site's copy, with the seed story's photo and author. */
export function addEveryBlockStory(project: TempProject) {
  const story = everyBlockStory({ author: seedStory.authors[0]!, linked: seedStory.slug });
  const photo = { src: seedStory.leadPhoto.src, alt: seedStory.leadPhoto.alt };
  story.leadPhoto = { ...story.leadPhoto, ...photo, focalPoint: seedStory.leadPhoto.focalPoint };
  story.body = story.body.map((block) =>
    block.type === 'photo' ? { ...block, photo: { ...block.photo, ...photo } } : block,
  );
  project.write(
    storyFilePath(story.slug, story.postedAt),
    `import { defineStory } from '@/content/schema';\n\nexport default defineStory(${JSON.stringify(story, null, 2)});\n`,
  );
}
