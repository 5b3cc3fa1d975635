import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capDensity } from '@/components/ui/ResponsiveImage';
import { getStory } from '@/lib/content';
import { shareLinks, sharedUrl } from '@/lib/share';
import { absoluteUrl } from '@/lib/site';

async function seed() {
  const story = await getStory('putin-heads-to-pyongyang');
  assert.ok(story);
  return story;
}

/** The URL a share link carries, whichever parameter the network reads it from. */
function carried(href: string): URL {
  if (href.startsWith('mailto:')) {
    const body = new URLSearchParams(href.slice(href.indexOf('?') + 1)).get('body')!;
    return new URL(body);
  }
  const params = new URL(href).searchParams;
  return new URL(params.get('url') ?? params.get('u')!);
}

test('each network gets the canonical story URL tagged with its own utm_source', async () => {
  const story = await seed();
  const links = shareLinks(story);
  assert.deepEqual(
    links.map((l) => l.network),
    ['x', 'facebook', 'linkedin', 'line', 'email'],
  );
  const hosts = links.map((l) => (l.href.startsWith('mailto:') ? 'mailto' : new URL(l.href).host));
  assert.deepEqual(hosts, ['x.com', 'www.facebook.com', 'www.linkedin.com', 'social-plugins.line.me', 'mailto']);
  for (const link of links) {
    const url = carried(link.href);
    assert.equal(`${url.origin}${url.pathname}`, absoluteUrl(story.path), link.network);
    assert.equal(url.searchParams.get('utm_source'), link.network);
    assert.equal(url.searchParams.get('utm_medium'), link.network === 'email' ? 'email' : 'social');
  }
});

test('X carries the title; email a subject with %20 spaces, not +', async () => {
  const story = await seed();
  const [x, , , , email] = shareLinks(story);
  const title = story.socialTitle ?? story.headline;
  assert.equal(new URL(x!.href).searchParams.get('text'), title);
  assert.ok(email!.href.startsWith(`mailto:?subject=${encodeURIComponent(title)}&body=`));
  assert.ok(!email!.href.includes('+'));
});

test('copy and share-sheet URLs say where they came from', async () => {
  const story = await seed();
  assert.equal(sharedUrl(story, 'copy_link'), `${absoluteUrl(story.path)}?utm_source=copy_link&utm_medium=social`);
  assert.equal(new URL(sharedUrl(story, 'share_sheet')).searchParams.get('utm_source'), 'share_sheet');
});

test('capDensity puts density-capped slots before each slot, densest first', () => {
  const sizes = capDensity('(min-width: 1040px) 960px, 100vw');
  const entries = sizes.split(', ');
  assert.equal(entries.length, 10);
  assert.equal(entries[0], '(min-width: 1040px) and (min-resolution: 3dppx) 640px');
  assert.equal(entries[4], '(min-width: 1040px) 960px');
  assert.equal(entries[5], '(min-resolution: 3dppx) 67vw');
  assert.equal(entries.at(-1), '100vw');
  // Which rendition a 390 px phone at 3 dppx then fetches is checked in a browser (e2e/share-and-photos.spec.ts).
});

test('capDensity leaves out the caps of a fixed slot whose 2 dppx pick is already the widest rendition', () => {
  // The story's wide slot: 960 px at 2 dppx is the widest listed, 1920; denser screens get it anyway.
  assert.equal(
    capDensity('(min-width: 1040px) 960px, 100vw', undefined, [640, 750, 828, 1080, 1200, 1920]),
    '(min-width: 1040px) 960px, (min-resolution: 3dppx) 67vw, (min-resolution: 2.75dppx) 73vw, ' +
      '(min-resolution: 2.5dppx) 80vw, (min-resolution: 2.25dppx) 89vw, 100vw',
  );
  // A card: the 160 px slot's 2 dppx pick (384) is the widest; the 96 px one's (256) is not, so 3 dppx keeps its cap.
  assert.equal(
    capDensity('(min-width: 48rem) 160px, 96px', [2.25], [96, 256, 384]),
    '(min-width: 48rem) 160px, (min-resolution: 2.25dppx) 85px, 96px',
  );
});
