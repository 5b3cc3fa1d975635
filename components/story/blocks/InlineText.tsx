import { Fragment, type ReactNode } from 'react';
import type { Inline } from '@/lib/content';

/** Inline text (lib/content/model/inline.ts) as React elements: words are text nodes, never HTML. */
export function InlineText({ nodes }: { nodes: readonly Inline[] }): ReactNode {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'em':
        return (
          <em key={i}>
            <InlineText nodes={node.children} />
          </em>
        );
      case 'strong':
        return (
          <strong key={i}>
            <InlineText nodes={node.children} />
          </strong>
        );
      case 'link': {
        const external = /^https:/.test(node.href);
        return (
          <a key={i} href={node.href} {...(external ? { rel: 'noopener' } : {})}>
            <InlineText nodes={node.children} />
          </a>
        );
      }
    }
  });
}
