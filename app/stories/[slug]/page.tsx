import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/seo/JsonLd';
import { UsesSheets } from '@/components/site/InlineStylesheet';
import { RelatedStories } from '@/components/story/RelatedStories';
import { StoryArticle } from '@/components/story/StoryArticle';
import { contentNow, getStory, prerenderedStories, storyProblems } from '@/lib/content';
import { newsArticleJsonLd, storyBreadcrumb } from '@/lib/seo/json-ld';
import { storyMetadata } from '@/lib/seo/metadata';

// The newest stories are prerendered; any other renders on its first request and is then served from the
// server's cache until a publish changes it (POST /api/publish revalidates the paths that changed) or it is a
// day old. Unknown slugs never get here: proxy.ts answers them with an uncached 404.
export const dynamicParams = true;

// At most a day old: a story that turns a year older shows its age notice within a day (decision 0049).
export const revalidate = 86400;

export async function generateStaticParams() {
  return (await prerenderedStories()).map((story) => ({ slug: story.slug }));
}

export async function generateMetadata({ params }: PageProps<'/stories/[slug]'>): Promise<Metadata> {
  const story = await getStory((await params).slug);
  return story ? storyMetadata(story) : {};
}

export default async function StoryPage({ params }: PageProps<'/stories/[slug]'>) {
  const { slug } = await params;
  const story = await getStory(slug);
  if (!story) {
    // Under next dev, a story content:check refuses shows what to fix instead of its page.
    const problems = await storyProblems(slug);
    if (problems) return <StoryProblems slug={slug} problems={problems} />;
    notFound();
  }
  return (
    <>
      <JsonLd data={newsArticleJsonLd(story)} />
      <JsonLd data={storyBreadcrumb(story)} />
      <StoryArticle story={story} now={contentNow()} />
      <RelatedStories story={story} />
    </>
  );
}

function StoryProblems({ slug, problems }: { slug: string; problems: string[] }) {
  return (
    <div className="story-problems">
      <UsesSheets sheets={['dev']} />
      <h1>This story cannot be shown yet</h1>
      <p>
        content:check found {problems.length === 1 ? 'a problem' : `${problems.length} problems`} in <code>{slug}</code>
        . Fix {problems.length === 1 ? 'it' : 'each'} as the message says and reload; the build refuses the story until
        then.
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>
            <code>{problem}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
