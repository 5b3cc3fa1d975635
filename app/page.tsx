import { JsonLd } from '@/components/seo/JsonLd';
import { UsesSheets } from '@/components/site/InlineStylesheet';
import { LeadStory } from '@/components/site/LeadStory';
import { StoryList } from '@/components/site/StoryList';
import { TopStories } from '@/components/site/TopStories';
import { ARCHIVE_PATH, getFront } from '@/lib/content';
import { organizationJsonLd, webSiteJsonLd } from '@/lib/seo/json-ld';
import { frontPageMetadata } from '@/lib/seo/metadata';
import { site } from '@/lib/site';

export const metadata = frontPageMetadata();

export default async function FrontPage() {
  // The editors' lead and top stories (content/fronts.ts), then a bounded number of the newest: the page
  // weighs the same at 10 stories or 100,000.
  const { placed, latest } = await getFront(undefined, site.listings.frontPageLatest + 1);
  const [leadPlacement, ...top] = placed;
  const lead = leadPlacement?.story ?? latest[0];
  const rest = leadPlacement ? latest.slice(0, site.listings.frontPageLatest) : latest.slice(1);
  return (
    <div className="front">
      <UsesSheets sheets={['listings']} />
      <JsonLd data={organizationJsonLd()} />
      <JsonLd data={webSiteJsonLd()} />
      <h1 className="visually-hidden">{site.name}: latest news</h1>
      {lead ? <LeadStory story={lead} /> : <p>No stories have been published yet.</p>}
      <TopStories placed={top} />
      {rest.length > 0 && (
        <section className="latest" aria-labelledby="latest-heading">
          <h2 id="latest-heading">Latest</h2>
          <StoryList stories={rest} />
        </section>
      )}
      <p className="more-link">
        <a href={ARCHIVE_PATH}>Every story, by month: the archive</a>
      </p>
    </div>
  );
}
