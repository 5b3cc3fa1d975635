// The meaningful update and the age notice (lib/content/model/story-times.ts, decision 0049), and that every
// place showing or emitting a modified time uses the same rule.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MEANINGFUL_UPDATE_MINUTES, storySchema } from '@/content/schema';
import seed from '@/content/stories/2024/06/putin-heads-to-pyongyang';
import { AgeNotice } from '@/components/story/AgeNotice';
import { StoryTimes } from '@/components/story/StoryTimes';
import { ageNotice, getStory, lastUpdated, meaningfulUpdate, modifiedAt, yearsOld, type Story } from '@/lib/content';
import { listedRecord } from '@/lib/content/model/story-index';
import { newsArticleJsonLd } from '@/lib/seo/json-ld';
import { storyMetadata } from '@/lib/seo/metadata';
import { storySitemapEntries, storySitemaps } from '@/lib/seo/sitemaps';
import { CONTENT_MD } from '@/scripts/lib/content-docs';

const POSTED = '2024-06-18T08:25:00+09:00';
const minutesAfter = (minutes: number) => new Date(Date.parse(POSTED) + minutes * 60_000).toISOString();

test(`the rule is ${MEANINGFUL_UPDATE_MINUTES} minutes`, () => assert.equal(MEANINGFUL_UPDATE_MINUTES, 10));

test('an updatedAt 9 minutes after postedAt is no update; 10 minutes or more is', () => {
  assert.equal(meaningfulUpdate({ postedAt: POSTED, updatedAt: POSTED }), undefined);
  assert.equal(meaningfulUpdate({ postedAt: POSTED, updatedAt: minutesAfter(9) }), undefined);
  assert.equal(meaningfulUpdate({ postedAt: POSTED, updatedAt: minutesAfter(9.99) }), undefined);
  assert.equal(meaningfulUpdate({ postedAt: POSTED, updatedAt: minutesAfter(10) }), minutesAfter(10));
  assert.equal(meaningfulUpdate({ postedAt: POSTED, updatedAt: minutesAfter(600) }), minutesAfter(600));
  assert.equal(modifiedAt({ postedAt: POSTED, updatedAt: minutesAfter(9) }), POSTED);
  assert.equal(modifiedAt({ postedAt: POSTED, updatedAt: minutesAfter(10) }), minutesAfter(10));
});

test('a correction always counts, even a minute after posting; the latest of correction and update wins', () => {
  const corrected = (minutes: number) => ({ date: minutesAfter(minutes), text: 'A correction.' });
  assert.equal(meaningfulUpdate({ postedAt: POSTED, updatedAt: POSTED, corrections: [corrected(1)] }), minutesAfter(1));
  assert.equal(
    meaningfulUpdate({ postedAt: POSTED, updatedAt: minutesAfter(5), corrections: [corrected(90), corrected(30)] }),
    minutesAfter(90),
  );
  assert.equal(
    meaningfulUpdate({ postedAt: POSTED, updatedAt: minutesAfter(120), corrections: [corrected(30)] }),
    minutesAfter(120),
  );
  // A listing record carries the latest correction's date, not the corrections: the same answer.
  assert.equal(
    meaningfulUpdate({ postedAt: POSTED, updatedAt: POSTED, correctedAt: minutesAfter(1) }),
    minutesAfter(1),
  );
});

test('a listing record carries its latest correction as correctedAt, so sitemaps and feeds see it', () => {
  const record = storySchema.parse({
    ...seed,
    corrections: [
      { date: '2024-06-20T10:00:00+09:00', text: 'Later.' },
      { date: '2024-06-19T10:00:00+09:00', text: 'Earlier.' },
    ],
  });
  const listed = listedRecord('content/stories/2024/06/putin-heads-to-pyongyang.ts', record);
  assert.equal(listed.correctedAt, '2024-06-20T10:00:00+09:00');
  assert.equal('corrections' in listed, false);
  const uncorrected = listedRecord('x.ts', storySchema.parse({ ...seed, corrections: undefined }));
  assert.equal('correctedAt' in uncorrected, false);
});

test('the header, JSON-LD, og:modified_time, sitemap lastmod and feed dates all give the same time', async () => {
  const seed = await getStory('putin-heads-to-pyongyang');
  assert.ok(seed);
  const cases: Array<[string, Story, string | undefined]> = [
    ['9 minutes', { ...seed, updatedAt: minutesAfter(9) }, undefined],
    ['10 minutes', { ...seed, updatedAt: minutesAfter(10) }, minutesAfter(10)],
    [
      'a correction',
      { ...seed, updatedAt: POSTED, corrections: [{ date: minutesAfter(3), text: 'Fixed.' }] },
      minutesAfter(3),
    ],
  ];
  for (const [name, story, updated] of cases) {
    const html = renderToStaticMarkup(createElement(StoryTimes, { story }));
    if (updated) assert.match(html, new RegExp(`Updated <time dateTime="${updated}">`), name);
    else assert.doesNotMatch(html, /Updated/, name);
    const expected = updated ?? story.postedAt;
    assert.equal(newsArticleJsonLd(story).dateModified, expected, name);
    const og = storyMetadata(story).openGraph as { modifiedTime?: string };
    assert.equal(og.modifiedTime, expected, name);
    const { corrections, body: _body, ...summary } = story;
    const listed = { ...summary, ...(corrections?.length ? { correctedAt: corrections[0]!.date } : {}) };
    const sitemap = storySitemaps([listed])[0]!;
    assert.equal(storySitemapEntries([listed], sitemap.name)![0]!.lastModified!.getTime(), Date.parse(expected), name);
    assert.equal(lastUpdated([listed])!.getTime(), Date.parse(expected), name);
  }
});

test('whole years, floored, by the instant; a 29 February story has its birthday on 1 March', () => {
  const at = (iso: string) => new Date(iso);
  assert.equal(yearsOld(POSTED, at('2025-06-18T08:24:59+09:00')), 0);
  assert.equal(yearsOld(POSTED, at('2025-06-18T08:25:00+09:00')), 1);
  assert.equal(yearsOld(POSTED, at('2026-06-18T08:24:00+09:00')), 1);
  assert.equal(yearsOld(POSTED, at('2026-12-02T00:00:00Z')), 2);
  assert.equal(yearsOld(POSTED, at('2024-06-17T00:00:00Z')), 0, 'a clock behind postedAt is not a negative age');
  assert.equal(yearsOld('2024-02-29T12:00:00Z', at('2025-02-28T23:59:59Z')), 0);
  assert.equal(yearsOld('2024-02-29T12:00:00Z', at('2025-03-01T12:00:00Z')), 1);
  assert.equal(yearsOld('2024-02-29T12:00:00Z', at('2028-02-29T12:00:00Z')), 4);
});

test('the age notice: nothing under a year, "a year" for one, "N years" for more', () => {
  assert.equal(ageNotice(POSTED, new Date('2025-06-17T00:00:00Z')), undefined);
  assert.equal(ageNotice(POSTED, new Date('2025-06-18T00:00:00Z')), 'This story is more than a year old');
  assert.equal(ageNotice(POSTED, new Date('2026-12-02T00:00:00Z')), 'This story is more than 2 years old');
  assert.equal(ageNotice(POSTED, new Date('2035-01-01T00:00:00Z')), 'This story is more than 10 years old');
});

test('AgeNotice renders one paragraph near the headline, or nothing', () => {
  const render = (now: string) =>
    renderToStaticMarkup(createElement(AgeNotice, { postedAt: POSTED, now: new Date(now) }));
  assert.equal(render('2024-12-01T00:00:00Z'), '');
  assert.equal(render('2027-01-01T00:00:00Z'), '<p class="age-notice">This story is more than 2 years old</p>');
});

test("CONTENT.md's editorial fields give editors the same number of minutes", () => {
  const guide = readFileSync(CONTENT_MD, 'utf8');
  assert.match(guide, new RegExp(`"Updated …" only for a change at least ${MEANINGFUL_UPDATE_MINUTES} minutes after`));
});
