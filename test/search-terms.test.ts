import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headlineFirst } from '@/lib/search/headline-first';
import { searchTerms, withoutStopWords } from '@/lib/search/stop-words';

test('queries lose their stop words, unless nothing else is left', () => {
  assert.equal(
    searchTerms('The presidential office pushes a new ambassador to Tokyo'),
    'presidential office pushes new ambassador Tokyo',
  );
  assert.equal(searchTerms("Putin's visit: Kim and the Russian president"), "Putin's visit Kim Russian president");
  assert.equal(searchTerms('to be or'), 'to be or', 'only stop words: searched as typed');
  assert.equal(searchTerms('  '), '');
});

test('indexed text loses the same words, and keeps everything else', () => {
  assert.equal(
    withoutStopWords('Putin heads to Pyongyang amid the deepening ties'),
    'Putin heads Pyongyang amid deepening ties',
  );
  assert.equal(withoutStopWords('A line.\nAnd another, for Seoul.'), ' line.\n another, Seoul.');
  assert.equal(withoutStopWords('서울에서 the 회담'), '서울에서 회담', 'other scripts are words too');
});

test('a result whose headline is the whole query comes first; the rest keep their order', () => {
  const result = (title: string) => ({ meta: { title } });
  const found = [
    result('The Bank of Korea raises interest rates in Icheon'),
    result('The Bank of Korea cuts interest rates'),
    result('The Bank of Korea raises interest rates'),
  ];
  assert.deepEqual(
    headlineFirst(found, 'the bank of korea raises interest rates').map((r) => r.meta.title),
    [
      'The Bank of Korea raises interest rates',
      'The Bank of Korea raises interest rates in Icheon',
      'The Bank of Korea cuts interest rates',
    ],
  );
  assert.equal(headlineFirst(found, 'Bank of Korea'), found, 'no headline is the query: as Pagefind ranked them');
  assert.equal(
    headlineFirst([result('Seoul after the visit'), result('Kim’s visit — Seoul')], "Kim's visit: Seoul")[0]!.meta
      .title,
    'Kim’s visit — Seoul',
    'punctuation and apostrophes do not count',
  );
});
