/**
 * `npm run new-update`: scaffolds one update of a live story, content/stories/<year>/<month>/<slug>/<id>.ts beside
 * the story's file, posted now (KST), with an id no other file in the folder has (scripts/lib/update-scaffold.ts
 * writes it; CONTENT.md, "Live coverage"). Refuses a story that is not live coverage, or whose coverage ended.
 *
 *   npm run new-update -- <live story's slug> [--title "Missile lands in the sea"] [--key-event] [--text "…"] [--at <time>]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { coverageSchema, PLACEHOLDER } from '@/content/schema';
import { updateFileOf } from '@/lib/content/model/live';
import { closest } from '@/lib/content/model/validate';
import { fail, storyFilesBySlug } from '../lib/editor-cli';
import { nowInKst } from '../lib/story-scaffold';
import { updateId, updateSource } from '../lib/update-scaffold';

const root = path.resolve(import.meta.dirname, '../..');
const USAGE =
  'npm run new-update -- <live story\'s slug> [--title "…"] [--key-event] [--text "…"] [--at <time with offset>]';

/** The live story's file and its coverage; refuses a slug with no story, or a story that is not live now. */
async function liveStory(slug: string, postedAt: string) {
  const files = storyFilesBySlug(root);
  const file = files.get(slug);
  if (!file) {
    const guess = closest(slug, [...files.keys()]);
    fail(`no story has the slug "${slug}"${guess ? ` — did you mean "${guess}"?` : ''} Run ${USAGE}`);
  }
  const story = ((await import(pathToFileURL(path.join(root, file)).href)) as { default?: { live?: unknown } }).default;
  if (!story?.live)
    fail(
      `${file} is not live coverage — an update belongs to a live story: add live: { startedAt: '${postedAt}' } to it (or scaffold one with npm run new-story -- --live)`,
    );
  const coverage = coverageSchema.safeParse(story.live);
  if (!coverage.success) fail(`${file} › live: is not valid — run npm run content:check to see why, and fix it first`);
  const { startedAt, endedAt } = coverage.data;
  if (endedAt)
    fail(
      `${file}'s coverage ended at ${endedAt} — no update can be posted after it: to reopen the coverage, remove live.endedAt from the story first`,
    );
  if (Date.parse(postedAt) < Date.parse(startedAt))
    fail(
      `${postedAt} is before ${file}'s coverage started (live.startedAt is ${startedAt}) — post it later, or correct live.startedAt`,
    );
  return file;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      'key-event': { type: 'boolean', default: false },
      text: { type: 'string' },
      /** When it was posted, if not now (an update written up late): an ISO 8601 time with an offset. */
      at: { type: 'string' },
    },
  });
  const [slug, ...extra] = positionals;
  if (!slug || extra.length > 0) fail(`give the live story's slug, once — ${USAGE}`);
  const title = values.title?.trim() || undefined;
  if (values['key-event'] && !title)
    fail('a key event needs a title: the key events list shows titles — add --title "…"');
  const when = values.at ? new Date(values.at) : new Date();
  if (Number.isNaN(when.getTime()))
    fail(`--at "${values.at}" is not a time — write it like 2026-12-02T09:15:00+09:00, or leave --at out for now`);
  const postedAt = nowInKst(when, { seconds: true });
  const storyFile = await liveStory(slug, postedAt);

  const fileOf = (id: string) => updateFileOf(storyFile, id);
  // A file of that id, .ts or .tsx, is taken: the next id gets a counter, so no run overwrites another's file.
  const id = updateId(postedAt, title, (candidate) =>
    ['', 'x'].some((x) => existsSync(path.join(root, `${fileOf(candidate)}${x}`))),
  );
  const file = fileOf(id);
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  // 'wx': fails rather than overwrite, should another run have written the same file since the check above.
  try {
    writeFileSync(
      path.join(root, file),
      updateSource({ id, postedAt, title, keyEvent: values['key-event'], text: values.text }),
      { flag: 'wx' },
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    fail(`${file} was written by another run just now — run npm run new-update again for the next id`);
  }
  console.log(
    `✔ Created ${file}, posted ${postedAt}: #update-${id} on /stories/${slug} once published.
Next: ${values.text ? 'check the text' : `replace the ${PLACEHOLDER} with the update`} (any body block works), then run npm run content:publish: readers and open tabs get it within seconds.`,
  );
}

await main();
