import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inlineHtml, inlineText, linkTarget, parseInline } from '@/lib/content/model/inline';

test('links, emphasis and strong parse into a typed tree', () => {
  const { nodes, error } = parseInline(
    'Putin met *Kim* in [**Vladivostok**](/stories/putin-heads-to-pyongyang) last **year**.',
  );
  assert.equal(error, undefined);
  assert.deepEqual(nodes, [
    { type: 'text', text: 'Putin met ' },
    { type: 'em', children: [{ type: 'text', text: 'Kim' }] },
    { type: 'text', text: ' in ' },
    {
      type: 'link',
      href: '/stories/putin-heads-to-pyongyang',
      children: [{ type: 'strong', children: [{ type: 'text', text: 'Vladivostok' }] }],
    },
    { type: 'text', text: ' last ' },
    { type: 'strong', children: [{ type: 'text', text: 'year' }] },
    { type: 'text', text: '.' },
  ]);
});

test('brackets, lone asterisks and escapes stay text', () => {
  for (const source of [
    'He said it was [sic] true.',
    'A quote […] cut.',
    '5 * 3 = 15',
    'A \\*literal\\* star and a \\[bracket\\]',
  ] as const) {
    const { nodes, error } = parseInline(source);
    assert.equal(error, undefined, source);
    assert.equal(nodes.length, 1, source);
    assert.equal(nodes[0]!.type, 'text');
  }
  assert.equal(inlineText(parseInline('A \\*literal\\* star').nodes), 'A *literal* star');
});

test('brackets typed as text may sit inside a link', () => {
  const { nodes, error } = parseInline('[the report [sic] on trade](https://example.com/r) and [more]');
  assert.equal(error, undefined);
  assert.equal(nodes[0]!.type === 'link' && inlineText(nodes[0]!.children), 'the report [sic] on trade');
  assert.equal(inlineText(nodes), 'the report [sic] on trade and [more]');
  const unmatched = parseInline('a [ b [link](/tags/x) c');
  assert.equal(unmatched.error, undefined);
  assert.equal(unmatched.nodes[1]!.type, 'link');
});

test('an address with parentheses keeps them', () => {
  const { nodes } = parseInline('[Wiki](https://en.wikipedia.org/wiki/Korea_(disambiguation)) page');
  assert.equal(nodes[0]!.type === 'link' && nodes[0]!.href, 'https://en.wikipedia.org/wiki/Korea_(disambiguation)');
});

test('malformed markup and unsafe addresses are refused', () => {
  const refused: [string, RegExp][] = [
    ['*open', /emphasis "\*open" that is never closed/],
    ['**open*', /strong emphasis "\*\*open\*" that is never closed/],
    ['[words](https://example.com', /without its closing "\)"/],
    ['[words](javascript:alert(1))', /javascript:, which the site never links to/],
    ['[words](JavaScript:alert(1))', /javascript:/],
    ['[words](data:text/html,x)', /data:/],
    ['[words](http://example.com)', /is not https/],
    ['[words](mailto:a@example.com)', /mailto:, which is not allowed/],
    ['[words](/archive/2024)', /not a page links may point at/],
    ['[](/stories/x)', /with no words/],
    ['[a [b](/tags/x)](/tags/y)', /link inside a link/],
  ];
  for (const [source, message] of refused) {
    const { error } = parseInline(source);
    assert.match(error ?? '', message, source);
  }
});

test('link targets: internal pages by kind, external https only', () => {
  assert.deepEqual(linkTarget('/stories/a-b#background').target, { kind: 'story', id: 'a-b', anchor: 'background' });
  assert.deepEqual(linkTarget('/tags/russia').target, { kind: 'tag', id: 'russia' });
  assert.deepEqual(linkTarget('https://example.com/x').target, { kind: 'external', url: 'https://example.com/x' });
  assert.ok(linkTarget('https://localhost/x').error);
});

test('inline HTML (for feeds) escapes text and makes links absolute', () => {
  const html = inlineHtml(parseInline('<b> & [x](/stories/a) *y*').nodes, (href) => `https://site.example${href}`);
  assert.equal(html, '&lt;b&gt; &amp; <a href="https://site.example/stories/a">x</a> <em>y</em>');
});
