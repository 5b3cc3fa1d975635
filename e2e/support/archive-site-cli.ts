/**
 * The archive site's background builder, started by e2e/global-setup.ts through archive-background.ts: builds and
 * serves the site, writes it down (or why it failed) and exits, leaving the server running.
 */
import { buildArchiveSiteHere } from './archive-background';

await buildArchiveSiteHere();
