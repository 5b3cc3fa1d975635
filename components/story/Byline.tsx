import { authorPath, type Author } from '@/lib/content';

/** "By Park Ung" or "By A, B and C", each name linking to its author page. */
export function Byline({ authors }: { authors: Author[] }) {
  return (
    <p className="byline">
      By{' '}
      {authors.map((author, i) => (
        <span key={author.id}>
          {i > 0 && (i === authors.length - 1 ? ' and ' : ', ')}
          <a href={authorPath(author.id)} rel="author">
            {author.name}
          </a>
        </span>
      ))}
    </p>
  );
}
