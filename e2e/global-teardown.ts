/** Run once, after every test: stops the archive site's background build or server if nothing else did. */
import { stopArchiveSiteAndBuild } from './support/archive-background';

export default async function globalTeardown() {
  await stopArchiveSiteAndBuild();
}
