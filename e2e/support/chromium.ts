import { existsSync } from 'node:fs';

/** Debian's Chromium: Playwright's own browser download cannot reach the network here. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The Chromium binary for tests and benchmarks: $CHROMIUM_PATH when set, else the first system
 * browser found. Fails with instructions when there is none.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install Debian\'s: `sudo apt-get install -y chromium` ' +
        '(gives /usr/bin/chromium), or point CHROMIUM_PATH at a Chrome or Chromium binary.',
    );
  }
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
