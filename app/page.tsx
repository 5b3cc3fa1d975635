import { JsonLd } from '@/components/seo/JsonLd';
import { LeadStory } from '@/components/site/LeadStory';
import { StoryList } from '@/components/site/StoryList';
import { ARCHIVE_PATH, getContent } from '@/lib/content';
import { organizationJsonLd, webSiteJsonLd } from '@/lib/seo/json-ld';
import { frontPageMetadata } from '@/lib/seo/metadata';
import { site } from '@/lib/site';

export const metadata = frontPageMetadata();

export default async function FrontPage() {
  const { stories } = await getContent();
  const [lead] = stories;
  // The lead and a bounded number of the latest: the page weighs the same at 10 stories or 100,000.
  const latest = stories.slice(1, 1 + site.listings.frontPageLatest);
  return (
    <div className="front">
      <JsonLd data={organizationJsonLd()} />
      <JsonLd data={webSiteJsonLd()} />
      <h1 className="visually-hidden">{site.name}: latest news</h1>
      {lead ? <LeadStory story={lead} /> : <p>No stories have been published yet.</p>}
      {latest.length > 0 && (
        <section className="latest" aria-labelledby="latest-heading">
          <h2 id="latest-heading">Latest</h2>
          <StoryList stories={latest} />
        </section>
      )}
      <p className="more-link">
        <a href={ARCHIVE_PATH}>Every story, by month: the archive</a>
      </p>
    </div>
  );
}
