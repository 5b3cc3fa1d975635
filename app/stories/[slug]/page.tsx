import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/seo/JsonLd';
import { RelatedStories } from '@/components/story/RelatedStories';
import { StoryArticle } from '@/components/story/StoryArticle';
import { getStory, prerenderedStories } from '@/lib/content';
import { newsArticleJsonLd, storyBreadcrumb } from '@/lib/seo/json-ld';
import { storyMetadata } from '@/lib/seo/metadata';

// The newest stories are prerendered; any other renders on its first request and is then served from the
// server's cache until a publish changes it (POST /api/publish revalidates the paths that changed). Unknown
// slugs never get here: proxy.ts answers them with an uncached 404.
export const dynamicParams = true;

export async function generateStaticParams() {
  return (await prerenderedStories()).map((story) => ({ slug: story.slug }));
}

export async function generateMetadata({ params }: PageProps<'/stories/[slug]'>): Promise<Metadata> {
  const story = await getStory((await params).slug);
  return story ? storyMetadata(story) : {};
}

export default async function StoryPage({ params }: PageProps<'/stories/[slug]'>) {
  const story = await getStory((await params).slug);
  if (!story) notFound();
  return (
    <>
      <JsonLd data={newsArticleJsonLd(story)} />
      <JsonLd data={storyBreadcrumb(story)} />
      <StoryArticle story={story} />
      <RelatedStories story={story} />
    </>
  );
}
