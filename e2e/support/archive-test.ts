/**
 * `test` and `expect` for the specs on the archive site (archive-site.ts). A worker fixture waits, once per worker,
 * for the site global-setup started building in the background (or starts that build when nothing did). So these
 * specs run beside the others: a project dependency (a setup project, as they had before) makes a project wait
 * for every other spec to end, which put their minute at the end of every run.
 */
import { test as base } from '@playwright/test';
import { ensureArchiveSite } from './archive-background';

export const test = base.extend<object, { archiveSite: void }>({
  archiveSite: [
    async ({}, use) => {
      const waited = performance.now();
      const site = await ensureArchiveSite();
      const seconds = ((performance.now() - waited) / 1000).toFixed(0);
      console.log(
        `archive site: ${site.url}, built in ${site.buildSeconds.toFixed(0)} s (waited for here ${seconds} s)`,
      );
      await use();
    },
    { scope: 'worker', auto: true, timeout: 600_000 },
  ],
});

export { expect } from '@playwright/test';
