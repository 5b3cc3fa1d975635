import { test as setup } from '@playwright/test';
import { ARCHIVE_STORIES, startArchiveSite } from './support/archive-site';

setup(`build and serve a synthetic archive of ${ARCHIVE_STORIES} stories`, async () => {
  setup.setTimeout(600_000);
  const site = await startArchiveSite();
  console.log(`archive site: ${site.url}, built in ${site.buildSeconds.toFixed(0)} s`);
});
