import type { ReactNode } from 'react';
import type { Story, StoryBlock } from '@/lib/content';
import { formatDatelineDate } from '@/lib/time';
import { PhotoFigure } from './PhotoFigure';
import { PullQuote } from './PullQuote';

interface RenderContext {
  /** Set for the first paragraph only: "SEOUL, June 18 (AJU PRESS) -" leads into it. */
  dateline?: string;
}

/** The one place that maps each body block type to its component. */
export function renderBlock(block: StoryBlock, key: number, context: RenderContext): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return (
        <p key={key}>
          {context.dateline && <span className="dateline">{context.dateline} - </span>}
          {block.text}
        </p>
      );
    case 'pullQuote':
      return <PullQuote key={key} text={block.text} speaker={block.speaker} role={block.role} />;
    case 'photo':
      return <PhotoFigure key={key} photo={block.photo} />;
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
