import { servedPhoto } from '@/lib/content';

/**
 * Photos a release's public/ lacks (public/ files are served before any route): those `content:publish` put
 * in the published store, for stories published after the build. Found by the src the content gives them.
 */
export async function GET(_request: Request, { params }: RouteContext<'/images/[...path]'>) {
  // proxy.ts answers for a name no story uses; a listed photo the store cannot give now is a failure.
  const photo = await servedPhoto(`/images/${(await params).path.join('/')}`);
  if (!photo) return new Response('Photo unavailable', { status: 503, headers: { 'Retry-After': '10' } });
  // Cache-Control: next.config.js, as for every file under /images.
  return new Response(new Uint8Array(photo.bytes), {
    headers: { 'Content-Type': photo.type, ETag: `"${photo.sha256}"` },
  });
}
