/**
 * Addresses never break (docs/decisions/0048-addresses-never-break.md): content:check's address rules, the
 * redirects and takedowns the snapshot carries and proxy.ts answers, links rewritten or shown as text, and the
 * pages a rename or a takedown makes a publish refresh. The edge's part is e2e/addresses.spec.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addressesOf, linkedSlugs, oldAddress, relinked } from '@/lib/content/model/addresses';
import { parseInline } from '@/lib/content/model/inline';
import { formatProblem, nextLedger, validateContent } from '@/lib/content/model/validate';
import { buildSnapshot, type SnapshotStory } from '@/lib/content/storage/snapshot';
import { contentChanges, type ChangeView } from '@/lib/publish/changes';
import {
  createMistakePublicDir,
  freshSeed,
  mistakes,
  mistakeSources,
  SEED_FILE,
} from '@/test/support/content-mistakes';

let publicDir: { dir: string; remove(): void };
before(async () => {
  publicDir = await createMistakePublicDir();
});
after(() => publicDir.remove());

const SEED = 'putin-heads-to-pyongyang';
const TAKEDOWN = { date: '2024-07-02T11:00:00+09:00', reason: 'Court order' };

/** The seed story under `slug` (its file too), with these fields changed. */
const story = (slug: string, fields: Record<string, unknown> = {}) => ({
  file: `content/stories/2024/06/${slug}.ts`,
  data: { ...freshSeed(), slug, ...fields },
});

/** content:check's problems and content for these stories, takedowns and ledger. */
async function check(
  stories: ReturnType<typeof story>[],
  { takedowns, published }: { takedowns?: object[]; published?: string[] } = {},
) {
  const sources = {
    ...mistakeSources({ ...mistakes[0]!, stories: () => stories }),
    ...(takedowns ? { takedowns: { file: 'content/takedowns.ts', data: takedowns } } : {}),
    ...(published ? { published: { file: 'content/published-addresses.json', data: { stories: published } } } : {}),
  };
  const { problems, content } = await validateContent(sources, { publicDir: publicDir.dir });
  return { lines: problems.map((p) => `${p.severity} ${formatProblem(p)}`), content };
}

test('a rename with the old slug kept passes; the old address redirects to the new one', async () => {
  const renamed = story('putin-visits-pyongyang', { previousSlugs: [SEED] });
  const { lines, content } = await check([renamed], { published: [SEED] });
  assert.deepEqual(lines, []);
  const { addresses } = buildSnapshot(content).listing;
  assert.deepEqual(addresses, { redirects: { [SEED]: 'putin-visits-pyongyang' }, gone: [] });
  const isStory = (slug: string) => slug === 'putin-visits-pyongyang';
  for (const rest of ['', '/opengraph-image', '/images/16x9'])
    assert.deepEqual(oldAddress(`/stories/${SEED}${rest}`, addresses, isStory), {
      redirect: `/stories/putin-visits-pyongyang${rest}`,
    });
  assert.equal(oldAddress('/stories/putin-visits-pyongyang', addresses, isStory), undefined);
  assert.equal(oldAddress('/stories/never-published', addresses, isStory), undefined);
  assert.equal(oldAddress('/sections/politics', addresses, isStory), undefined);
});

test('a second rename: both old slugs lead straight to the newest, never through the middle one', async () => {
  const twice = story('putin-in-pyongyang', { previousSlugs: [SEED, 'putin-visits-pyongyang'] });
  const { lines, content } = await check([twice], { published: [SEED, 'putin-visits-pyongyang'] });
  assert.deepEqual(lines, []);
  const { addresses } = buildSnapshot(content).listing;
  assert.deepEqual(addresses!.redirects, {
    [SEED]: 'putin-in-pyongyang',
    'putin-visits-pyongyang': 'putin-in-pyongyang',
  });
  const isStory = (slug: string) => slug === 'putin-in-pyongyang';
  for (const old of [SEED, 'putin-visits-pyongyang'])
    assert.deepEqual(oldAddress(`/stories/${old}`, addresses, isStory), { redirect: '/stories/putin-in-pyongyang' });
});

test('the refusal: a published address left answering 404, with the fix for a rename, a draft, and each slug', async () => {
  const renamedLost = await check([story('putin-in-pyongyang')], { published: [SEED, 'putin-visits-pyongyang'] });
  assert.deepEqual(
    renamedLost.lines,
    [SEED, 'putin-visits-pyongyang'].map(
      (slug) =>
        `error content/published-addresses.json › ${slug}: /stories/${slug} was published and would now answer 404 — add "${slug}" to the renamed story's previousSlugs, or take it down in content/takedowns.ts`,
    ),
  );
  const drafted = await check([story(SEED, { draft: true })], { published: [SEED] });
  assert.deepEqual(drafted.lines, [
    `error content/published-addresses.json › ${SEED}: /stories/${SEED} was published and would now answer 404 — ${SEED_FILE} is a draft now: take "${SEED}" down in content/takedowns.ts while it is one, or publish it again`,
  ]);
  // A story with an error of its own still holds its address: only its own error is reported.
  const broken = await check([story(SEED, { authors: ['park-un'] })], { published: [SEED] });
  assert.equal(broken.lines.length, 1);
  assert.match(broken.lines[0]!, /authors\[0\]: author "park-un" does not exist/);
  // Taken down: accepted. No ledger (nothing ever published from this tree): nothing to refuse.
  assert.deepEqual(
    (await check([story(SEED, { draft: true })], { published: [SEED], takedowns: [{ slug: SEED, ...TAKEDOWN }] }))
      .lines,
    [],
  );
  assert.deepEqual((await check([story('another-story')])).lines, []);
});

test('an old slug belongs to one story, is no story slug, and is not also taken down', async () => {
  const a = story('story-a', { previousSlugs: ['old-name'] });
  const b = story('story-b', { previousSlugs: ['old-name', 'story-a'] });
  const { lines } = await check([a, b], { takedowns: [{ slug: 'old-name', ...TAKEDOWN }] });
  assert.deepEqual(lines, [
    'error content/stories/2024/06/story-a.ts › previousSlugs[0]: "old-name" is taken down in content/takedowns.ts — an old address either redirects or is gone; delete it here or there',
    'error content/stories/2024/06/story-b.ts › previousSlugs[0]: "old-name" is a previous slug of content/stories/2024/06/story-a.ts too — an old address redirects to one story; delete it from one of them',
    'error content/stories/2024/06/story-b.ts › previousSlugs[1]: "story-a" is the slug of content/stories/2024/06/story-a.ts — an address is either a story\'s or an old one that redirects; delete it here, or rename that story',
  ]);
});

test('links: to an old slug, a warning and the current address; to a takedown, a warning and plain words; to nowhere, an error', async () => {
  const body = [
    ...freshSeed().body,
    { type: 'paragraph', text: 'See [the visit](/stories/old-name#background) and [the ruling](/stories/gone-story).' },
    { type: 'storyLink', slug: 'gone-story' },
    { type: 'storyLink', slug: 'old-name' },
    { type: 'paragraph', text: 'And [nothing](/stories/never-published).' },
  ];
  const renamed = story('story-a', { previousSlugs: ['old-name'] });
  const linking = story('story-b', { body });
  const { lines } = await check([renamed, linking], { takedowns: [{ slug: 'gone-story', ...TAKEDOWN }] });
  const at = 'content/stories/2024/06/story-b.ts › body';
  assert.deepEqual(lines, [
    `warning ${at}[12].text: links to /stories/old-name, the old address of /stories/story-a — it leads there; write /stories/story-a when you next edit`,
    `warning ${at}[12].text: links to /stories/gone-story, which was taken down — the link shows as plain text; remove it when you next edit`,
    `error ${at}[15].text: link "nothing" points at the story "never-published", which does not exist — link to one in content/stories/, or write the words without a link`,
    `warning ${at}[13].slug: story "gone-story" was taken down, so readers see no card — delete the block when you next edit`,
    `warning ${at}[14].slug: story "old-name" was renamed "story-a" — the card shows it; write "story-a" when you next edit`,
  ]);
});

test('a rendered link follows the story to its current address, or is left as its words', () => {
  const nodes = parseInline(
    'See [the visit](/stories/old-name#background), [the ruling](/stories/gone-story) and [**this**](/tags/x).',
  ).nodes;
  const paths: Record<string, string> = { 'old-name': '/stories/story-a' };
  assert.deepEqual(
    relinked(nodes, (slug) => paths[slug]),
    [
      { type: 'text', text: 'See ' },
      { type: 'link', href: '/stories/story-a#background', children: [{ type: 'text', text: 'the visit' }] },
      { type: 'text', text: ', the ruling and ' },
      { type: 'link', href: '/tags/x', children: [{ type: 'strong', children: [{ type: 'text', text: 'this' }] }] },
      { type: 'text', text: '.' },
    ],
  );
  const block = { type: 'paragraph', text: nodes };
  assert.deepEqual(linkedSlugs([block, { type: 'storyLink', slug: 'third' }]), ['old-name', 'gone-story', 'third']);
});

const listed = (slug: string, links?: string[]): SnapshotStory =>
  ({
    slug,
    postedAt: '2024-06-18T08:25:00+09:00',
    section: 'politics',
    tags: [],
    authors: ['park-ung'],
    hash: `h-${slug}`,
    ...(links ? { links } : {}),
  }) as unknown as SnapshotStory;
const view = (stories: SnapshotStory[], addresses = addressesOf(stories, [])): ChangeView => ({
  stories,
  authors: [{ id: 'park-ung' }],
  sections: [{ id: 'politics' }],
  tags: [],
  images: {},
  addresses,
});

test('a publish refreshes the old addresses whose answer changed, and the stories that link to a story that moved', () => {
  const linker = listed('linker', ['first']);
  const first = contentChanges(
    view([listed('first'), linker]),
    view([{ ...listed('second'), previousSlugs: ['first'] } as SnapshotStory, linker]),
  );
  for (const p of ['/stories/first', '/stories/first/opengraph-image', '/stories/first/images/1x1', '/stories/linker'])
    assert.ok(first.paths.includes(p), p);
  // The second rename: the first old address now leads elsewhere, so its stored redirect is purged too.
  const second = contentChanges(
    view([{ ...listed('second'), previousSlugs: ['first'] } as SnapshotStory, linker]),
    view([{ ...listed('third'), previousSlugs: ['first', 'second'] } as SnapshotStory, linker]),
  );
  for (const p of [
    '/stories/first',
    '/stories/first/images/16x9',
    '/stories/second',
    '/stories/third',
    '/stories/linker',
  ])
    assert.ok(second.paths.includes(p), p);
  // A takedown alone (the story already gone): only its addresses.
  const before = view([linker]);
  const gone = contentChanges(before, view([linker], addressesOf([], [{ slug: 'third' }])));
  assert.deepEqual(
    gone.paths,
    [
      '/stories/third',
      '/stories/third/feed.xml',
      '/stories/third/images/16x9',
      '/stories/third/images/1x1',
      '/stories/third/images/4x3',
      '/stories/third/opengraph-image',
    ].sort(),
  );
  assert.deepEqual(contentChanges(before, view([linker])).paths, []);
});

test('the ledger after a publish: what it held, and every slug and previous slug published, sorted', () => {
  assert.deepEqual(nextLedger(['z-old', 'b'], [{ slug: 'a', previousSlugs: ['b', 'c'] }, { slug: 'd' }]), [
    'a',
    'b',
    'c',
    'd',
    'z-old',
  ]);
});
