import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

/** System browsers, in the order they are tried: Debian's Chromium first, then the usual Chrome places. */
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export const NO_BROWSER_MESSAGE =
  'No Chromium found for the browser tests and benchmarks. Get one either way:\n' +
  '  - a system Chromium: `sudo apt-get install -y chromium` on Debian/Ubuntu (gives /usr/bin/chromium), or Chrome;\n' +
  "  - Playwright's own: `npx playwright install chromium`.\n" +
  'Or point CHROMIUM_PATH at any Chrome or Chromium binary.';

/** Where Playwright's own downloaded Chromium lives, whether or not it has been installed. */
function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/**
 * The Chromium binary for tests and benchmarks: $CHROMIUM_PATH when set; else a system Chromium or
 * Chrome; else Playwright's installed Chromium; else an error saying how to get one.
 */
export function findChromium(exists: (path: string) => boolean = existsSync): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!exists(fromEnv))
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.\n\n${NO_BROWSER_MESSAGE}`);
    return fromEnv;
  }
  const found = [...SYSTEM_BROWSERS, playwrightChromium()].find((path): path is string => !!path && exists(path));
  if (!found) throw new Error(NO_BROWSER_MESSAGE);
  return found;
}

/** Flags for a closed network: no background calls home that would fail and slow every start. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
