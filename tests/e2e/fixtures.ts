// Each test file gets its own endpoint process, data directory and port. The `app` fixture is the
// renderer in the host the project names: a Chromium page in browser mode, or the Electron window.
import { test as base, _electron, type Page } from '@playwright/test';
import { locateElectron } from '../../scripts/launcher-support';
import { projectRoot, rendererDist } from '../../scripts/renderer-build';
import { pairingFragment, startEndpointProcess, type EndpointProcess } from '../support/endpoint-process';

export interface AppOptions {
  siteId: string;
  siteKind: 'hq' | 'kitchen' | 'store';
  locale: string;
}

interface Fixtures {
  appOptions: AppOptions;
  app: Page;
}

export const test = base.extend<Fixtures, { endpoint: EndpointProcess }>({
  endpoint: [
    async ({}, use) => {
      const endpoint = await startEndpointProcess({ staticDir: rendererDist });
      await use(endpoint);
      await endpoint.stop();
    },
    { scope: 'worker' },
  ],
  appOptions: [{ siteId: 'store-1', siteKind: 'store', locale: 'en-US' }, { option: true }],
  app: async ({ endpoint, appOptions, browser, browserName: _browserName }, use, testInfo) => {
    await endpoint.admin('site', 'add', '--id', appOptions.siteId, '--kind', appOptions.siteKind, '--name', appOptions.siteId).catch(() => '');
    const terminal = await endpoint.addTerminal(appOptions.siteId, `${testInfo.title.slice(0, 40)}`);
    if (testInfo.project.metadata.host === 'electron') {
      const electron = locateElectron();
      if (!electron.binary) {
        testInfo.skip(true, `Electron binary missing: ${electron.reason}`);
        return;
      }
      const electronApp = await _electron.launch({
        executablePath: electron.binary,
        args: [projectRoot, `--lang=${appOptions.locale}`],
        env: {
          ...process.env,
          LARDER_E2E: '1',
          LARDER_USER_DATA_DIR: testInfo.outputPath('electron-user-data'),
          LARDER_ENDPOINT_URL: endpoint.url,
          LARDER_TERMINAL_TOKEN: terminal.token,
          LANG: `${appOptions.locale.replace('-', '_')}.UTF-8`,
        },
      });
      await use(await electronApp.firstWindow());
      await electronApp.close();
      return;
    }
    const context = await browser.newContext({ locale: appOptions.locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${endpoint.url}/${pairingFragment(endpoint.url, terminal.token)}`);
    await use(page);
    await context.close();
  },
});

export const expect = test.expect;
