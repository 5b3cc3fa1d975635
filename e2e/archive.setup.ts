import { test as setup } from '@playwright/test';
import { ARCHIVE_STORIES } from './support/archive-site';
import { waitForArchiveSite } from './support/archive-background';

setup(`build and serve a synthetic archive of ${ARCHIVE_STORIES} stories`, async () => {
  setup.setTimeout(600_000);
  const waited = performance.now();
  const site = await waitForArchiveSite();
  const how = site.inBackground
    ? `in the background, waited for here ${((performance.now() - waited) / 1000).toFixed(0)} s`
    : 'here';
  console.log(`archive site: ${site.url}, built in ${site.buildSeconds.toFixed(0)} s (${how})`);
});
