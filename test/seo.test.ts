import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { getContent, getStory, type Story } from '@/lib/content';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/seo/json-ld';
import { storyMetadata } from '@/lib/seo/metadata';
import {
  SITEMAP_MAX_URLS,
  newsSitemapStories,
  newsSitemapXml,
  pagesSitemapEntries,
  sitemapIndexEntries,
  sitemapIndexXml,
  storySitemapEntries,
  storySitemaps,
  urlsetXml,
} from '@/lib/seo/sitemaps';
import { absoluteUrl } from '@/lib/site';

async function seed(): Promise<Story> {
  const story = await getStory('putin-heads-to-pyongyang');
  assert.ok(story);
  return story;
}

const HOUR = 60 * 60 * 1000;
const after = (story: Story, hours: number) => new Date(Date.parse(story.postedAt) + hours * HOUR);

test('JSON-LD cannot be closed by content, and reads back unchanged', () => {
  const data = { headline: 'Evil </script><script>alert(1)</script> <!-- and </SCRIPT >' };
  const json = serializeJsonLd(data);
  assert.doesNotMatch(json, /</, 'no "<" survives, so neither </script> nor <!-- can appear');
  assert.deepEqual(JSON.parse(json), data);
});

test('NewsArticle lists corrections as CorrectionComment only when the story has them', async () => {
  const story = await seed();
  assert.equal(newsArticleJsonLd(story).correction, undefined);
  const corrected = {
    ...story,
    corrections: [{ date: '2024-06-19T10:00:00+09:00', text: 'An earlier version misspelled the academy.' }],
  };
  assert.deepEqual(newsArticleJsonLd(corrected).correction, [
    {
      '@type': 'CorrectionComment',
      text: 'An earlier version misspelled the academy.',
      datePublished: '2024-06-19T10:00:00+09:00',
    },
  ]);
});

test('story metadata falls back to headline, summary and the story URL', async () => {
  const story = await seed();
  const m = storyMetadata(story);
  assert.equal(m.title, story.headline);
  assert.equal(m.description, story.summary);
  assert.equal(m.alternates?.canonical, absoluteUrl(story.path));
  assert.equal(m.openGraph?.title, story.headline);
  assert.equal(m.openGraph?.description, story.summary);
  assert.equal(m.twitter?.title, story.headline);
});

test("editors' overrides win: seoTitle, socialTitle, socialDescription, canonicalUrl", async () => {
  const story = {
    ...(await seed()),
    seoTitle: 'Putin visits Pyongyang',
    socialTitle: 'Putin lands in Pyongyang',
    socialDescription: 'First visit in 24 years.',
    canonicalUrl: 'https://partner.example/original-story',
  };
  const m = storyMetadata(story);
  assert.equal(m.title, 'Putin visits Pyongyang');
  assert.equal(m.description, story.summary, 'search description stays the summary');
  assert.equal(m.openGraph?.title, 'Putin lands in Pyongyang');
  assert.equal(m.openGraph?.description, 'First visit in 24 years.');
  assert.equal(m.twitter?.title, 'Putin lands in Pyongyang');
  assert.equal(m.twitter?.description, 'First visit in 24 years.');
  assert.equal(m.alternates?.canonical, 'https://partner.example/original-story');
  assert.equal(m.openGraph?.url, 'https://partner.example/original-story');
  assert.deepEqual(newsArticleJsonLd(story).mainEntityOfPage, {
    '@type': 'WebPage',
    '@id': 'https://partner.example/original-story',
  });
});

test('Google News sitemap: stories posted in the last two days, by an injected clock', async () => {
  const story = await seed();
  assert.deepEqual(newsSitemapStories([story], after(story, 1)), [story], 'an hour after posting');
  assert.deepEqual(newsSitemapStories([story], after(story, 47.9)), [story], 'just inside two days');
  assert.deepEqual(newsSitemapStories([story], after(story, 48.1)), [], 'just past two days');
  assert.deepEqual(newsSitemapStories([story], after(story, -1)), [], 'not before it is posted');
  const syndicated = { ...story, canonicalUrl: 'https://partner.example/original' };
  assert.deepEqual(newsSitemapStories([syndicated], after(story, 1)), [], 'syndicated copies are not ours to list');
});

test('Google News sitemap XML names publication, language, date and title, escaped', async () => {
  const story = { ...(await seed()), headline: 'Kim & Putin <sign> pact' };
  const older = {
    ...story,
    slug: 'older',
    path: '/stories/older',
    postedAt: '2024-06-17T08:25:00+09:00',
    headline: 'Older',
  };
  const xml = newsSitemapXml([older, story], after(story, 2));
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
  assert.equal(parsed.urlset['@_xmlns:news'], 'http://www.google.com/schemas/sitemap-news/0.9');
  const urls = [parsed.urlset.url].flat();
  assert.deepEqual(
    urls.map((u: { loc: string }) => u.loc),
    [absoluteUrl(story.path), absoluteUrl(older.path)],
    'newest first',
  );
  const news = urls[0]['news:news'];
  assert.equal(news['news:publication']['news:name'], 'Aju Press');
  assert.equal(news['news:publication']['news:language'], 'en');
  assert.equal(news['news:publication_date'], story.postedAt);
  assert.equal(news['news:title'], 'Kim & Putin <sign> pact', 'escaped in the XML, read back whole');
  assert.match(xml, /<news:title>Kim &amp; Putin &lt;sign&gt; pact<\/news:title>/);
  const later = newsSitemapXml([older, story], after(story, 40));
  assert.ok(
    later.includes(story.path) && !later.includes(older.path),
    'a day later only the newer story is inside two days',
  );
});

test('sitemap index: a pages sitemap and one story sitemap per month, each story exactly once, syndicated left out', async () => {
  const content = await getContent();
  const index = sitemapIndexEntries(content);
  assert.equal(index[0]!.url, absoluteUrl('/sitemaps/pages.xml'));
  assert.ok(
    index.every((e) => e.lastModified instanceof Date),
    'every child has a lastmod',
  );
  const pages = pagesSitemapEntries(content).map((e) => e.url);
  for (const path of [
    '/',
    '/archive',
    '/archive/2024',
    '/archive/2024/06',
    '/sections/north-korea',
    '/authors/park-ung',
  ]) {
    assert.ok(pages.includes(absoluteUrl(path)), path);
  }
  const story = content.stories[0]!;
  assert.ok(index.some((e) => e.url === absoluteUrl('/sitemaps/2024-06.xml')));
  assert.deepEqual(
    storySitemapEntries(content.stories, '2024-06')?.map((e) => e.url),
    [absoluteUrl(story.path)],
  );
  assert.equal(storySitemapEntries(content.stories, '2024-07'), undefined, 'no sitemap for an empty month');
  const syndicated = [{ ...story, canonicalUrl: 'https://partner.example/x' }];
  assert.deepEqual(storySitemaps(syndicated), []);
  assert.equal(
    pagesSitemapEntries({ ...content, stories: syndicated }).some((e) => e.url === absoluteUrl(story.path)),
    false,
  );
});

test('story sitemaps: split by month in KST, a month past 50,000 URLs cut into parts, every story once', async () => {
  const seed = (await getContent()).stories[0]!;
  const at = (i: number, iso: string) => ({
    ...seed,
    slug: `s-${i}`,
    path: `/stories/s-${i}`,
    postedAt: iso,
    updatedAt: iso,
  });
  const stories = [
    ...Array.from({ length: SITEMAP_MAX_URLS + 3 }, (_, i) => at(i, '2024-06-15T12:00:00+09:00')),
    at(-1, '2024-05-31T15:30:00Z'), // 00:30 KST on June 1: June's
    at(-2, '2024-05-31T14:30:00Z'), // 23:30 KST on May 31
  ];
  const maps = storySitemaps(stories);
  assert.deepEqual(
    maps.map((m) => [m.name, m.stories.length]),
    [
      ['2024-06', SITEMAP_MAX_URLS],
      ['2024-06-2', 4],
      ['2024-05', 1],
    ],
  );
  const urls = maps.flatMap((m) => m.stories.map((s) => s.path));
  assert.equal(new Set(urls).size, stories.length, 'every story exactly once');
  const xml = new XMLParser().parse(urlsetXml(storySitemapEntries(stories, '2024-05')!));
  assert.deepEqual(xml.urlset.url, { loc: absoluteUrl('/stories/s--2'), lastmod: '2024-05-31T14:30:00.000Z' });
  const indexXml = new XMLParser().parse(
    sitemapIndexXml(sitemapIndexEntries({ stories, sections: [], authors: [], tags: [] })),
  );
  assert.deepEqual(
    [indexXml.sitemapindex.sitemap].flat().map((s: { loc: string }) => s.loc),
    ['pages', '2024-06', '2024-06-2', '2024-05'].map((n) => absoluteUrl(`/sitemaps/${n}.xml`)),
  );
});
