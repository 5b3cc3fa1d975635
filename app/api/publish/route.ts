import { syncContent } from '@/lib/publish/origin-sync';
import { isAuthorized } from '@/lib/publish/self-sync';

// The publish channel (docs/decisions/0023): `npm run content:publish` (with PUBLISH_SECRET) and this server's
// own start and embargo timer (with its own token). It takes no parameters: the origin reads the store's
// current version itself and revalidates what changed, so a request cannot name paths to render or purge.
export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'private, no-store' };

export async function POST(request: Request) {
  const auth = isAuthorized(request.headers.get('authorization'));
  // No detail: the same empty 401 whatever was wrong.
  if (!auth.ok) return new Response(null, { status: 401, headers: noStore });
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > 0 || request.body) {
    const body = await request.text();
    if (body.length > 0) return new Response('A publish request has no body.\n', { status: 400, headers: noStore });
  }
  try {
    const result = await syncContent({ purgeEdge: auth.internal });
    return Response.json(result, { headers: noStore });
  } catch (error) {
    console.error(`content: sync failed: ${(error as Error).message}`);
    return new Response(`This origin could not read the published content: ${(error as Error).message}\n`, {
      status: 503,
      headers: noStore,
    });
  }
}
