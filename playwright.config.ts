import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built renderer in Chromium against browser mode (`folio serve`),
 * one fresh library per test file. The Chromium here is the system one (Playwright's own
 * download is not reachable); CHROMIUM_PATH points elsewhere when needed.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // Two cores shared with everything else: one browser at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results/playwright',
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
