import type { Inline } from '@/lib/content';
import { InlineText } from './InlineText';

interface TableBlockProps {
  caption: string;
  header: string[];
  rows: Inline[][][];
  /** Unique on the page: names the scroll region after the caption. */
  id: string;
}

/**
 * A table keeps its columns on a phone: it scrolls sideways inside its own region (the page never widens),
 * a region a keyboard can focus and scroll, named by the caption.
 */
export function TableBlock({ caption, header, rows, id }: TableBlockProps) {
  const captionId = `${id}-caption`;
  return (
    <div className="table-block">
      <div className="table-block__scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table>
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              {header.map((heading, i) => (
                <th key={i} scope="col">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>
                    <InlineText nodes={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
