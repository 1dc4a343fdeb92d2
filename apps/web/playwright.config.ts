import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/chromium";
import { webUrl } from "./e2e/urls";

/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser) against both apps started
 * the way a user starts them: the repository's `npm start` (build, then API on :8000 and web on
 * :3000, APP_ENV=development) — on a fresh data directory, and on a fresh Postgres database when
 * TEST_DATABASE_URL is set (see e2e/start-servers.ts).
 */

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  // One shared pair of servers: scenarios use their own users, but run one at a time to stay
  // gentle on a 2-core machine.
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: webUrl,
    colorScheme: "light",
    viewport: { width: 1100, height: 760 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1100, height: 760 },
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: {
    command: `"${process.execPath}" e2e/start-servers.ts`,
    url: `${webUrl}/sign-in`,
    env: { LOG_LEVEL: "warn" },
    reuseExistingServer: false,
    timeout: 240_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
});
