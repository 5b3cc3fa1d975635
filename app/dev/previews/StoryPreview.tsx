/** One story on /dev/previews: its social card image, its link card and what content:check says of it. */
import { formatProblem, isScheduled, storyPath, type ContentProblem, type validateContent } from '@/lib/content';
import { localImageUrl, type LinkCard } from '@/lib/dev/link-card';
import { site } from '@/lib/site';

export type CheckedStory = Awaited<ReturnType<typeof validateContent>>['content']['stories'][number];

export function Problems({ problems }: { problems: ContentProblem[] }) {
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

function LinkCardPreview({ card, origin, serverHost }: { card: LinkCard; origin: string; serverHost: string }) {
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

export function StoryPreview({
  checked: { file, story },
  card,
  problems,
  origin,
  serverHost,
}: {
  checked: CheckedStory;
  /** The link card read from the story page, or why it could not be. */
  card: LinkCard | string;
  problems: ContentProblem[];
  origin: string;
  serverHost: string;
}) {
  const status = story.draft ? 'Draft' : isScheduled(story) ? `Scheduled for ${story.publishAt}` : 'Published';
  return (
    <section className="preview" aria-labelledby={`preview-${story.slug}`} data-slug={story.slug}>
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
        <LinkCardPreview card={card} origin={origin} serverHost={serverHost} />
      )}
      <h3>Checks</h3>
      <Problems problems={problems} />
    </section>
  );
}
