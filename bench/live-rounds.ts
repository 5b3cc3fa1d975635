/**
 * bench:live's measurements on a running rig (./publish-rig.ts): the archive's live stories found as editors
 * wrote them, one update published and timed through the edge and in an open tab, and simulated open tabs
 * polling through the edge while the origins' requests are counted.
 */
import { chromium } from 'playwright';
import { liveStatusPath } from '../lib/content/model/live';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium';
import { request } from '../test/support/edge-harness';
import { liveStories, type SyntheticManifest } from '../test/support/synthetic-archive';
import { PHONE } from './measure';
import { until, via, type Rig } from './publish-rig';

export interface LiveStory {
  slug: string;
  file: string;
  updates: number;
}

export interface LiveStoryFiles {
  /** The live story still open, which updates are published to. */
  open: LiveStory;
  /** An ended one with about 30 updates, and the one with the most. */
  short: LiveStory;
  long: LiveStory;
}

/** The archive's live stories from its manifest: the open one, and the ended ones by their update count. */
export function liveStoriesOf(manifest: SyntheticManifest): LiveStoryFiles {
  const stories = liveStories(manifest).map((s) => ({
    slug: s.slug,
    file: s.file,
    updates: s.live!.updates,
    ended: !!s.live!.endedAt,
  }));
  const open = stories.find((s) => !s.ended);
  const ended = stories.filter((s) => s.ended).sort((a, b) => a.updates - b.updates);
  if (!open || ended.length < 2) throw new Error('the archive has no open live story, or fewer than two ended ones');
  const short = ended.reduce((best, s) => (Math.abs(s.updates - 30) < Math.abs(best.updates - 30) ? s : best));
  return { open, short, long: ended.at(-1)! };
}

/** An instant in KST with its offset, as editors write times. */
const kstNow = () => `${new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 19)}+09:00`;

/** Writes one update into the live story's folder, as `npm run new-update` would; returns its id. */
export function writeUpdate(rig: Rig, story: LiveStory, label: string): string {
  const id = `bench-${label}-${Date.now().toString(36)}`;
  const data = {
    id,
    postedAt: kstNow(),
    title: `Bench update ${label}`,
    body: [{ type: 'paragraph', text: `Bench update ${label} reaches readers.` }],
  };
  const file = `${story.file.replace(/\.ts$/, '')}/${id}.ts`;
  rig.project.write(
    file,
    `import { defineUpdate } from '@/content/schema';\n\nexport default defineUpdate(${JSON.stringify(data, null, 2)});\n`,
  );
  rig.written.push(file);
  return id;
}

let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;

/** One update published: seconds until the live page through the edge has it, and until an open tab shows it. */
export async function publishUpdate(rig: Rig, story: LiveStory, round: number) {
  browser ??= await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height }, isMobile: true });
  const tab = await context.newPage();
  try {
    await tab.goto(`${rig.edge!.url}/stories/${story.slug}`, { waitUntil: 'networkidle' });
    const id = writeUpdate(rig, story, `round-${round}`);
    const anchor = `update-${id}`;
    const t0 = performance.now();
    const running = rig.publisher!.run();
    const shown = tab
      .waitForFunction(
        (anchorId) =>
          !!document.getElementById(anchorId) || !!document.querySelector('[data-live-new-updates]:not([hidden])'),
        anchor,
        { timeout: 60_000, polling: 100 },
      )
      .then(() => (performance.now() - t0) / 1000)
      .catch(() => undefined);
    const page = await until(t0, async () =>
      (await via(rig, `/stories/${story.slug}`)).body.includes(`id="${anchor}"`),
    );
    const run = await running;
    if (run.code !== 0) throw new Error(`content:publish failed:\n${run.out}`);
    return { purged: run.purged, page, tab: await shown };
  } finally {
    await context.close();
  }
}

export const closeLiveBrowser = () => browser?.close();

/**
 * `tabs` simulated open tabs, each asking the live story's status through the edge every 10 s (started spread over
 * the first 10 s) and, when it changed, the live page (what the follower does); one update is published half-way.
 * Counts what reached the origins.
 */
export async function pollingLoad(rig: Rig, story: LiveStory, tabs: number, seconds: number) {
  const statusPath = liveStatusPath(story.slug);
  const originTotal = () => rig.origins.reduce((sum, o) => sum + o.requests, 0);
  const originStatus = () => rig.origins.reduce((sum, o) => sum + o.count(statusPath), 0);
  const before = { all: originTotal(), status: originStatus() };
  const counts = { status: 0, pages: 0, errors: 0 };
  const end = Date.now() + seconds * 1000;
  const tab = async (i: number) => {
    let last = '';
    await new Promise((r) => setTimeout(r, (i / tabs) * 10_000));
    while (Date.now() < end) {
      const asked = Date.now();
      const answer = await via(rig, statusPath).catch(() => ({ status: 0, body: '' }));
      counts.status++;
      if (answer.status !== 200) counts.errors++;
      else if (last && answer.body !== last) {
        counts.pages++;
        const page = await request(rig.edge!.url, `/stories/${story.slug}`).catch(() => ({ status: 0 }));
        if (page.status !== 200) counts.errors++;
      }
      if (answer.status === 200) last = answer.body;
      await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - asked))));
    }
  };
  const halfway = new Promise<void>((resolve) =>
    setTimeout(
      () => {
        writeUpdate(rig, story, `polling-${tabs}`);
        void rig.publisher!.run().then(() => resolve());
      },
      (seconds * 1000) / 2,
    ),
  );
  await Promise.all([...Array.from({ length: tabs }, (_, i) => tab(i)), halfway]);
  const minutes = seconds / 60;
  return {
    tabs,
    tabRequestsPerMinute: Math.round(counts.status / minutes),
    tabPageLoads: counts.pages,
    errors: counts.errors,
    originRequestsPerMinute: Math.round((originTotal() - before.all) / minutes),
    originStatusRequestsPerMinute: Math.round((originStatus() - before.status) / minutes),
  };
}
