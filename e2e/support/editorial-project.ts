/**
 * Stories written into a temp copy of the site besides the seed story: one draft, one story scheduled far in the
 * future and one published story with a kicker and a correction — for proving that neither of the first two
 * reaches any page, feed or sitemap of production once the copy is published.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import seed from '@/content/stories/2024/06/putin-heads-to-pyongyang';
import { storyFilePath } from '@/lib/content/model/validate';
import { PROJECT_ROOT, type TempProject } from '@/test/support/temp-project';

export const DRAFT = { slug: 'draft-story-kim-visits-seoul', headline: 'Draft headline Kim quietly visits Seoul' };
export const SCHEDULED = { slug: 'scheduled-story-summit-in-2099', headline: 'Scheduled headline summit set for 2099' };
/**
 * Published, with the editorial extras: a kicker and a correction. Its long headline mixes Korean, Latin
 * and an emoji, so its social card, drawn by a production origin, proves the bundled fonts cover them all.
 */
export const CORRECTED = {
  slug: 'corrected-story-with-kicker',
  headline:
    'Corrected headline with a kicker: 서울에서 열린 한러 외교 회담 🤝 and a long Latin tail that has to wrap over several lines',
  kicker: 'Analysis',
  corrections: [{ date: '2024-06-19T01:30:00Z', text: 'An earlier version misspelled the name of the academy.' }],
};

const storySource = (data: object) =>
  `import { defineStory } from '@/content/schema';\n\nexport default defineStory(${JSON.stringify(data, null, 2)});\n`;

/** Writes the three stories (and their photos) into `project`. */
export function writeEditorialStories(project: TempProject): void {
  const photo = readFileSync(path.join(PROJECT_ROOT, 'public/images/stories/putin-heads-to-pyongyang.jpg'));
  for (const [story, extra] of [
    [DRAFT, { draft: true }],
    // Posted when it goes live: content:check rejects a postedAt earlier than publishAt.
    [
      SCHEDULED,
      {
        publishAt: '2099-01-01T09:00:00+09:00',
        postedAt: '2099-01-01T09:00:00+09:00',
        updatedAt: '2099-01-01T09:00:00+09:00',
      },
    ],
    [CORRECTED, { updatedAt: '2024-06-19T10:30:00+09:00' }],
  ] as const) {
    project.write(`public/images/stories/${story.slug}.jpg`, photo);
    const data = { ...seed, ...story, ...extra };
    project.write(
      storyFilePath(story.slug, data.postedAt),
      storySource({
        ...data,
        summary: `${story.headline}: a summary that must never be published early.`,
        leadPhoto: { ...seed.leadPhoto, src: `/images/stories/${story.slug}.jpg` },
      }),
    );
  }
}
