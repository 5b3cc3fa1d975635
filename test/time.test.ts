import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDatelineDate, formatKstDate, formatKstDateTime } from '@/lib/time';

// Run under a zone far from Seoul (see the test:unit script): results must not depend on it.
test('the process runs in a zone other than Seoul', () => {
  assert.notEqual(Intl.DateTimeFormat().resolvedOptions().timeZone, 'Asia/Seoul');
});

test('formats an instant in KST whatever the offset it was written with', () => {
  assert.equal(formatKstDateTime('2024-06-18T08:25:00+09:00'), 'June 18, 2024, 08:25');
  assert.equal(formatKstDateTime('2024-06-17T23:25:00Z'), 'June 18, 2024, 08:25');
  assert.equal(formatKstDateTime('2024-06-17T13:25:00-10:00'), 'June 18, 2024, 08:25');
});

test('uses a 24-hour clock with leading zeros', () => {
  assert.equal(formatKstDateTime('2024-06-18T17:17:00+09:00'), 'June 18, 2024, 17:17');
  assert.equal(formatKstDateTime('2024-06-18T00:05:00+09:00'), 'June 18, 2024, 00:05');
});

test('crosses the date line into the Korean day', () => {
  assert.equal(formatKstDate('2024-12-31T20:00:00Z'), 'January 1, 2025');
});

test('datelines use AP month style', () => {
  assert.equal(formatDatelineDate('2024-06-18T08:25:00+09:00'), 'June 18');
  assert.equal(formatDatelineDate('2023-09-13T12:00:00+09:00'), 'Sept. 13');
  assert.equal(formatDatelineDate('2024-03-01T12:00:00+09:00'), 'March 1');
});

test('rejects a time that cannot be read', () => {
  assert.throws(() => formatKstDateTime('not a time'), RangeError);
});
