// Expiry & food safety (issue 6): the near-expiry board wastes an expired batch in one click, a
// certificate is uploaded to the endpoint's files API and the held batch released, and a fridge
// reading out of range quarantines the chilled batches stored there. Precise data is seeded
// through the real protocol; the screenshots use the demo organisation.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addDays } from '../../shared/domain';
import { goodsReceipt, SeedSession, testProduct } from '../support/seed';
import { E2E_SITE_DATE, expect, siteClockInstant, test } from './fixtures';

const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });

async function confirmPopover(page: Page) {
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
}

const SITE = 'fs-kitchen';

test.describe('food safety on a kitchen terminal', () => {
  test.use({ appOptions: { siteId: SITE, siteKind: 'kitchen', locale: 'zh-CN' } });

  test('near-expiry board, one-click waste, certificate and release, temperature quarantine', async ({ app, endpoint }) => {
    test.setTimeout(180_000);
    const seed = new SeedSession(endpoint);
    // The terminal's business date: the site's day its clock is pinned to (fixtures.ts), not the runner's calendar day.
    const today = E2E_SITE_DATE;
    await seed.products([
      testProduct('fs-milk', {
        name: '鲜牛奶',
        nameEn: 'Fresh milk',
        perishable: true,
        shelfLifeDays: 7,
        nearExpiryDays: 2,
        storageClass: 'chilled',
      }),
      testProduct('fs-flour', { name: '面粉', nameEn: 'Flour', baseUnit: 'kg' }),
    ]);
    await seed.post(
      goodsReceipt(SITE, [
        {
          productId: 'fs-milk',
          qty: 40,
          unitCost: 0.02,
          lotCode: 'MILK-EXP',
          expiryDate: addDays(today, -2),
          certificateHashes: ['a'.repeat(64)],
        },
        {
          productId: 'fs-milk',
          qty: 30,
          unitCost: 0.02,
          lotCode: 'MILK-NEAR',
          expiryDate: addDays(today, 1),
          certificateHashes: ['b'.repeat(64)],
        },
        // Perishable without a certificate: received as QC pending.
        { productId: 'fs-milk', qty: 50, unitCost: 0.02, lotCode: 'MILK-PEND', expiryDate: addDays(today, 6) },
        { productId: 'fs-flour', qty: 25, unitCost: 4, lotCode: 'FLOUR-1' },
      ]),
      'kitchen',
    );

    // Near-expiry board: expired and near-expiry groups with their value at risk.
    await app.goto(`${endpoint.url}/#/expiry`);
    const expired = app.getByTestId('expiry-group-expired');
    await expect(expired.getByTestId('expiry-row-MILK-EXP')).toBeVisible();
    await expect(app.getByTestId('expiry-group-near').getByTestId('expiry-row-MILK-NEAR')).toBeVisible();
    await expect(app.getByTestId('expiry-summary-expired')).toContainText('¥0.80');
    await expect(app.getByTestId('expiry-summary-near')).toContainText('¥0.60');
    await expect(expired).toContainText('已过期 2 天');

    // Half an hour later, past the site's midnight (00:30 Shanghai = 16:30 UTC, the browser's zone):
    // the board counts one day more and the lot expiring "tomorrow" now expires today.
    await expect(app.getByTestId('expiry-row-MILK-NEAR')).toContainText('1 天');
    await app.clock.setSystemTime(siteClockInstant({ day: 1, time: '00:30' }));
    await app.reload();
    await expect(app.getByTestId('expiry-group-expired')).toContainText('已过期 3 天', { timeout: 30_000 });
    await expect(app.getByTestId('expiry-group-near').getByTestId('expiry-row-MILK-NEAR')).toContainText('今天到期');
    await expect(app.getByTestId('expiry-summary-near')).toContainText('¥0.60');

    // Mark the near-expiry lot down, then waste the expired one in one click.
    await app.getByTestId('expiry-row-MILK-NEAR').getByTestId('expiry-markdown').click();
    await app.getByTestId('markdown-note').fill('晚市半价');
    await app.locator('#markdown-save').click();
    await expect(app.getByTestId('expiry-row-MILK-NEAR').getByTestId('expiry-marked-down')).toHaveText('已打折 30%');
    await app.getByTestId('expiry-row-MILK-EXP').getByTestId('expiry-waste').click();
    await confirmPopover(app);
    await expect(app.getByTestId('expiry-row-MILK-EXP')).toHaveCount(0);
    await expect(app.getByTestId('expiry-summary-expired')).toContainText('¥0.00');

    // Certificates: the pending lot gets a PDF certificate (uploaded by hash) and is released.
    await app.getByTestId('tab-certificates').click();
    const pending = app.getByTestId('certificate-row-MILK-PEND');
    await expect(pending.getByTestId('qc-tag')).toHaveText('待检');
    // Attached while the network is down: kept on the terminal, the batch not yet naming it (it
    // may name only files the endpoint holds); back online it uploads and attaches by itself.
    await app.context().setOffline(true);
    const chooser = app.waitForEvent('filechooser');
    await pending.getByTestId('certificate-attach').click();
    await (
      await chooser
    ).setFiles({
      name: '检疫证明.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% quarantine certificate MILK-PEND\n'),
    });
    await expect(pending.getByTestId('certificate-queued')).toHaveText('1 个待上传');
    await expect(pending.getByTestId('certificate-count')).toHaveCount(0);
    await expect(pending.getByTestId('qc-tag')).toHaveText('待检');
    await app.screenshot({ path: `${screenshotDir}/food-safety-zh-CN-certificate-queued.png` });
    await app.context().setOffline(false);
    await expect(pending.getByTestId('certificate-count')).toHaveText('已上传 1 份');
    await expect(pending.getByTestId('certificate-queued')).toHaveCount(0);
    await pending.getByTestId('certificate-release').click();
    await confirmPopover(app);
    await expect(app.getByTestId('certificate-row-MILK-PEND')).toHaveCount(0); // left the "needs action" list
    await app.getByTestId('certificate-filter').getByText('全部在库批次').click();
    await expect(app.getByTestId('certificate-row-MILK-PEND').getByTestId('qc-tag')).toHaveText('已放行');
    await app.screenshot({ path: `${screenshotDir}/food-safety-zh-CN-certificates-released.png` });

    // The uploaded file is on the endpoint under its hash.
    const hash = (await app.evaluate(async () => {
      const bytes = new TextEncoder().encode('%PDF-1.4\n% quarantine certificate MILK-PEND\n');
      const digest = await crypto.subtle.digest('SHA-256', bytes);
      return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    })) as string;
    const hq = await seed.terminalOf('hq', 'hq');
    const file = await fetch(`${endpoint.url}/api/v1/files/${hash}`, { headers: { authorization: `Bearer ${hq.token}` } });
    expect(file.status).toBe(200);

    // Temperature: the fridge reads 9 °C, an alert names the chilled lots, and they are quarantined.
    await app.getByTestId('tab-temperature').click();
    await app.getByTestId('temperature-input').fill('abc');
    await app.getByTestId('temperature-input').press('Enter');
    await expect(app.getByTestId('temperature-input-error')).toBeVisible();
    await app.getByTestId('temperature-input').fill('9');
    await app.getByTestId('temperature-input').press('Enter');
    const alert = app.getByTestId('temperature-alert');
    await expect(alert).toContainText('冷藏库 温度异常：9 °C（温度过高）');
    await expect(alert).toContainText('MILK-PEND');
    await expect(alert).not.toContainText('FLOUR-1');
    await alert.getByTestId('temperature-quarantine').click();
    await expect(alert.getByTestId('qc-tag').first()).toHaveText('隔离中');
    await expect(app.getByTestId('temperature-log')).toContainText('9 °C');
    await app.screenshot({ path: `${screenshotDir}/food-safety-zh-CN-temperature-alert.png` });
    await app.getByTestId('tab-certificates').click();
    await expect(app.getByTestId('certificate-row-MILK-PEND').getByTestId('qc-tag')).toHaveText('隔离中');
    await expect(app.getByTestId('certificate-row-FLOUR-1')).toHaveCount(0);
  });
});

for (const locale of ['zh-CN', 'en-US'] as const) {
  test(`demo kitchen screens in ${locale}`, async ({ demoTerminal }) => {
    test.setTimeout(180_000);
    const kitchen = await demoTerminal('kitchen', { locale });
    const pageErrors: string[] = [];
    kitchen.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
    kitchen.on('crash', () => pageErrors.push('renderer crashed'));
    kitchen.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    await expect(kitchen.getByTestId('header-site')).toBeVisible({ timeout: 30_000 });
    await kitchen.evaluate(() => (location.hash = '#/expiry'));
    await expect(kitchen.getByTestId('section-expiry')).toBeVisible({ timeout: 60_000 });
    // Figures are compared with the whole history: wait until the first pull has finished.
    await expect(kitchen.getByTestId('sync-last')).toBeVisible({ timeout: 60_000 });
    await expect(kitchen.getByTestId('sync-initial')).toHaveCount(0, { timeout: 90_000 });
    await expect(kitchen.getByTestId('expiry-group-expired')).toBeVisible({ timeout: 45_000 });
    await expect(kitchen.getByTestId('expiry-group-near')).toBeVisible();
    await kitchen.screenshot({ path: `${screenshotDir}/food-safety-${locale}-board.png`, fullPage: true });
    await kitchen.getByTestId('tab-certificates').click();
    await kitchen
      .getByTestId('certificate-filter')
      .getByText(locale === 'zh-CN' ? '全部在库批次' : 'All batches in stock')
      .click();
    await expect(kitchen.getByTestId('certificates-panel').locator('tbody tr').first()).toBeVisible();
    await kitchen.screenshot({ path: `${screenshotDir}/food-safety-${locale}-certificates.png` });
    await kitchen.getByTestId('tab-temperature').click();
    await kitchen.screenshot({ path: `${screenshotDir}/food-safety-${locale}-temperature.png` });
    await kitchen.evaluate(() => (location.hash = '#/exceptions'));
    await expect(kitchen.getByTestId('section-exceptions'), pageErrors.join('\n')).toBeVisible();
    await kitchen.screenshot({ path: `${screenshotDir}/exceptions-${locale}-list.png` });
  });
}
