import { test as teardown } from '@playwright/test';
import { stopArchiveSiteAndBuild } from './support/archive-background';

teardown('stop the archive site and remove its copy', async () => {
  await stopArchiveSiteAndBuild();
});
