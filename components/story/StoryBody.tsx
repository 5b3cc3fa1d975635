import type { ReactNode } from 'react';
import { anchorOf, embedOf, type Story, type StoryBlock } from '@/lib/content';
import { formatDatelineDate } from '@/lib/time';
import { Embed } from './blocks/Embed';
import { FactBox, Timeline } from './blocks/FactBox';
import { InlineText } from './blocks/InlineText';
import { StoryLinkCard } from './blocks/StoryLinkCard';
import { TableBlock } from './blocks/TableBlock';
import { PhotoFigure } from './PhotoFigure';
import { PullQuote } from './PullQuote';

interface RenderContext {
  /** Set for the first paragraph only: "SEOUL, June 18 (AJU PRESS) -" leads into it. */
  dateline?: string;
  /** Prefixes the ids of subheadings, tables and fact boxes: a live page renders many bodies on one page. */
  idPrefix?: string;
  /** A body under a heading of its own (a live update's h3 title) puts its subheadings below it. */
  subheadingLevel?: 'h2' | 'h4';
}

/** The one place that maps each body block type to its component. */
export function renderBlock(block: StoryBlock, key: number, context: RenderContext): ReactNode {
  const id = `${context.idPrefix ?? ''}block-`;
  switch (block.type) {
    case 'paragraph':
      return (
        <p key={key}>
          {context.dateline && <span className="dateline">{context.dateline} - </span>}
          <InlineText nodes={block.text} />
        </p>
      );
    case 'pullQuote':
      return <PullQuote key={key} text={block.text} speaker={block.speaker} role={block.role} />;
    case 'photo':
      return <PhotoFigure key={key} photo={block.photo} />;
    case 'subheading': {
      const Heading = context.subheadingLevel ?? 'h2';
      return (
        <Heading key={key} id={`${context.idPrefix ?? ''}${anchorOf(block)}`} className="subheading">
          {block.text}
        </Heading>
      );
    }
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <InlineText nodes={item} />
        </li>
      ));
      return block.style === 'numbered' ? (
        <ol key={key} className="body-list">
          {items}
        </ol>
      ) : (
        <ul key={key} className="body-list">
          {items}
        </ul>
      );
    }
    case 'quote':
      return (
        <figure key={key} className="block-quote">
          <blockquote>
            <p>
              <InlineText nodes={block.text} />
            </p>
          </blockquote>
          <figcaption>— {block.source}</figcaption>
        </figure>
      );
    case 'table':
      return (
        <TableBlock key={key} id={`${id}${key}`} caption={block.caption} header={block.header} rows={block.rows} />
      );
    case 'factBox':
      return <FactBox key={key} id={`${id}${key}`} title={block.title} items={block.items} />;
    case 'timeline':
      return <Timeline key={key} id={`${id}${key}`} title={block.title} events={block.events} />;
    case 'storyLink':
      return <StoryLinkCard key={key} story={block.story} />;
    case 'embed': {
      const embed = embedOf(block.url);
      // content:check refuses an embed no provider serves; a record that slipped through shows as a plain link.
      if (!embed) {
        return (
          <p key={key}>
            <a href={block.url}>{block.title}</a>
          </p>
        );
      }
      return <Embed key={key} url={block.url} title={block.title} caption={block.caption} embed={embed} />;
    }
    default: {
      const unknown: never = block;
      throw new Error(`No renderer for block ${JSON.stringify(unknown)}`);
    }
  }
}

export function formatDateline(story: Pick<Story, 'dateline' | 'postedAt'>): string {
  return `${story.dateline.place}, ${formatDatelineDate(story.postedAt)} (${story.dateline.publication})`;
}

export function StoryBody({ story }: { story: Story }) {
  const firstParagraph = story.body.findIndex((b) => b.type === 'paragraph');
  const dateline = formatDateline(story);
  return (
    <div className="story-body">
      {story.body.map((block, i) => renderBlock(block, i, { dateline: i === firstParagraph ? dateline : undefined }))}
    </div>
  );
}
