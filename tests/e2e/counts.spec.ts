// Stock count (盘点) end to end: a blind cycle count by GS1 scans, a sale rung up mid-count on the
// same terminal, and the posted figures: on-hand = counted + movements after the counted moment.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addDays } from '../../shared/domain';
import { gs1CheckDigit } from '../../shared/ops';
import { goodsReceipt, SeedSession, testProduct } from '../support/seed';
import { E2E_SITE_DATE, expect, test } from './fixtures';

const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });

const ean = (twelve: string) => `${twelve}${gs1CheckDigit(twelve)}`;
/** A perishable receipt with a certificate is released at once (no QC hold). */
const certificate = 'c'.repeat(64);
const yymmdd = (date: string) => date.slice(2).replaceAll('-', '');

async function scan(page: Page, testId: string, code: string) {
  const input = page.getByTestId(testId);
  await input.fill(code);
  await input.press('Enter');
}

test.describe('count while trading', () => {
  test.use({ appOptions: { siteId: 'store-count', siteKind: 'store', locale: 'en-US' } });

  test('blind cycle count by GS1 scans with a sale mid-count posts counted + later movements', async ({ app, endpoint }) => {
    test.slow(); // seeding spawns admin commands; the shared 2-core box is slow
    const seed = new SeedSession(endpoint);
    const today = E2E_SITE_DATE; // the terminal's business date under its pinned site clock
    const milkCode = ean('690123400001');
    const run = randomUUID().slice(0, 6);
    const milk = testProduct(`milk-${run}`, {
      sku: `MILK-${run}`,
      name: '鲜牛奶',
      nameEn: 'Fresh milk',
      baseUnit: 'box',
      barcodes: [milkCode],
      category: 'dairy',
      perishable: true,
      shelfLifeDays: 10,
      storageClass: 'chilled',
    });
    const rice = testProduct(`rice-${run}`, {
      sku: `RICE-${run}`,
      name: '大米',
      nameEn: 'Rice',
      baseUnit: 'kg',
      barcodes: [ean('690123400002')],
      category: 'dry',
    });
    await seed.products([milk, rice]);
    const receipt = goodsReceipt('store-count', [
      { productId: milk.id, qty: 20, unitCost: 4, lotCode: `A${run}`, expiryDate: addDays(today, 5), certificateHashes: [certificate] },
      { productId: milk.id, qty: 10, unitCost: 4, lotCode: `B${run}`, expiryDate: addDays(today, 8), certificateHashes: [certificate] },
      { productId: rice.id, qty: 50, unitCost: 6, lotCode: `R${run}` },
    ]);
    await seed.post(receipt, 'store');
    const [lotA, lotB] = receipt.lines.map((line) => line.batchId as string);

    await app.goto(`${endpoint.url}/#/counts`);
    await expect(app.getByTestId('section-counts')).toBeVisible();
    await app.getByTestId('count-categories').click();
    await app.getByTitle('dairy').click();
    await app.keyboard.press('Escape');
    await expect(app.getByTestId('count-blind')).toBeChecked();
    await app.getByTestId('count-start').click();
    await expect(app.getByTestId('count-blind-tag')).toBeVisible();
    await expect(app.getByTestId('count-progress')).toHaveText('0 of 2 batches counted, 0 found extra');

    // Unknown codes are named, never a silent miss.
    await scan(app, 'count-scan', ean('690999999999'));
    await expect(app.getByTestId('scan-notice')).toHaveAttribute('data-type', 'error');
    await expect(app.getByTestId('scan-notice')).toContainText('No product has barcode');
    await scan(app, 'count-scan', 'hello?');
    await expect(app.getByTestId('scan-notice')).toContainText('was not recognised');
    // Out of scope: rice is not dairy.
    await scan(app, 'count-scan', ean('690123400002'));
    await expect(app.getByTestId('scan-notice')).toContainText('not part of this count');

    // GS1 human-readable with lot, expiry and count (30): lands on batch A with 15.
    await scan(app, 'count-scan', `(01)0${milkCode}(10)A${run}(17)${yymmdd(addDays(today, 5))}(30)15`);
    await expect(app.getByTestId(`counted-${lotA}`)).toHaveText('15 box');
    await app.screenshot({ path: `${screenshotDir}/counts-en-counting.png` });

    // A sale rung up on the same terminal mid-count: FEFO takes 3 from batch A.
    await app.goto(`${endpoint.url}/#/sales`);
    await scan(app, 'sale-scan', milkCode);
    await app.getByTestId(`sale-qty-${milk.id}`).locator('input').fill('3');
    await expect(app.getByTestId(`sale-batches-${milk.id}`)).toContainText(`A${run}`);
    await app.getByTestId('sale-post').click();
    await expect(app.getByTestId('sale-notice')).toContainText('Posted');

    // Back to the count after a reload: the open session and its counted lines survived.
    await app.goto(`${endpoint.url}/#/counts`);
    await app.reload();
    await expect(app.getByTestId(`counted-${lotA}`)).toHaveText('15 box');
    // GS1 DataMatrix element string with FNC1 as GS: batch B, 8 units.
    await scan(app, 'count-scan', `]d201${'0' + milkCode}10B${run}\u001d308`);
    await expect(app.getByTestId(`counted-${lotB}`)).toHaveText('8 box');
    await expect(app.getByTestId('count-progress')).toHaveText('2 of 2 batches counted, 0 found extra');

    await app.getByTestId('count-review').click();
    // A was counted before the sale: expected 20 then, variance −5; B: 10 → 8.
    await expect(app.getByTestId(`variance-${lotA}`)).toHaveText('-5');
    await expect(app.getByTestId(`variance-${lotB}`)).toHaveText('-2');
    await expect(app.getByTestId('variance-net')).toContainText('-28.00');
    await app.screenshot({ path: `${screenshotDir}/counts-en-review.png` });
    await app.getByTestId('count-post').click();
    await expect(app.getByTestId('count-posted')).toBeVisible();
    // On-hand now = counted + movements after the counted moment: A 15 − 3 = 12, B 8.
    await expect(app.getByTestId(`onhand-now-${lotA}`)).toHaveText('12 box');
    await expect(app.getByTestId(`onhand-now-${lotB}`)).toHaveText('8 box');
    const download = app.waitForEvent('download');
    await app.getByTestId('count-export-csv').click();
    expect((await download).suggestedFilename()).toMatch(/variance\.csv$/);
  });
});

for (const locale of ['zh-CN', 'en-US'] as const) {
  test(`count screens on the demo store in ${locale}`, async ({ demoTerminal }) => {
    test.slow();
    const page = await demoTerminal('store-renmin', { locale });
    const tag = locale === 'zh-CN' ? 'zh-CN' : 'en';
    await page.evaluate(() => (location.hash = '#/counts'));
    await expect(page.getByTestId('count-start')).toBeVisible({ timeout: 30_000 });
    // A count expects what the terminal holds: start it once the first sync has finished.
    await expect(page.getByTestId('count-first-sync')).toHaveCount(0, { timeout: 60_000 });
    await page.screenshot({ path: `${screenshotDir}/counts-${tag}-start.png` });
    await page
      .getByTestId('count-kind')
      .getByText(locale === 'zh-CN' ? '全盘' : 'Full count')
      .click();
    await page.getByTestId('count-blind').uncheck();
    await page.getByTestId('count-start').click();
    await expect(page.getByTestId('count-scan')).toBeFocused();
    await page.getByTestId('product-search').fill('zr');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${screenshotDir}/counts-${tag}-session.png` });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${screenshotDir}/counts-${tag}-batch-picker.png` });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('scan-notice')).toBeVisible();
    await page.getByTestId('count-review').click();
    await expect(page.getByTestId('variance-table')).toBeVisible();
    await page.screenshot({ path: `${screenshotDir}/counts-${tag}-review.png` });
  });
}
