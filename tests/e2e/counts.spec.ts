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
      salePrices: [{ price: 6, from: '2000-01-01' }],
    });
    const rice = testProduct(`rice-${run}`, {
      sku: `RICE-${run}`,
      name: '大米',
      nameEn: 'Rice',
      baseUnit: 'kg',
      barcodes: [ean('690123400002')],
      category: 'dry',
    });
    // Cheese sold loose, weighed on the store's label scale under PLU 4321.
    const cheese = testProduct(`cheese-${run}`, {
      sku: `CHEESE-${run}`,
      name: '奶酪',
      nameEn: 'Cheese',
      baseUnit: 'g',
      barcodes: [ean('690123400005')],
      category: 'dairy',
      scale: { plu: '4321' },
    });
    await seed.products([milk, rice, cheese]);
    const receipt = goodsReceipt('store-count', [
      { productId: milk.id, qty: 20, unitCost: 4, lotCode: `A${run}`, expiryDate: addDays(today, 5), certificateHashes: [certificate] },
      { productId: milk.id, qty: 10, unitCost: 4, lotCode: `B${run}`, expiryDate: addDays(today, 8), certificateHashes: [certificate] },
      { productId: rice.id, qty: 50, unitCost: 6, lotCode: `R${run}` },
      { productId: cheese.id, qty: 1250, unitCost: 0.1, lotCode: `C${run}` },
      // Expired yesterday, still on the books: counted only by an explicit choice.
      { productId: milk.id, qty: 4, unitCost: 4, lotCode: `E${run}`, expiryDate: addDays(today, -1), certificateHashes: [certificate] },
    ]);
    await seed.post(receipt, 'store');
    const [lotA, lotB, , lotC] = receipt.lines.map((line) => line.batchId as string);

    await app.goto(`${endpoint.url}/#/counts`);
    await expect(app.getByTestId('section-counts')).toBeVisible();
    await app.getByTestId('count-categories').click();
    await app.getByTitle('Dairy').click(); // categories read by name, not by code
    await app.keyboard.press('Escape');
    await expect(app.getByTestId('count-blind')).toBeChecked();
    await app.getByTestId('count-start').click();
    await expect(app.getByTestId('count-blind-tag')).toBeVisible();
    await expect(app.getByTestId('count-progress')).toHaveText('0 of 4 batches counted, 0 found extra');

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
    await expect(app.getByTestId('count-progress')).toHaveText('2 of 4 batches counted, 0 found extra');
    // The cheese's own EAN carries no weight: a warning, nothing counted (never "1 g").
    await scan(app, 'count-scan', ean('690123400005'));
    await expect(app.getByTestId('scan-notice')).toContainText('sold by weight');
    await expect(app.getByTestId(`counted-${lotC}`)).toHaveText('—');
    // Its 18-digit scale label (flag 26, PLU 04321, ¥18.75, 1.250 kg) counts 1.25 kg (1,250 g).
    await scan(app, 'count-scan', ean('26043210187501250')); // 17 digits + GS1 check digit
    await expect(app.getByTestId(`counted-${lotC}`)).toHaveText('1.25 kg');
    await expect(app.getByTestId('count-progress')).toHaveText('3 of 4 batches counted, 0 found extra');
    // A code without a lot asks for the batch: those with stock in FEFO order (Enter takes A), the
    // expired one only on request, and a blind count shows no book quantity.
    await scan(app, 'count-scan', milkCode);
    const listed = app.locator('.ant-select-item-option');
    await expect(listed).toHaveCount(2);
    await expect(listed.nth(0)).toContainText(`A${run}`);
    await expect(listed.nth(1)).toContainText(`B${run}`);
    await expect(app.getByRole('dialog')).not.toContainText('book');
    await app.getByTestId('batch-picker-show-others').click();
    await expect(listed).toHaveCount(3);
    await expect(listed.nth(2)).toContainText(`E${run}`);
    await expect(listed.nth(2)).toContainText('expired');
    await app.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await expect(app.getByTestId(`counted-${lotA}`)).toHaveText('15 box');

    await app.getByTestId('count-review').click();
    // A was counted before the sale: expected 20 then, variance −5; B: 10 → 8 (in the product's unit).
    await expect(app.getByTestId(`variance-${lotA}`)).toHaveText('−5 box');
    await expect(app.getByTestId(`variance-${lotB}`)).toHaveText('−2 box');
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
    // A weighed product picked by search records nothing until its weight is typed: 0 g would
    // post the whole book quantity as a loss.
    await expect(page.getByTestId('count-progress')).toContainText(locale === 'zh-CN' ? '已盘 0 /' : '0 of');
    await page.getByTestId('count-current').locator('input').fill('850');
    await page.getByTestId('count-current').locator('input').press('Enter');
    await expect(page.getByTestId('count-progress')).toContainText(locale === 'zh-CN' ? '已盘 1 /' : '1 of');
    await page.getByTestId('count-review').click();
    await expect(page.getByTestId('variance-table')).toBeVisible();
    await page.screenshot({ path: `${screenshotDir}/counts-${tag}-review.png` });
  });
}
