// Each test file gets its own endpoint process, data directory and port. `app` is the renderer
// in the host the project names — a Chromium page in browser mode, or the Electron window — paired
// as a fresh terminal of `appOptions.siteId`. `demoTerminal(siteId)` opens more terminals against
// an endpoint holding the demo organisation (tests/support/demo-endpoint.ts), each in its own
// browser context (its own IndexedDB), as separate machines would be.
import { test as base, _electron, type Page, type TestInfo, type Browser } from '@playwright/test';
import { locateElectron } from '../../scripts/launcher-support';
import { projectRoot, rendererDist } from '../../scripts/renderer-build';
import { startDemoEndpoint, type DemoEndpoint } from '../support/demo-endpoint';
import { pairingFragment, startEndpointProcess, type EndpointProcess } from '../support/endpoint-process';
import { watchCspViolations } from './csp-watch';
import { watchWriteScope } from './write-scope-watch';
import { addDays, businessDateInZone, DEFAULT_SITE_TIME_ZONE, siteInstant } from '../../shared/domain';

/**
 * The site day the demo history ends on: today at the demo sites (Asia/Shanghai), fixed once per
 * worker so every endpoint and browser clock of a run agrees. Browsers run in UTC with their clock
 * pinned to a site time of that day (`siteClock`), so a spec means the same at any hour of the
 * real day (the rule: time belongs to the site).
 */
export const E2E_SITE_DATE = businessDateInZone(new Date(), DEFAULT_SITE_TIME_ZONE);

export interface SiteClock {
  /** Days after E2E_SITE_DATE (1: the morning after the demo history ends). */
  day: number;
  /** Wall-clock time at the site, `HH:mm`. */
  time: string;
}

/** The instant a pinned site clock starts at. */
export function siteClockInstant(clock: SiteClock): Date {
  return new Date(siteInstant(addDays(E2E_SITE_DATE, clock.day), clock.time, DEFAULT_SITE_TIME_ZONE));
}

export interface AppOptions {
  siteId: string;
  siteKind: 'hq' | 'kitchen' | 'store';
  locale: string;
}

export interface TerminalOptions {
  locale?: string;
  /** Overrides the test's `siteClock` for this terminal. */
  siteClock?: SiteClock;
  /** Another token of the same site (a second terminal) instead of the demo one. */
  token?: string;
}

interface Fixtures {
  /** Skips the test before any browser or endpoint starts when its host cannot run here. */
  hostAvailable: void;
  appOptions: AppOptions;
  /** Where every terminal's clock starts (it then runs): default 23:30 on the demo's last day. */
  siteClock: SiteClock;
  app: Page;
  /** A fresh endpoint holding the demo organisation: each test its own data directory and port. */
  demo: DemoEndpoint;
  demoTerminal(siteId: string, options?: TerminalOptions): Promise<Page>;
}

interface WorkerFixtures {
  endpoint: EndpointProcess;
}

async function openPage(
  browser: Browser,
  testInfo: TestInfo,
  endpointUrl: string,
  token: string,
  locale: string,
  clock: SiteClock,
  cleanups: (() => Promise<void>)[],
): Promise<Page> {
  if (testInfo.project.metadata.host === 'electron') {
    const electron = locateElectron();
    if (!electron.binary) {
      testInfo.skip(true, `Electron binary missing: ${electron.reason}`);
      throw new Error('unreachable');
    }
    const electronApp = await _electron.launch({
      executablePath: electron.binary,
      args: [projectRoot, `--lang=${locale}`],
      env: {
        ...process.env,
        LARDER_E2E: '1',
        LARDER_USER_DATA_DIR: testInfo.outputPath(`electron-user-data-${cleanups.length}`),
        LARDER_ENDPOINT_URL: endpointUrl,
        LARDER_TERMINAL_TOKEN: token,
        LANG: `${locale.replace('-', '_')}.UTF-8`,
        TZ: 'UTC',
      },
    });
    cleanups.push(() => electronApp.close());
    // The clock applies to pages loaded after it is installed: reload the first window under it.
    await electronApp.context().clock.install({ time: siteClockInstant(clock) });
    const window = await electronApp.firstWindow();
    await window.reload();
    cleanups.unshift(watchWriteScope(window), watchCspViolations(window));
    return window;
  }
  const context = await browser.newContext({ locale, timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });
  cleanups.push(() => context.close());
  // Pinned, then running: timers and the sync's backoff still work, the site day is the test's.
  await context.clock.install({ time: siteClockInstant(clock) });
  const page = await context.newPage();
  cleanups.unshift(watchWriteScope(page), watchCspViolations(page));
  await page.goto(`${endpointUrl}/${pairingFragment(endpointUrl, token)}`);
  return page;
}

/** Runs every step even when one fails (a failed check must not leave a browser open), then throws the first failure. */
export async function runAll(steps: readonly (() => Promise<void>)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) await step().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  hostAvailable: [
    async ({}, use, testInfo) => {
      if (testInfo.project.metadata.host === 'electron') {
        const electron = locateElectron();
        testInfo.skip(!electron.binary, `Electron binary missing: ${electron.reason}`);
      }
      await use();
    },
    { auto: true },
  ],
  endpoint: [
    async ({}, use) => {
      const endpoint = await startEndpointProcess({ staticDir: rendererDist });
      await use(endpoint);
      await endpoint.stop();
    },
    { scope: 'worker' },
  ],
  demo: [
    async ({}, use) => {
      const demo = await startDemoEndpoint({ staticDir: rendererDist, today: E2E_SITE_DATE });
      await use(demo);
      await demo.endpoint.stop();
    },
    { timeout: 60_000 },
  ],
  appOptions: [{ siteId: 'store-1', siteKind: 'store', locale: 'en-US' }, { option: true }],
  siteClock: [{ day: 0, time: '23:30' }, { option: true }],
  app: async ({ endpoint, appOptions, siteClock, browser }, use, testInfo) => {
    await endpoint
      .admin('site', 'add', '--id', appOptions.siteId, '--kind', appOptions.siteKind, '--name', appOptions.siteId)
      .catch(() => '');
    const terminal = await endpoint.addTerminal(appOptions.siteId, testInfo.title.slice(0, 40));
    const cleanups: (() => Promise<void>)[] = [];
    const page = await openPage(browser, testInfo, endpoint.url, terminal.token, appOptions.locale, siteClock, cleanups);
    await use(page);
    await runAll(cleanups);
  },
  demoTerminal: async ({ demo, siteClock, browser }, use, testInfo) => {
    const cleanups: (() => Promise<void>)[] = [];
    await use(async (siteId, options = {}) => {
      const token = options.token ?? demo.tokens[siteId];
      if (!token) throw new Error(`no demo terminal for site ${siteId}`);
      return openPage(browser, testInfo, demo.endpoint.url, token, options.locale ?? 'en-US', options.siteClock ?? siteClock, cleanups);
    });
    await runAll(cleanups);
  },
});

export const expect = test.expect;
