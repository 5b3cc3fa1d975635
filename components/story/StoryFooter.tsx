import { KstTime } from '@/components/ui/KstTime';
import { sectionPath, tagPath, type Story } from '@/lib/content';
import { ShareBar } from './ShareBar';
import { PAGE_ANCHORS } from '@/lib/page-anchors';

/** Share, corrections, then the story's section and tags as links to their pages. */
export function StoryFooter({ story }: { story: Story }) {
  return (
    <footer className="story-footer">
      <ShareBar story={story} />
      {story.corrections && story.corrections.length > 0 && (
        <section className="corrections" aria-labelledby={PAGE_ANCHORS.corrections}>
          <h2 id={PAGE_ANCHORS.corrections}>Corrections</h2>
          <ul>
            {story.corrections.map((c) => (
              <li key={c.date + c.text}>
                <KstTime instant={c.date} />: {c.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      <nav className="topics" aria-label="Topics">
        <ul>
          <li>
            <a href={sectionPath(story.section.id)}>{story.section.name}</a>
          </li>
          {story.tags.map((tag) => (
            <li key={tag.id}>
              <a href={tagPath(tag.id)} rel="tag">
                {tag.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </footer>
  );
}
