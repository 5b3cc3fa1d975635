/**
 * A preview link (npm run content:preview; docs/decisions/0047-preview-links.md): the story as its file stood
 * when the link was made, drafts and scheduled stories included, with the story page's own components. Always
 * rendered on request, never stored (next.config.js: private, no-store; noindex); any token that is not valid
 * now is the plain 404 (proxy.ts answers it first).
 */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RelatedStories } from '@/components/story/RelatedStories';
import { StoryArticle } from '@/components/story/StoryArticle';
import { contentNow, getPreview } from '@/lib/content';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/preview/[token]'>): Promise<Metadata> {
  const preview = await getPreview((await params).token);
  return {
    ...(preview ? { title: `Preview: ${preview.story.headline}` } : {}),
    robots: { index: false, follow: false },
  };
}

export default async function PreviewPage({ params }: PageProps<'/preview/[token]'>) {
  const preview = await getPreview((await params).token);
  if (!preview) notFound();
  return (
    <>
      <StoryArticle story={preview.story} now={contentNow()} previewExpires={preview.expires} />
      <RelatedStories story={preview.story} />
    </>
  );
}
