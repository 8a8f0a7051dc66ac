import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });

const languages = [
  { locale: 'zh-CN', stockNav: '现存量', settingsNav: '设置', online: '在线', site: '总部 · hq-1' },
  { locale: 'en-US', stockNav: 'On hand', settingsNav: 'Settings', online: 'Online', site: 'HQ · hq-1' },
] as const;
const routes = [
  'stock',
  'expiry',
  'exceptions',
  'trace',
  'counts',
  'sales',
  'pos-import',
  'waste',
  'recipes',
  'production',
  'requests',
  'dispatch',
  'receiving',
  'store-request',
  'purchasing',
  'goods-receipts',
  'suppliers',
  'journal',
  'partner-ledgers',
  'reports',
  'forecast',
  'settings',
] as const;

/** i18next shows the key itself when a translation is missing; none may reach the screen. */
async function expectNoRawKeys(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(
    /\b(nav|sections|settings|sync|siteKinds|common|ui|kitchen|receiving|stock|counts|sales|purchasing|finance|reports|forecast|trace|exceptions|foodSafety)\.[a-zA-Z-]+\b/,
  );
}

for (const language of languages) {
  test.describe(`shell in ${language.locale}`, () => {
    test.use({ appOptions: { siteId: 'hq-1', siteKind: 'hq', locale: language.locale } });

    test('opens paired and online, and shows every screen', async ({ app, endpoint }, testInfo) => {
      await expect(app.getByTestId('header-site')).toHaveText(language.site);
      await expect(app.getByTestId('sync-connectivity')).toHaveText(language.online);
      await app.getByTestId('nav').getByText(language.settingsNav, { exact: true }).click();
      await expect(app.getByTestId('section-settings')).toBeVisible();
      await app.getByTestId('nav').getByText(language.stockNav, { exact: true }).click();
      await expect(app.getByTestId('section-stock')).toBeVisible();
      for (const route of routes) {
        await app.goto(`${endpoint.url}/#/${route}`);
        await expect(app.getByTestId(`section-${route}`)).toBeVisible();
        await expect(app.getByTestId('nav').locator('.ant-menu-item-selected')).toHaveCount(1);
        await expectNoRawKeys(app);
        await app.screenshot({ path: `${screenshotDir}/${testInfo.project.name}-${language.locale}-${route}.png` });
      }
    });
  });
}

test.describe('navigation by site kind', () => {
  test.use({ appOptions: { siteId: 'store-1', siteKind: 'store', locale: 'en-US' } });

  test('a store terminal sees receiving but not the kitchen screens', async ({ app }) => {
    await expect(app.getByTestId('header-site')).toHaveText('Store · store-1');
    const nav = app.getByTestId('nav');
    await nav.getByText('Receiving', { exact: true }).click();
    await expect(nav.getByText('Incoming dispatches', { exact: true })).toBeVisible();
    await expect(nav.getByText('Kitchen', { exact: true })).toHaveCount(0);
  });
});

test.describe('settings', () => {
  test.use({ appOptions: { siteId: 'kitchen-1', siteKind: 'kitchen', locale: 'en-US' } });

  test('language switch is applied at once and remembered', async ({ app }) => {
    await app.getByTestId('nav').getByText('Settings', { exact: true }).click();
    await expect(app.getByTestId('paired-site')).toHaveText('kitchen-1');
    await app.getByTestId('language-switch').getByText('简体中文').click();
    await expect(app.getByTestId('nav').getByText('设置', { exact: true })).toBeVisible();
    await app.reload();
    await expect(app.getByTestId('app-name')).toHaveText('Larder 食材管家');
    await expect(app.getByTestId('header-site')).toHaveText('中央厨房 · kitchen-1');
  });

  test('pairing with a wrong token says so and keeps the working pairing', async ({ app, endpoint }) => {
    await app.goto(`${endpoint.url}/#/settings`);
    await app.getByTestId('pair-url').fill(endpoint.url);
    await app.getByTestId('pair-token').fill('not-a-real-token');
    await app.getByTestId('pair-submit').click();
    await expect(app.getByTestId('pair-error')).toHaveText('The endpoint refused this token (unknown or revoked).');
    await expect(app.getByTestId('paired-site')).toHaveText('kitchen-1');

    await app.getByTestId('pair-url').fill('ftp://example');
    await app.getByTestId('pair-token').fill('x');
    await app.getByTestId('pair-submit').click();
    await expect(app.getByTestId('pair-error')).toHaveText('This is not an http(s) URL: ftp://example');
  });

  test('the indicator turns offline when the endpoint cannot be reached', async ({ app, endpoint }) => {
    await expect(app.getByTestId('sync-connectivity')).toHaveText('Online');
    await app.context().setOffline(true);
    await expect(app.getByTestId('sync-connectivity')).toHaveText('Offline');
    await app.context().setOffline(false);
    await expect(app.getByTestId('sync-connectivity')).toHaveText('Online', { timeout: 15_000 });
    expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

test.describe('data versions', () => {
  test.use({ appOptions: { siteId: 'store-v', siteKind: 'store', locale: 'zh-CN' } });

  test('an endpoint that needs a newer app is said in words, and the banner goes once it syncs again', async ({ app }) => {
    await expect(app.getByTestId('sync-connectivity')).toHaveText('在线');
    // A fault injected in front of the real endpoint: its documents pulls answer as an endpoint
    // whose operator raised the minimum (LARDER_MIN_SCHEMA=documents=2) would.
    await app.route('**/api/v1/sync/documents/pull**', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'upgrade-required', message: 'update the Larder app', details: { terminal: 1, minimum: 2 } }),
      }),
    );
    await app.reload();
    const banner = app.getByTestId('version-banner');
    await expect(banner).toContainText('请更新 Larder');
    await expect(banner).toContainText('“单据”暂停同步（本终端数据版本 1，服务器最低要求 2）');
    await app.screenshot({ path: `${screenshotDir}/browser-zh-CN-update-app.png` });
    await app.unroute('**/api/v1/sync/documents/pull**');
    await expect(banner).toBeHidden({ timeout: 30_000 });
  });
});

test.describe('records the endpoint refused', () => {
  test.use({ appOptions: { siteId: 'kitchen-1', siteKind: 'kitchen', locale: 'zh-CN' } });

  test('are named with the endpoint’s reason, and still shown after a restart', async ({ app }, testInfo) => {
    await expect(app.getByTestId('sync-connectivity')).toHaveText('在线');
    // What the sync layer keeps when the endpoint refuses a record for good (refused.ts), as an
    // earlier session left it; the indicator must show it after the window opens again.
    await app.evaluate(() => {
      // The store's name as renderer/db/session.ts derives it from the pairing.
      const { pairing } =
        (JSON.parse(localStorage.getItem('larder.pairing') ?? '{}') as { state?: { pairing?: { orgId: string; terminalId: string } } })
          .state ?? {};
      if (!pairing) throw new Error('the terminal is not paired');
      const clean = (value: string) => value.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
      const first = {
        collection: 'documents',
        id: 'dd-bad-1',
        status: 422,
        reason: '/lines/0/fifoOverrideReason must NOT have more than 200 characters',
        at: '2026-11-30T08:00:00.000Z',
      };
      const others = Array.from({ length: 11 }, (_, i) => ({
        collection: 'movements',
        id: `mv-bad-${i + 2}`,
        status: 403,
        reason: 'movements documents are written only by their own site (siteId "store-1")',
        at: '2026-11-30T08:00:00.000Z',
      }));
      localStorage.setItem(
        `larder.refused.larder-${clean(pairing.orgId)}-${clean(pairing.terminalId)}`,
        JSON.stringify([first, ...others]),
      );
    });
    await app.reload();
    const refused = app.getByTestId('sync-refused');
    await expect(refused).toHaveText('12 条记录被服务器拒收');
    // A click (a till's touchscreen has no hover) opens the list, which stays open while read.
    await refused.click();
    const list = app.getByTestId('sync-refused-list');
    await expect(list).toContainText('单据 · dd-bad-1：/lines/0/fifoOverrideReason must NOT have more than 200 characters');
    await expect(list).toContainText('库存流水 · mv-bad-10：movements documents are written only by their own site (siteId "store-1")');
    await expect(list).not.toContainText('mv-bad-11');
    await expect(list).toContainText('……另有 2 条');
    await expect(app.getByTestId('sync-connectivity')).toHaveText('在线');
    await app.screenshot({ path: `${screenshotDir}/${testInfo.project.name}-zh-CN-refused.png` });
  });
});
