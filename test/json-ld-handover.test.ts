// JSON-LD handed from the server components' render to the HTML render (decision 0052): lib/seo/json-ld-handover.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { existingSingleton } from '@/lib/process-singleton.mjs';
import {
  handOverJsonLd,
  JSON_LD_HANDOVER,
  JSON_LD_MAX_WAIT_MS,
  JsonLdHandover,
  jsonLdHandover,
} from '@/lib/seo/json-ld-handover';

test('a text is taken once per render that stored it, then no longer waits', () => {
  const handover = new JsonLdHandover();
  handover.store('a', '{"@type":"A"}', 0);
  assert.equal(handover.take('a'), '{"@type":"A"}');
  assert.equal(handover.take('a'), undefined);
  assert.equal(handover.take('never-stored'), undefined);
  // The same page rendered twice at once stores one text twice: each HTML render takes it.
  handover.store('b', 'B', 0);
  handover.store('b', 'B', 1);
  assert.equal(handover.take('b'), 'B');
  assert.equal(handover.take('b'), 'B');
  assert.equal(handover.take('b'), undefined);
  assert.equal(handover.size, 0);
});

test('texts nobody takes (flight-only renders) are dropped once older than the wait, when another is stored', () => {
  const handover = new JsonLdHandover();
  handover.store('old', 'O', 0);
  handover.store('young', 'Y', 10);
  handover.store('again', 'G', 20);
  // Stored again later: it waits from then on, after 'young'.
  handover.store('again', 'G', JSON_LD_MAX_WAIT_MS);
  assert.equal(handover.size, 3, 'nothing is older than the wait yet');
  handover.store('new', 'N', JSON_LD_MAX_WAIT_MS + 15);
  assert.equal(handover.take('old'), undefined);
  assert.equal(handover.take('young'), undefined);
  assert.equal(handover.take('again'), 'G');
  assert.equal(handover.take('again'), 'G', 'stored by two renders');
  assert.equal(handover.take('new'), 'N');
  // A steady stream of flight-only renders keeps no more than a wait's worth.
  for (let at = 0; at < 10 * JSON_LD_MAX_WAIT_MS; at += 1_000) handover.store(`flight-${at}`, 'F', at);
  assert.equal(handover.size, JSON_LD_MAX_WAIT_MS / 1_000 + 1);
});

test('handOverJsonLd leaves the text in the process singleton JsonLdSlot reads, under its hash', () => {
  const text = '{"@context":"https://schema.org","@type":"WebSite"}';
  const key = handOverJsonLd(text);
  assert.match(key, /^[\w-]{16}$/);
  assert.equal(existingSingleton(JSON_LD_HANDOVER), jsonLdHandover());
  assert.equal(JSON_LD_HANDOVER, 'json-ld', 'components/seo/JsonLdSlot.tsx spells this name');
  // The same text gets the same key (a page renders to the same bytes); another text another key.
  assert.equal(handOverJsonLd(text), key);
  assert.notEqual(handOverJsonLd(`${text} `), key);
  assert.equal(jsonLdHandover().take(key), text);
  assert.equal(jsonLdHandover().take(key), text);
  assert.equal(jsonLdHandover().take(key), undefined);
});
