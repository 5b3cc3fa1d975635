import { getStory, prerenderedStories } from '@/lib/content';
import { CROP_RATIOS, cropPhoto, isCropRatio } from '@/lib/seo/photo-crops';

// The lead photo's 16:9, 4:3 and 1:1 crops for structured data: cut at build for the prerendered stories,
// on first request (then cached) for the rest, like the page.
export const dynamic = 'force-static';
export const dynamicParams = true;

export async function generateStaticParams() {
  return (await prerenderedStories()).flatMap((story) => CROP_RATIOS.map((ratio) => ({ slug: story.slug, ratio })));
}

export async function GET(_request: Request, { params }: RouteContext<'/stories/[slug]/images/[ratio]'>) {
  const { slug, ratio } = await params;
  const story = await getStory(slug);
  if (!story || !isCropRatio(ratio)) return new Response('Not found', { status: 404 });
  const jpeg = await cropPhoto(story.leadPhoto, ratio);
  return new Response(new Uint8Array(jpeg), { headers: { 'Content-Type': 'image/jpeg' } });
}
