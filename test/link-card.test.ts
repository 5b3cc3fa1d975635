import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localImageUrl } from '@/lib/dev/link-card';

test('the previews load a card named on the canonical origin from the server they run on', () => {
  const canonical = 'https://www.ajupress.com';
  assert.equal(localImageUrl('https://www.ajupress.com/stories/a-draft/opengraph-image?e30c7d', canonical), '/stories/a-draft/opengraph-image?e30c7d');
  assert.equal(localImageUrl('/stories/a-draft/opengraph-image', canonical), '/stories/a-draft/opengraph-image');
  // An image hosted elsewhere is shown from where the network would fetch it.
  assert.equal(localImageUrl('https://cdn.example.com/card.png', canonical), 'https://cdn.example.com/card.png');
});
