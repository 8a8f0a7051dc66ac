// HQ sets up its organisation in the app (issue 14): adds a store in its own zone, adds a terminal
// whose pairing link (QR code) pairs a second machine, sees it in the fleet, and revokes it; the
// revoked terminal's next upload fails and it says so in words. Screenshots of each new screen
// at 1024×768 and 1366×768 in both languages.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, siteClockInstant, test } from './fixtures';
import { atViewport } from './terminal-helpers';

const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
] as const;

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await atViewport(page, size);
    await page.screenshot({ path: `${screenshotDir}/org-setup-${name}-${size.width}.png` });
  }
}

test.describe('organisation set-up from HQ', () => {
  test.use({ appOptions: { siteId: 'hq', siteKind: 'hq', locale: 'zh-CN' } });

  test('adds a store and a terminal paired by its link, then revokes it', async ({ app, endpoint, browser, siteClock }) => {
    await expect(app.getByTestId('sync-connectivity')).toHaveText('在线');
    await app.goto(`${endpoint.url}/#/sites`);
    await expect(app.getByTestId('section-sites')).toBeVisible();

    // A store in London: a bad zone is refused by the picker (only IANA names are offered).
    await app.getByTestId('add-site').click();
    const editor = app.getByTestId('site-editor');
    await editor.getByTestId('site-id').fill('store-london');
    await editor.getByTestId('site-name').fill('伦敦店');
    await editor.getByTestId('site-zone').click();
    await app.keyboard.type('Europe/Lon');
    await app.locator('.ant-select-item-option[title="Europe/London"]').click();
    await shoot(app, 'zh-CN-site-editor');
    await editor.getByRole('button', { name: /保\s*存/ }).click();
    const row = app.getByTestId('site-row-store-london');
    await expect(row).toContainText('伦敦店');
    await expect(row).toContainText('Europe/London');

    // A terminal for it: the pairing is shown once, as a QR code and a link.
    await row.locator('.ant-table-row-expand-icon').click();
    await app.getByTestId('new-terminal-name-store-london').fill('收银台 1');
    await app.getByTestId('add-terminal-store-london').click();
    const pairing = app.getByTestId('pairing-modal');
    await expect(pairing.getByTestId('pairing-qr')).toBeVisible();
    const link = (await pairing.getByTestId('pairing-link').textContent()) ?? '';
    expect(link).toMatch(new RegExp(`^${endpoint.url}/#pair=[A-Za-z0-9_-]+$`));
    await shoot(app, 'zh-CN-pairing');
    await pairing.getByRole('button', { name: /完\s*成/ }).click();
    await expect(pairing).toHaveCount(0);

    // The new machine opens the link and works as the London store.
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });
    try {
      await context.clock.install({ time: siteClockInstant(siteClock) });
      const till = await context.newPage();
      await till.goto(link);
      await expect(till.getByTestId('header-site')).toHaveText('门店 · 伦敦店');
      await expect(till.getByTestId('sync-connectivity')).toHaveText('在线');

      // HQ sees it in the fleet, in HQ's zone.
      await app.setViewportSize({ width: 1280, height: 800 });
      await app.goto(`${endpoint.url}/#/fleet`);
      await app.getByTestId('fleet-refresh').click();
      const fleetRow = app.getByTestId('fleet-row-收银台 1');
      await expect(fleetRow).toContainText('伦敦店');
      await expect(fleetRow).toHaveAttribute('data-health', 'ok');
      await shoot(app, 'zh-CN-fleet');

      // HQ revokes it; its next upload is refused and it says why.
      await app.goto(`${endpoint.url}/#/sites`);
      await app.getByTestId('site-row-store-london').locator('.ant-table-row-expand-icon').click();
      await shoot(app, 'zh-CN-sites');
      await app.getByTestId('revoke-收银台 1').click();
      await app
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await expect(app.getByTestId('site-terminals-store-london')).toContainText('已停用');

      await till.goto(`${endpoint.url}/#/expiry`);
      await till.getByTestId('tab-temperature').click();
      await till.getByTestId('temperature-input').fill('4');
      await till.getByTestId('temperature-input').press('Enter');
      await expect(till.getByTestId('sync-revoked')).toHaveText('已被总部停用：不再同步');
      await expect(till.getByTestId('sync-pending')).not.toHaveText('0 条变更待上传');
    } finally {
      await context.close();
    }

    // The same screens in English.
    await app.evaluate(() => localStorage.setItem('larder.language', 'en'));
    await app.reload();
    await expect(app.getByTestId('section-sites')).toContainText('Sites');
    await app.getByTestId('site-row-store-london').locator('.ant-table-row-expand-icon').click();
    await expect(app.getByTestId('site-terminals-store-london')).toContainText('Revoked');
    await shoot(app, 'en-sites');
    await app.getByTestId('edit-site-store-london').click();
    await expect(app.getByTestId('site-layouts')).toBeVisible();
    await shoot(app, 'en-site-editor');
    await app.getByTestId('site-editor').getByRole('button', { name: 'Cancel' }).click();
    await app.goto(`${endpoint.url}/#/fleet`);
    await expect(app.getByTestId('fleet-row-收银台 1')).toHaveAttribute('data-health', 'revoked');
    await shoot(app, 'en-fleet');
  });
});
