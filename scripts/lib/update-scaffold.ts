/**
 * What `npm run new-update` writes: one live update's file, content/stories/<year>/<month>/<slug>/<id>.ts beside
 * its live story (decision 0053), its id from the KST time so two editors posting in the same minute write two
 * files, never one.
 */
import { PLACEHOLDER } from '@/content/schema';
import { q, slugFromHeadline } from './story-scaffold';

/** How many words of the title the id keeps: enough to tell updates apart in a folder listing. */
const ID_TITLE_WORDS = 4;

/**
 * An update's id from its posted time (KST, "2026-12-02T09:15:37+09:00"): `20261202-0915-<title words>` with a
 * title, else `20261202-091537` (to the second); `-2`, `-3`, … after it while `taken(id)` says a file has it.
 */
export function updateId(postedAt: string, title: string | undefined, taken: (id: string) => boolean): string {
  const [, date, hour, minute, second] = /^(\d{4}-\d\d-\d\d)T(\d\d):(\d\d):(\d\d)/.exec(postedAt)!;
  const words = title ? slugFromHeadline(title).split('-').filter(Boolean).slice(0, ID_TITLE_WORDS).join('-') : '';
  const base = `${date!.replace(/-/g, '')}-${hour}${minute}${words ? `-${words}` : second}`;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

export function updateSource(fields: {
  id: string;
  postedAt: string;
  title?: string;
  keyEvent?: boolean;
  /** The update's first paragraph; without it, a placeholder content:check refuses until it is replaced. */
  text?: string;
}): string {
  const text =
    fields.text ??
    `${PLACEHOLDER}: what happened. Add one { type: "paragraph", text: "…" } block per paragraph; an update takes every block a story body does.`;
  return `import { defineUpdate } from '@/content/schema';

// Scaffolded by npm run new-update. Write the update, then run npm run content:publish. CONTENT.md, "Live coverage".
export default defineUpdate({
  // Never change the id: it is the file's name and the update's address (#update-<id>).
  id: ${q(fields.id)},
  postedAt: ${q(fields.postedAt)},
${fields.title ? `  title: ${q(fields.title)},\n` : `  // title: 'A short headline for the update',\n`}${fields.keyEvent ? '  keyEvent: true,\n' : ''}  body: [
    {
      type: 'paragraph',
      text: ${q(text)},
    },
  ],
});
`;
}
