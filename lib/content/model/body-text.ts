/**
 * A story body outside the page: as plain text (search index, a live update's JSON-LD) and as escaped HTML with
 * absolute links (RSS readers). Each walks every block type, so adding a block without them fails to compile.
 */
import { anchorOf } from '@/content/schema';
import { embedOf } from './embeds';
import { escapeHtml, inlineHtml, inlineText } from './inline';
import type { StoryBlock, StoryUpdate } from './types';

/** The words a reader sees in a block, one line per paragraph, item, row or event. */
export function blockText(block: StoryBlock): string {
  switch (block.type) {
    case 'paragraph':
      return inlineText(block.text);
    case 'pullQuote':
      return `${block.text} ${block.speaker}`;
    case 'photo':
      return block.photo.caption;
    case 'subheading':
      return block.text;
    case 'list':
      return block.items.map(inlineText).join('\n');
    case 'quote':
      return `${inlineText(block.text)}\n${block.source}`;
    case 'table':
      return [block.caption, block.header.join(' '), ...block.rows.map((row) => row.map(inlineText).join(' '))].join(
        '\n',
      );
    case 'factBox':
      return [block.title, ...block.items.map(inlineText)].join('\n');
    case 'timeline':
      return [block.title, ...block.events.map((e) => `${e.when}: ${inlineText(e.text)}`)].join('\n');
    case 'storyLink':
      return block.story.headline;
    case 'embed':
      return [block.title, block.caption].filter(Boolean).join('\n');
  }
}

/** A body as plain text (a live update's articleBody): what is read, without the pull-quotes that repeat it. */
export function articleText(body: readonly StoryBlock[]): string {
  return body
    .filter((b) => b.type !== 'pullQuote' && b.type !== 'photo' && b.type !== 'storyLink' && b.type !== 'embed')
    .map(blockText)
    .join('\n\n');
}

/** A live update's words as plain text (JSON-LD articleBody, its feed item's description). */
export const updateText = (update: Pick<StoryUpdate, 'body'>): string => articleText(update.body);

/** How long a headline made of an update's first words may be: Google shows about this much. */
export const UPDATE_HEADLINE_MAX = 110;

/** An update's headline: its title, or its first words, cut at a word with "…" when longer. */
export function updateHeadline(update: Pick<StoryUpdate, 'title' | 'body'>): string {
  if (update.title) return update.title;
  const words = (articleText(update.body) || update.body.map(blockText).join(' ')).replace(/\s+/g, ' ').trim();
  if (words.length <= UPDATE_HEADLINE_MAX) return words;
  const cut = words.slice(0, UPDATE_HEADLINE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > UPDATE_HEADLINE_MAX / 2 ? cut.slice(0, space) : cut}…`;
}

/** The body as HTML for a feed reader: every block, every link absolute, every word escaped. */
export function bodyHtml(body: readonly StoryBlock[], absolute: (path: string) => string): string {
  const inline = (nodes: Parameters<typeof inlineHtml>[0]) =>
    inlineHtml(nodes, (href) => (href.startsWith('/') ? absolute(href) : href));
  return body
    .map((block): string => {
      switch (block.type) {
        case 'paragraph':
          return `<p>${inline(block.text)}</p>`;
        case 'pullQuote':
          return ''; // It repeats the body.
        case 'photo':
          return `<figure><img src="${escapeHtml(absolute(block.photo.src))}" alt="${escapeHtml(block.photo.alt)}" width="${block.photo.width}" height="${block.photo.height}"><figcaption>${escapeHtml(block.photo.caption)} ${escapeHtml(block.photo.credit)}</figcaption></figure>`;
        case 'subheading':
          return `<h2 id="${escapeHtml(anchorOf(block))}">${escapeHtml(block.text)}</h2>`;
        case 'list': {
          const tag = block.style === 'numbered' ? 'ol' : 'ul';
          return `<${tag}>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`;
        }
        case 'quote':
          return `<blockquote><p>${inline(block.text)}</p><footer>— ${escapeHtml(block.source)}</footer></blockquote>`;
        case 'table':
          return `<table><caption>${escapeHtml(block.caption)}</caption><thead><tr>${block.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${block.rows.map((row) => `<tr>${row.map((cell) => `<td>${inline(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
        case 'factBox':
          return `<aside><h3>${escapeHtml(block.title)}</h3><ul>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul></aside>`;
        case 'timeline':
          return `<aside><h3>${escapeHtml(block.title)}</h3><ol>${block.events.map((e) => `<li><strong>${escapeHtml(e.when)}</strong> ${inline(e.text)}</li>`).join('')}</ol></aside>`;
        case 'storyLink':
          return `<p><a href="${escapeHtml(absolute(block.story.path))}">${escapeHtml(block.story.headline)}</a></p>`;
        case 'embed': {
          const name = embedOf(block.url)?.name ?? 'the web';
          return `<p><a href="${escapeHtml(block.url)}">${escapeHtml(block.title)} (${escapeHtml(name)})</a></p>${block.caption ? `<p>${escapeHtml(block.caption)}</p>` : ''}`;
        }
      }
    })
    .filter(Boolean)
    .join('\n');
}
