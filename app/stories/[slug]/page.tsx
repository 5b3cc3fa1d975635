import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/seo/JsonLd';
import { RelatedStories } from '@/components/story/RelatedStories';
import { StoryArticle } from '@/components/story/StoryArticle';
import { getContent, getStory } from '@/lib/content';
import { newsArticleJsonLd, storyBreadcrumb } from '@/lib/seo/json-ld';
import { storyMetadata } from '@/lib/seo/metadata';

// Every story is prerendered; any other slug is a 404.
export const dynamicParams = false;

export async function generateStaticParams() {
  const { stories } = await getContent();
  return stories.map((story) => ({ slug: story.slug }));
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
