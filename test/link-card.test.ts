import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localImageUrl } from '@/lib/dev/link-card';

test('the previews load a card named on the canonical origin from the server they run on', () => {
  const canonical = 'https://www.ajupress.com';
  assert.equal(
    localImageUrl('https://www.ajupress.com/stories/a-draft/opengraph-image?e30c7d', canonical),
    '/stories/a-draft/opengraph-image?e30c7d',
  );
  assert.equal(localImageUrl('/stories/a-draft/opengraph-image', canonical), '/stories/a-draft/opengraph-image');
  // Under next dev, og:image names a localhost address: the path is kept, whatever address the editor used.
  assert.equal(
    localImageUrl('http://localhost:3000/stories/a-draft/opengraph-image?e30c7d', canonical, '127.0.0.1:3000'),
    '/stories/a-draft/opengraph-image?e30c7d',
  );
  assert.equal(
    localImageUrl('http://dev-box.local:3000/stories/a/opengraph-image', canonical, 'dev-box.local:3000'),
    '/stories/a/opengraph-image',
  );
  // An image hosted elsewhere is shown from where the network would fetch it.
  assert.equal(localImageUrl('https://cdn.example.com/card.png', canonical), 'https://cdn.example.com/card.png');
});
