import { liveListing, livePhoto } from '@/lib/content/serving/served-content';
import { photoContentType } from '@/lib/content/serving/photos';

/**
 * Photos a release's public/ lacks (public/ files are served before any route): those `content:publish` put
 * in the published store, for stories published after the build. Found by the src the content gives them.
 */
export async function GET(_request: Request, { params }: RouteContext<'/images/[...path]'>) {
  const src = `/images/${(await params).path.join('/')}`;
  const file = (await liveListing()).images[src];
  const type = photoContentType(src);
  // proxy.ts answers for a name no story uses; a listed photo the store cannot give now is a failure.
  const bytes = file && type ? await livePhoto(file.sha256) : undefined;
  if (!bytes) return new Response('Photo unavailable', { status: 503, headers: { 'Retry-After': '10' } });
  // Cache-Control: next.config.js, as for every file under /images.
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': type!, ETag: `"${file!.sha256}"` } });
}
