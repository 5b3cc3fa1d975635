/**
 * The indexes built from the served listing are shared by every bundle of the server process
 * (lib/process-singleton.mjs): proxy.ts, the route handlers and the pages each have their own copy of a
 * module, and all of them get the same objects. The publish endpoint builds them before it answers
 * (buildIndexes in lib/publish/origin-sync.ts), so the first readers after a publish find them built.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as content from '@/lib/content';
import * as liveView from '@/lib/content/read/live-view';
import * as knownPaths from '@/lib/content/read/known-paths';
import { visibleAt } from '@/lib/content/model/embargoes';
import { sharedWeakMap } from '@/lib/process-singleton.mjs';
import { buildSnapshot, type SnapshotListing } from '@/lib/content/storage/snapshot';
import { buildIndexes } from '@/lib/publish/origin-sync';
import { checkContentTree } from '@/lib/content-check/check-tree';
import { PROJECT_ROOT } from '@/test/support/temp-project';

/** Another copy of a module, with its own module-level variables, as another bundle of the server has it. */
const secondCopy = <T>(file: string) =>
  import(`${pathToFileURL(path.join(PROJECT_ROOT, file)).href}?bundle=2`) as Promise<T>;

/** The site's own content as a snapshot listing, new each time (nothing built from it yet). */
async function servedListing(): Promise<SnapshotListing> {
  const check = await checkContentTree(PROJECT_ROOT);
  assert.equal(check.errors, 0);
  return JSON.parse(JSON.stringify(buildSnapshot(check.content).listing)) as SnapshotListing;
}

test('two copies of the content modules share the view and the known paths of the served listing', async () => {
  const listing = await servedListing();
  const now = new Date();
  const otherContent = await secondCopy<typeof liveView>('lib/content/read/live-view.ts');
  const otherPaths = await secondCopy<typeof knownPaths>('lib/content/read/known-paths.ts');
  assert.notEqual(otherContent.viewOf, liveView.viewOf, 'a second copy of the module');
  assert.equal(otherContent.viewOf(listing, now), liveView.viewOf(listing, now));
  assert.equal(otherPaths.pathViewAt(listing, now), knownPaths.pathViewAt(listing, now));
});

test('a sync builds the indexes pages and proxy.ts look up before it answers', async () => {
  const listing = await servedListing();
  const now = new Date();
  const views = sharedWeakMap<SnapshotListing, unknown>('live-views');
  const pathViews = sharedWeakMap<object, knownPaths.PathView>('path-views');
  const known = sharedWeakMap<knownPaths.PathView, unknown>('known-paths');
  const related = sharedWeakMap<object, unknown>('related');
  const archive = sharedWeakMap<object, unknown>('archive');
  assert.equal(views.has(listing), false, 'nothing built yet');

  buildIndexes(listing, now);
  const visible = visibleAt(listing, now);
  const stories = content.viewOf(listing, now).content.stories;
  assert.ok(views.has(listing), 'the resolved view');
  assert.ok(pathViews.has(visible) && known.has(pathViews.get(visible)!), 'the known paths and page counts');
  assert.ok(related.has(stories), 'the related-stories index');
  assert.ok(archive.has(stories), 'the archive by month');
});
