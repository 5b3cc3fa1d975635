/**
 * A live story's page, served at the story's own address /stories/<slug>: proxy.ts marks the request and
 * next.config.js rewrites it here, so the plain story's route (app/stories/[slug]) and its JavaScript stay as
 * they were (docs/development/routes.md). This address itself answers 404 (proxy.ts).
 */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LivePage } from '@/components/live/LivePage';
import { liveStoryMetadata } from '@/components/live/live-metadata';
import { JsonLd } from '@/components/seo/JsonLd';
import { RelatedStories } from '@/components/story/RelatedStories';
import { getStory, prerenderedStories } from '@/lib/content';
import { newsArticleJsonLd, storyBreadcrumb } from '@/lib/seo/json-ld';

// Like a story page: rendered once, then kept until a publish revalidates it (lib/publish/story-pages.ts).
export const dynamicParams = true;
export const revalidate = 86400;

export async function generateStaticParams() {
  return (await prerenderedStories()).filter((story) => story.live).map((story) => ({ slug: story.slug }));
}

export async function generateMetadata({ params }: PageProps<'/live/[slug]'>): Promise<Metadata> {
  const story = await getStory((await params).slug);
  return story?.live ? liveStoryMetadata(story) : {};
}

export default async function LiveStoryPage({ params }: PageProps<'/live/[slug]'>) {
  const story = await getStory((await params).slug);
  if (!story?.live) notFound();
  return (
    <>
      <JsonLd data={newsArticleJsonLd(story)} />
      <JsonLd data={storyBreadcrumb(story)} />
      <LivePage story={story} />
      <RelatedStories story={story} />
    </>
  );
}
