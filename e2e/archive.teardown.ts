import { test as teardown } from '@playwright/test';
import { stopArchiveSite } from './support/archive-site';

teardown('stop the archive site and remove its copy', async () => {
  await stopArchiveSite();
});
