import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';

// `npm run bench:import-browser`: the product import timed in Chromium on a real endpoint (the
// e2e fixtures), not part of `npm test`.
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  outputDir: '../../test-results/bench-import',
  timeout: 600_000,
  expect: { timeout: 300_000 },
  workers: 1,
  reporter: [['list']],
  globalSetup: '../../tests/e2e/global-setup.ts',
  projects: [{ name: 'browser', use: { browserName: 'chromium', launchOptions: { executablePath: chromiumPath, args: chromiumArgs } } }],
});
