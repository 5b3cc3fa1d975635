import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { renderBlock } from '@/components/story/StoryBody';
import type { StorySummary } from '@/lib/content';
import { articleText, blockText, bodyHtml } from '@/lib/content/model/body-text';
import { sampleBlockInputs, sampleBlocks } from '@/lib/dev/block-samples';

const newest = {
  slug: 'linked-story',
  path: '/stories/linked-story',
  headline: 'The linked story',
  postedAt: '2024-06-18T08:25:00+09:00',
  leadPhoto: {
    src: '/images/stories/putin-heads-to-pyongyang.jpg',
    width: 2400,
    height: 1600,
    alt: 'Alt',
    caption: 'Caption',
    credit: 'Credit',
  },
} as StorySummary;
const blocks = sampleBlocks(newest);
const absolute = (path: string) => `https://www.example.com${path}`;

test('the samples hold one of every block type', () => {
  const types = new Set(sampleBlockInputs('x', '/x.jpg').map((b) => b.type));
  assert.deepEqual([...types].sort(), [
    'embed',
    'factBox',
    'list',
    'paragraph',
    'photo',
    'pullQuote',
    'quote',
    'storyLink',
    'subheading',
    'table',
    'timeline',
  ]);
});

test('every block renders to its element, inline text as elements, never as raw markup', () => {
  const html = renderToStaticMarkup(
    createElement(
      'div',
      null,
      blocks.map((b, i) => renderBlock(b, i, {})),
    ),
  );
  for (const part of [
    '<em>emphasis</em>',
    '<strong>strong emphasis</strong>',
    '<a href="/stories/linked-story">another story</a>',
    '<a href="https://example.com/" rel="noopener">another site</a>',
    '<h2 id="a-subheading" class="subheading">A subheading</h2>',
    '<ul class="body-list">',
    '<ol class="body-list">',
    '<figure class="block-quote"><blockquote>',
    '<figcaption>— Who said it, and where</figcaption>',
    'role="region" aria-labelledby="block-7-caption" tabindex="0"',
    '<th scope="col">Year</th>',
    '<section class="fact-box" aria-labelledby="block-8">',
    '<section class="fact-box fact-box--timeline" aria-labelledby="block-9">',
    '<a class="story-link__headline" href="/stories/linked-story">The linked story</a>',
    'data-frame-src="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"',
    '<a class="embed__link" href="https://www.youtube.com/watch?v=M7lc1UVf-VE" rel="noopener noreferrer">Watch on YouTube</a>',
  ]) {
    assert.ok(html.includes(part), part);
  }
  assert.ok(!html.includes('<iframe'), 'no frame before the reader asks');
  assert.ok(!/\*\*|\]\(/.test(html), 'no Markdown marks left');
});

test('text outside the page: plain for search and JSON-LD, HTML with absolute links for RSS', () => {
  assert.equal(
    blockText(blocks[0]!),
    'A paragraph with emphasis, strong emphasis, a link to another story and one to another site.',
  );
  assert.match(blockText(blocks[7]!), /^A table\nYear First figure/);
  const article = articleText(blocks);
  assert.ok(!article.includes('*') && !article.includes('](') && !article.includes('<'));
  assert.ok(!article.includes('A statement quoted at length\n'), 'the pull-quote is not repeated');
  const html = bodyHtml(blocks, absolute);
  assert.ok(html.includes('<a href="https://www.example.com/stories/linked-story">another story</a>'));
  assert.ok(html.includes('<img src="https://www.example.com/images/stories/putin-heads-to-pyongyang.jpg"'));
  assert.ok(
    html.includes(
      '<a href="https://www.youtube.com/watch?v=M7lc1UVf-VE">A video, loaded only on request (YouTube)</a>',
    ),
  );
  assert.ok(!/href="\//.test(html), 'every link is absolute');
});
