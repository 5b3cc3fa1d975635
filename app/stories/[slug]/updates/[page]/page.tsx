/**
 * An older page of a live story's updates, /stories/<slug>/updates/<n> (lib/content/model/live.ts): page 1
 * holds the first updates, so a full page never changes and a publish refreshes only the pages whose updates
 * did (lib/publish/changes.ts). proxy.ts answers a page that does not exist 404 before it renders.
 */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OlderUpdates } from '@/components/live/OlderUpdates';
import { getStory, updatePageCount, updatesPagePath } from '@/lib/content';
import { absoluteUrl } from '@/lib/site';

export const dynamicParams = true;
export const revalidate = 86400;

export function generateStaticParams() {
  return [];
}

async function olderPage(params: PageProps<'/stories/[slug]/updates/[page]'>['params']) {
  const { slug, page } = await params;
  const story = await getStory(slug);
  const n = /^[1-9][0-9]*$/.test(page) ? Number(page) : 0;
  if (!story?.live || n < 1 || n > updatePageCount(story.updates?.length ?? 0)) return undefined;
  return { story, page: n };
}

export async function generateMetadata({ params }: PageProps<'/stories/[slug]/updates/[page]'>): Promise<Metadata> {
  const found = await olderPage(params);
  if (!found) return {};
  return {
    title: `${found.story.headline}: updates, page ${found.page}`,
    description: found.story.summary,
    alternates: { canonical: absoluteUrl(updatesPagePath(found.story.slug, found.page)) },
  };
}

export default async function OlderUpdatesPage({ params }: PageProps<'/stories/[slug]/updates/[page]'>) {
  const found = await olderPage(params);
  if (!found) notFound();
  return <OlderUpdates story={found.story} page={found.page} />;
}
