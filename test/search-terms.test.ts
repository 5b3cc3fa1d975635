import assert from 'node:assert/strict';
import { test } from 'node:test';
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
