import { getContent } from '@/lib/content';

export const metadata = { title: 'Page not found', robots: { index: false } };

// Headlines only, no story cards: as the root's not-found boundary, this markup is in every page's flight
// data (decision 0052), so each byte here is paid by every page a reader opens.
export default async function NotFound() {
  const { stories } = await getContent();
  return (
    <div className="not-found">
      <h1>We can’t find that page</h1>
      <p>
        The address may be mistyped, or the page may have moved. Try the <a href="/">front page</a>, or one of our
        latest stories:
      </p>
      <ul>
        {stories.slice(0, 5).map((story) => (
          <li key={story.slug}>
            <a href={story.path}>{story.headline}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
