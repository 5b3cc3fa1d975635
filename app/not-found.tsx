import { StoryList } from '@/components/site/StoryList';
import { getContent } from '@/lib/content';

export const metadata = { title: 'Page not found', robots: { index: false } };

export default async function NotFound() {
  const { stories } = await getContent();
  return (
    <div className="not-found">
      <h1>We can’t find that page</h1>
      <p>
        The address may be mistyped, or the page may have moved. Try the <a href="/">front page</a>, or one of our
        latest stories:
      </p>
      <StoryList stories={stories.slice(0, 5)} headingLevel={2} />
    </div>
  );
}
