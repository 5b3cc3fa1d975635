/**
 * `npm run content:preview <slug> [--hours N]`: a link on the running site that shows one story as its file
 * stands now, drafts and scheduled stories included, to anyone who has it until it expires; readers see nothing
 * of it (docs/operations/publishing.md, "Preview links"; decision 0047). Env: as content:publish's store and
 * secret (REDIS_URL or CONTENT_STORE_DIR, PUBLISH_SECRET), SITE_URL for the address printed.
 */
import path from 'node:path';
import { checkContentTree, problemLines } from '@/lib/content-check/check-tree';
import { previewHash, previewRecordOf } from '@/lib/content/model/preview';
import { openPublishedStore } from '@/lib/content/storage/open-store';
import { DiskStore } from '@/lib/content/storage/store';
import { DEFAULT_PREVIEW_HOURS, MAX_PREVIEW_HOURS, PREVIEW_PATH, signPreviewToken } from '@/lib/preview/token';
import { ensurePublishSecret } from '@/lib/publish/secret';
import { storePhotos } from '@/lib/publish/steps/store';
import { absoluteUrl } from '@/lib/site';
import { formatKstDateTime } from '@/lib/time';

const root = path.resolve(import.meta.dirname, '../..');
const USAGE = `Usage: npm run content:preview -- <slug> [--hours N]   (N from 1 to ${MAX_PREVIEW_HOURS}; default ${DEFAULT_PREVIEW_HOURS})`;

/** The slug and the hours, or a message saying what is wrong with the arguments. */
export function previewArguments(args: string[]): { slug: string; hours: number } | string {
  let hours = DEFAULT_PREVIEW_HOURS;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = arg === '--hours' ? args[++i] : arg.startsWith('--hours=') ? arg.slice(8) : undefined;
    if (value === undefined && arg.startsWith('--')) return `Unknown option ${arg}.\n${USAGE}`;
    if (value === undefined) rest.push(arg);
    else {
      hours = Number(value);
      if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_PREVIEW_HOURS)
        return `--hours must be a number of hours above 0 and at most ${MAX_PREVIEW_HOURS}; got "${value ?? ''}".\n${USAGE}`;
    }
  }
  if (rest.length !== 1) return `Name one story by its slug (its file name without ".ts").\n${USAGE}`;
  return { slug: rest[0]!, hours };
}

async function main(): Promise<number> {
  const args = previewArguments(process.argv.slice(2));
  if (typeof args === 'string') return (console.error(args), 1);
  const { slug, hours } = args;
  const check = await checkContentTree(root);
  // Only this story's own problems stop its preview: errors elsewhere stop content:publish, not this.
  const own = (file: string) => path.basename(file).replace(/\.tsx?$/, '') === slug;
  const mine = { ...check, problems: check.problems.filter((p) => own(p.file)) };
  if (mine.problems.length > 0) console.log(problemLines(mine).join('\n'));
  if (mine.problems.some((p) => p.severity === 'error')) {
    console.error(
      `\n✖ ${slug} has errors: fix each as its message says (CONTENT.md explains every message). No link was made.`,
    );
    return 1;
  }
  const elsewhere = check.errors - mine.problems.filter((p) => p.severity === 'error').length;
  if (elsewhere > 0)
    console.log(
      `(${elsewhere} error${elsewhere === 1 ? '' : 's'} in other files: they stop content:publish, not this preview.)`,
    );
  const record = previewRecordOf(check.content, slug);
  if (typeof record === 'string') return (console.error(`✖ No preview: ${record}.`), 1);

  const store = openPublishedStore(process.env, root)!;
  try {
    const secret = ensurePublishSecret(store instanceof DiskStore ? store.dir : undefined);
    // The store's clock when it has one: origins check the expiry by it (lib/content/serving/content-clock.ts).
    const now = store.time ? await store.time() : Date.now();
    const expires = Math.floor(now / 1000 + hours * 3600);
    await storePhotos(root, store, record.images);
    const hash = previewHash(record);
    await store.writePreview(hash, record, new Date(expires * 1000));
    const url = absoluteUrl(`${PREVIEW_PATH}${signPreviewToken({ slug, hash, expires }, secret)}`);
    const { draft, publishAt } = record.story;
    const state = draft
      ? 'a draft'
      : publishAt && Date.parse(publishAt) > now
        ? `scheduled for ${formatKstDateTime(publishAt)} KST`
        : 'as its file stands';
    console.log(`\nPreview of "${record.story.headline}" (${state}), in ${store.description}:\n\n  ${url}\n`);
    console.log(
      `Anyone with this link can read the story as its file stands now, until ${formatKstDateTime(new Date(expires * 1000))} KST (${hours} hours). ` +
        'Readers see nothing of it. To see a later edit, run content:preview again; rotating the publish secret ends every link.',
    );
    return 0;
  } finally {
    await store.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename)
  main().then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      console.error(`✖ ${error.message}\nNo link was made.`);
      process.exitCode = 1;
    },
  );
