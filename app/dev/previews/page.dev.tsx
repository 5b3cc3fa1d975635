/**
 * /dev/previews, for editors under `npm run dev` only (a `.dev.tsx` page: production builds never see it): the
 * drafts, the scheduled and the newest stories (or, with ?q=, those matching) with their social card, link card
 * and content:check's problems; what the fronts and the banner show; at the foot, every body block and a live
 * story with sample updates (lib/dev/live-sample.ts).
 */
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import path from 'node:path';
import { LivePage } from '@/components/live/LivePage';
import { UsesSheets } from '@/components/site/InlineStylesheet';
import { renderBlock } from '@/components/story/StoryBody';
import { getContent, getStory, isScheduled, loadDefaultSources, storyPath, validateContent } from '@/lib/content';
import { sampleBlocks } from '@/lib/dev/block-samples';
import { readLinkCard, type LinkCard } from '@/lib/dev/link-card';
import { sampleLiveStory } from '@/lib/dev/live-sample';
import { PlacementsPreview } from './PlacementsPreview';
import { PreviewSearch } from './PreviewSearch';
import { Problems, StoryPreview, type CheckedStory } from './StoryPreview';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Story previews', robots: { index: false, follow: false } };

/** Published stories shown besides drafts and scheduled ones; and at most this many search results. */
const RECENT = 12;
const MATCHES = 30;

async function fetchLinkCard(origin: string, pagePath: string): Promise<LinkCard | string> {
  try {
    // As a social network's crawler: Next puts metadata in <head> for such user agents, not streamed later.
    const response = await fetch(new URL(pagePath, origin), {
      cache: 'no-store',
      headers: { 'user-agent': 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' },
    });
    if (!response.ok) return `the story page answered ${response.status}`;
    return readLinkCard(await response.text());
  } catch (error) {
    return `the story page could not be fetched: ${String(error)}`;
  }
}

/** The stories matching `query` (slug or headline), else the drafts, the scheduled and the RECENT newest. */
function storiesToShow(stories: CheckedStory[], query: string) {
  const newestFirst = [...stories].sort((a, b) => Date.parse(b.story.postedAt) - Date.parse(a.story.postedAt));
  const needle = query.toLowerCase();
  const shown = query
    ? newestFirst.filter(({ story }) => story.slug.includes(needle) || story.headline.toLowerCase().includes(needle))
    : [
        ...newestFirst.filter(({ story }) => story.draft || isScheduled(story)),
        ...newestFirst.filter(({ story }) => !story.draft && !isScheduled(story)).slice(0, RECENT),
      ];
  return { found: shown.length, listed: shown.slice(0, query ? MATCHES : shown.length) };
}

export default async function StoryPreviewsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const requestHeaders = await headers();
  const origin = `${requestHeaders.get('x-forwarded-proto') ?? 'http'}://${requestHeaders.get('host')}`;
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
  const sources = await loadDefaultSources();
  const { problems, content } = await validateContent(sources, { publicDir: path.join(process.cwd(), 'public') });
  const invalid = sources.stories.filter((s) => !content.stories.some((v) => v.file === s.file));
  const { found, listed } = storiesToShow(content.stories, query);
  const cards = await Promise.all(listed.map(({ story }) => fetchLinkCard(origin, storyPath(story.slug))));
  const newest = (await getContent()).stories[0];
  // Not among search results: the sample is not a story to find.
  const liveSample = newest && !query ? await getStory(newest.slug) : undefined;

  return (
    <div className="previews">
      <UsesSheets sheets={['story', 'blocks', 'listings', 'dev']} />
      <h1>Story previews</h1>
      <p>
        How social networks will show the drafts, the scheduled stories and the {RECENT} newest published ones, of{' '}
        {content.stories.length} in all. Only under <code>npm run dev</code>; run <code>npm run content:check</code> for
        the full report.
      </p>
      <p>
        To show a story to someone before it is published, <code>npm run content:preview -- &lt;slug&gt;</code> prints a
        link to it on the running site. To rename a published story, keep its old slug in <code>previousSlugs</code>; to
        take one down, list it in <code>content/takedowns.ts</code> (CONTENT.md, “Renames and takedowns”).
      </p>
      <PlacementsPreview problems={problems} />
      <PreviewSearch query={query} found={found} shown={listed.length} />
      {invalid.length > 0 && (
        <section aria-labelledby="invalid-heading">
          <h2 id="invalid-heading">Stories that cannot be previewed yet</h2>
          <Problems problems={problems.filter((p) => invalid.some((s) => s.file === p.file))} />
        </section>
      )}
      {listed.map((checked, i) => (
        <StoryPreview
          key={checked.story.slug}
          checked={checked}
          card={cards[i]!}
          problems={problems.filter((p) => p.file === checked.file)}
          origin={origin}
          serverHost={requestHeaders.get('host') ?? ''}
        />
      ))}
      {newest && (
        <section aria-labelledby="blocks-heading" className="blocks-preview">
          <h2 id="blocks-heading">Every body block</h2>
          <p>
            Each block and inline form as a story page renders it (CONTENT.md, “Body blocks”); the newest story stands
            in for the photo and the story link.
          </p>
          <div className="story-body">{sampleBlocks(newest).map((block, i) => renderBlock(block, i, {}))}</div>
        </section>
      )}
      {liveSample && (
        <section aria-labelledby="live-heading" className="live-preview" data-live-preview>
          <h2 id="live-heading">A live story</h2>
          <p>
            The newest story as live coverage would show it (CONTENT.md, “Live coverage”), with sample updates: pinned,
            a key event, corrected and withdrawn. Open tabs of a real live page follow it; this sample does not.
          </p>
          <LivePage story={sampleLiveStory(liveSample)} follow={false} />
        </section>
      )}
    </div>
  );
}
