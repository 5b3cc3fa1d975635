import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, findChromium } from './test/support/chromium';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

/** Far from Seoul (UTC-10): times on the page must still read in KST. */
export const SERVER_TZ = 'Pacific/Honolulu';

// Where the archive site (e2e/support/archive-site.ts) is written down: set here, in the runner, so every
// worker process inherits the same path.
process.env.ARCHIVE_SITE_STATE ||= path.join(os.tmpdir(), `aju-archive-site-${process.pid}.json`);
const ARCHIVE_SPECS = /(archive|browse)[^/]*\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  // Two, one per core: three measured slower (8.8 min against 8.4–8.5 in clean-clone runs the same hour).
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: 'list',
  // The archive site is built in the background from the start (e2e/support/archive-background.ts).
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL,
    timezoneId: 'America/New_York',
    locale: 'en-US',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    // Recording a trace costs every test time, failing or not: only when asked (E2E_TRACE=1).
    trace: process.env.E2E_TRACE === '1' ? 'retain-on-failure' : 'off',
  },
  projects: [
    { name: 'chromium', testIgnore: [/load-and-bad-requests\.spec\.ts/, ARCHIVE_SPECS] },
    // Specs on a synthetic archive of a few hundred stories share one build of it, started in the background by
    // the global setup, waited for by their worker fixture (e2e/support/archive-test.ts) and stopped and removed by
    // the global teardown. No dependency: listed after chromium, they run beside its last specs, not after them.
    { name: 'archive', testMatch: ARCHIVE_SPECS },
    // The load test runs alone, after the rest: 50 connections would starve tests running beside it, and
    // their traffic would muddle its count. (`npx playwright test --no-deps e2e/load-and-bad-requests.spec.ts` runs it by itself.)
    { name: 'load', testMatch: /load-and-bad-requests\.spec\.ts/, dependencies: ['chromium', 'archive'] },
  ],
  // The production build served by the standalone server (`npm run build` + `npm run serve`), exactly
  // what `npm start` runs for readers and crawlers. Build and server both run in a zone far from Seoul,
  // and the canonical origin points at this server so links resolve.
  webServer: {
    command: `npm run build && npm run serve -- -p ${port} -H 127.0.0.1`,
    url: baseURL,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { TZ: SERVER_TZ, SITE_URL: baseURL, NEXT_TELEMETRY_DISABLED: '1' },
  },
});
