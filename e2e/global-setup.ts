/**
 * Run once, after the webServer's build is up and before any test: starts building the archive site in the
 * background (e2e/support/archive-background.ts) when the archive specs may run, so that build overlaps the other
 * specs. "May run": no file filter was given, or one names an archive spec (`archive`, `browse`); any other
 * filter leaves the build to the archive specs' worker fixture (e2e/support/archive-test.ts), which starts it when
 * nothing did.
 */
import { startArchiveSiteInBackground } from './support/archive-background';

/** The runner's arguments after `test` that are not options: its file filters (an option's value counts too). */
function fileFilters(argv: string[]): string[] {
  const start = argv.indexOf('test');
  return start < 0 ? [] : argv.slice(start + 1).filter((arg) => !arg.startsWith('-'));
}

export default function globalSetup() {
  const filters = fileFilters(process.argv);
  if (filters.length === 0 || filters.some((filter) => /archive|browse/.test(filter))) startArchiveSiteInBackground();
}
