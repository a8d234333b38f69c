import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/chromium.ts';

const port = Number(process.env.TEST_PORT ?? 4329);
const executablePath = chromiumPath();

/**
 * Browser tests run against the casebook as `npm run build` makes it: the plain fixture site,
 * built once and cached (tests/helpers/sites.ts), served as a static host serves it.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // Two workers on the two-core machine the suite is timed on (Playwright's default is half the cores).
  workers: process.env.PLAYWRIGHT_WORKERS ? Number(process.env.PLAYWRIGHT_WORKERS) : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  // Speed is the benchmark's (scripts/bench.ts), not the tests': a wait here is only for the page to
  // get there. One test builds a site (the studio's saved zips), which slows the other worker's browser.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { args: chromiumArgs, ...(executablePath && { executablePath }) },
      },
    },
  ],
  webServer: {
    command: `node --import tsx tests/helpers/serveSite.ts ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    // A build when the site is not cached yet (Playwright run alone).
    timeout: 300_000,
  },
});
