/**
 * /dev/previews — for editors, under `npm run dev` only (a `.dev.tsx` page: production builds never see it).
 * For the drafts, the scheduled stories and the newest published ones (or, with ?q=, the stories whose slug
 * or headline matches): the social card image, the link card a social network would draw from the story
 * page's real metadata, and what content:check says about it. Stories that fail the check are listed first.
 * At the foot, one of every body block and inline form, as the story page renders them.
 */
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import path from 'node:path';
import { renderBlock } from '@/components/story/StoryBody';
import { getContent, isScheduled, loadDefaultSources, storyPath } from '@/lib/content';
import { sampleBlocks } from '@/lib/dev/block-samples';
import { formatProblem, validateContent, type ContentProblem } from '@/lib/content/model/validate';
import { localImageUrl, readLinkCard, type LinkCard } from '@/lib/dev/link-card';
import { site } from '@/lib/site';

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

function Problems({ problems }: { problems: ContentProblem[] }) {
  if (problems.length === 0) return <p>content:check: no errors, no warnings.</p>;
  return (
    <ul className="preview-problems">
      {problems.map((p) => (
        <li key={formatProblem(p)}>
          <strong>{p.severity === 'error' ? 'Error' : 'Warning'}:</strong> <code>{formatProblem(p)}</code>
        </li>
      ))}
    </ul>
  );
}

function Card({ card, origin, serverHost }: { card: LinkCard; origin: string; serverHost: string }) {
  const host = new URL(card.url ?? origin).host;
  return (
    <div className="link-card" data-testid="link-card">
      {card.image ? (
        // eslint-disable-next-line @next/next/no-img-element -- shows the image exactly as the network would draw it
        <img
          src={localImageUrl(card.image, site.origin, serverHost)}
          alt={card.imageAlt ?? ''}
          width={600}
          height={315}
        />
      ) : (
        <p className="link-card__missing">No og:image: the network would draw a card without a picture.</p>
      )}
      <div className="link-card__text">
        <p className="link-card__site">{card.siteName ?? host}</p>
        <p className="link-card__title">{card.title ?? '(no title)'}</p>
        <p className="link-card__description">{card.description ?? '(no description)'}</p>
      </div>
      {card.image && (
        <p className="link-card__source">
          Networks fetch the image from <code>{card.image}</code>.
        </p>
      )}
    </div>
  );
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

  const newestFirst = [...content.stories].sort((a, b) => Date.parse(b.story.postedAt) - Date.parse(a.story.postedAt));
  const needle = query.toLowerCase();
  const shown = query
    ? newestFirst.filter(({ story }) => story.slug.includes(needle) || story.headline.toLowerCase().includes(needle))
    : [
        ...newestFirst.filter(({ story }) => story.draft || isScheduled(story)),
        ...newestFirst.filter(({ story }) => !story.draft && !isScheduled(story)).slice(0, RECENT),
      ];
  const listed = shown.slice(0, query ? MATCHES : shown.length);
  const cards = await Promise.all(listed.map(({ story }) => fetchLinkCard(origin, storyPath(story.slug))));
  const newest = (await getContent()).stories[0];

  return (
    <div className="previews">
      <h1>Story previews</h1>
      <p>
        How social networks will show the drafts, the scheduled stories and the {RECENT} newest published ones, of{' '}
        {content.stories.length} in all. Only under <code>npm run dev</code>; run <code>npm run content:check</code> for
        the full report.
      </p>
      <form method="get" role="search" className="previews__search">
        <label htmlFor="previews-q">Find a story by slug or headline</label>{' '}
        <input id="previews-q" name="q" type="search" defaultValue={query} /> <button type="submit">Find</button>
        {query && (
          <>
            {' '}
            <a href="/dev/previews">Show drafts, scheduled and recent</a>
          </>
        )}
      </form>
      {query && (
        <p role="status">
          {shown.length === 0
            ? `No story’s slug or headline contains “${query}”.`
            : `${shown.length} stor${shown.length === 1 ? 'y matches' : 'ies match'} “${query}”${shown.length > listed.length ? `; the newest ${listed.length} are shown` : ''}.`}
        </p>
      )}
      {invalid.length > 0 && (
        <section aria-labelledby="invalid-heading">
          <h2 id="invalid-heading">Stories that cannot be previewed yet</h2>
          <Problems problems={problems.filter((p) => invalid.some((s) => s.file === p.file))} />
        </section>
      )}
      {listed.map(({ file, story }, i) => {
        const card = cards[i]!;
        const status = story.draft ? 'Draft' : isScheduled(story) ? `Scheduled for ${story.publishAt}` : 'Published';
        return (
          <section
            key={story.slug}
            className="preview"
            aria-labelledby={`preview-${story.slug}`}
            data-slug={story.slug}
          >
            <h2 id={`preview-${story.slug}`}>
              <a href={storyPath(story.slug)}>{story.headline}</a>
            </h2>
            <p>
              {status} · <code>{file}</code>
            </p>
            <h3>Social card image</h3>
            <a href={`${storyPath(story.slug)}/opengraph-image`}>
              {/* eslint-disable-next-line @next/next/no-img-element -- the generated PNG itself, unoptimized */}
              <img
                src={`${storyPath(story.slug)}/opengraph-image`}
                alt={`Social card image for “${story.headline}”`}
                width={600}
                height={315}
              />
            </a>
            <h3>Link card</h3>
            {typeof card === 'string' ? (
              <p>Could not read the metadata: {card}.</p>
            ) : (
              <Card card={card} origin={origin} serverHost={requestHeaders.get('host') ?? ''} />
            )}
            <h3>Checks</h3>
            <Problems problems={problems.filter((p) => p.file === file)} />
          </section>
        );
      })}
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
    </div>
  );
}
