import { defineConfig } from '@playwright/test';

// Debian's Chromium (apt-get install chromium): Playwright's own browser download cannot be
// reached here. The flags keep Chromium from calling home on a closed network.
export const chromiumPath = process.env.LARDER_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  // Two cores run the endpoint, Chromium and the terminal's RxDB at once: generous waits keep
  // a slow machine from failing a correct flow (every wait still ends on a value users see).
  timeout: 120_000,
  expect: { timeout: 20_000 },
  // Spec files run two at a time, tests within a file in order. Most of a spec's time is waiting
  // (sync, a stream, a print), so two workers halve the suite (28.5 → 14 min measured, 47 tests)
  // on the CI machine's two cores; each worker has its own demo endpoint and each spec its port.
  fullyParallel: false,
  workers: 2,
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser',
      use: { browserName: 'chromium', launchOptions: { executablePath: chromiumPath, args: chromiumArgs } },
    },
    {
      // The same specs inside the real Electron window; skipped with a printed reason where
      // the Electron binary is missing (tests/e2e/fixtures.ts). Debian's Chromium stays the
      // `browser` fixture's executable: Playwright's own download does not exist here.
      name: 'electron',
      use: { browserName: 'chromium', launchOptions: { executablePath: chromiumPath, args: chromiumArgs } },
      metadata: { host: 'electron' },
    },
  ],
});
