/**
 * A photo of a preview link that readers' pages do not serve yet (a new one, or a file replaced under the same
 * name): only while the link is valid, only a photo the preview shows, by its content hash (decision 0047).
 */
import { previewPhoto } from '@/lib/content';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: RouteContext<'/preview/[token]/photos/[photo]'>) {
  const { token, photo } = await params;
  const found = await previewPhoto(token, photo);
  // Cache-Control and X-Robots-Tag: next.config.js, as for everything under /preview/.
  if (!found) return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  return new Response(new Uint8Array(found.bytes), { headers: { 'Content-Type': found.type } });
}
