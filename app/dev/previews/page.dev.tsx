/**
 * /dev/previews — for editors, under `npm run dev` only (a `.dev.tsx` page: production builds never see it).
 * For every story, drafts and scheduled ones too: its social card image, the link card a social network
 * would draw from the story page's real metadata, and what content:check says about it.
 */
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import path from 'node:path';
import { defaultSources, isScheduled, storyPath } from '@/lib/content';
import { formatProblem, validateContent, type ContentProblem } from '@/lib/content/validate';
import { readLinkCard, type LinkCard } from '@/lib/dev/link-card';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Story previews', robots: { index: false, follow: false } };

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

function Card({ card, origin }: { card: LinkCard; origin: string }) {
  const host = new URL(card.url ?? origin).host;
  return (
    <div className="link-card" data-testid="link-card">
      {card.image ? (
        // eslint-disable-next-line @next/next/no-img-element -- shows the image exactly as the network would fetch it
        <img src={card.image} alt={card.imageAlt ?? ''} width={600} height={315} />
      ) : (
        <p className="link-card__missing">No og:image: the network would draw a card without a picture.</p>
      )}
      <div className="link-card__text">
        <p className="link-card__site">{card.siteName ?? host}</p>
        <p className="link-card__title">{card.title ?? '(no title)'}</p>
        <p className="link-card__description">{card.description ?? '(no description)'}</p>
      </div>
    </div>
  );
}

export default async function StoryPreviewsPage() {
  const requestHeaders = await headers();
  const origin = `${requestHeaders.get('x-forwarded-proto') ?? 'http'}://${requestHeaders.get('host')}`;
  const sources = defaultSources();
  const { problems, content } = await validateContent(sources, { publicDir: path.join(process.cwd(), 'public') });
  const invalid = sources.stories.filter((s) => !content.stories.some((v) => v.file === s.file));
  const cards = await Promise.all(content.stories.map(({ story }) => fetchLinkCard(origin, storyPath(story.slug))));

  return (
    <div className="previews">
      <h1>Story previews</h1>
      <p>
        Every story, drafts and scheduled ones included, as social networks will show it. Only under{' '}
        <code>npm run dev</code>; run <code>npm run content:check</code> for the full report.
      </p>
      {invalid.length > 0 && (
        <section aria-labelledby="invalid-heading">
          <h2 id="invalid-heading">Stories that cannot be previewed yet</h2>
          <Problems problems={problems.filter((p) => invalid.some((s) => s.file === p.file))} />
        </section>
      )}
      {content.stories.map(({ file, story }, i) => {
        const card = cards[i]!;
        const status = story.draft ? 'Draft' : isScheduled(story) ? `Scheduled for ${story.publishAt}` : 'Published';
        return (
          <section key={story.slug} className="preview" aria-labelledby={`preview-${story.slug}`} data-slug={story.slug}>
            <h2 id={`preview-${story.slug}`}>
              <a href={storyPath(story.slug)}>{story.headline}</a>
            </h2>
            <p>
              {status} · <code>{file}</code>
            </p>
            <h3>Social card image</h3>
            <a href={`${storyPath(story.slug)}/opengraph-image`}>
              {/* eslint-disable-next-line @next/next/no-img-element -- the generated PNG itself, unoptimized */}
              <img src={`${storyPath(story.slug)}/opengraph-image`} alt={`Social card image for “${story.headline}”`} width={600} height={315} />
            </a>
            <h3>Link card</h3>
            {typeof card === 'string' ? <p>Could not read the metadata: {card}.</p> : <Card card={card} origin={origin} />}
            <h3>Checks</h3>
            <Problems problems={problems.filter((p) => p.file === file)} />
          </section>
        );
      })}
    </div>
  );
}
