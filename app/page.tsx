import { JsonLd } from '@/components/seo/JsonLd';
import { LeadStory } from '@/components/site/LeadStory';
import { StoryList } from '@/components/site/StoryList';
import { getContent } from '@/lib/content';
import { organizationJsonLd, webSiteJsonLd } from '@/lib/seo/json-ld';
import { frontPageMetadata } from '@/lib/seo/metadata';
import { site } from '@/lib/site';

export const metadata = frontPageMetadata();

export default async function FrontPage() {
  const { stories } = await getContent();
  const [lead] = stories;
  return (
    <div className="front">
      <JsonLd data={organizationJsonLd()} />
      <JsonLd data={webSiteJsonLd()} />
      <h1 className="visually-hidden">{site.name}: latest news</h1>
      {lead ? <LeadStory story={lead} /> : <p>No stories have been published yet.</p>}
      <section className="latest" aria-labelledby="latest-heading">
        <h2 id="latest-heading">Latest</h2>
        <StoryList stories={stories} />
      </section>
    </div>
  );
}
