import { servedSearchFile } from '@/lib/content';

// The search index (Pagefind's files) of the content this server serves: written by `content:publish` for each
// version, by `npm run build` for the build's (docs/operations/publishing.md). Read per request from the store.
export const dynamic = 'force-dynamic';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
};

export async function GET(_request: Request, { params }: RouteContext<'/pagefind/[...file]'>) {
  const name = (await params).file.join('/');
  const bytes = await servedSearchFile(name);
  if (!bytes)
    return new Response('Not found\n', {
      status: 404,
      headers: { 'Cache-Control': 'private, no-store', 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const extension = name.slice(name.lastIndexOf('.'));
  return new Response(new Uint8Array(bytes), {
    headers: { 'Content-Type': TYPES[extension] ?? 'application/octet-stream' },
  });
}
