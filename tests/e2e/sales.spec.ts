// Quick sale, POS import and waste end to end on a store with precise seeded stock.
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

async function scan(page: Page, testId: string, code: string) {
  const input = page.getByTestId(testId);
  await input.fill(code);
  await input.press('Enter');
}

const numberInput = (page: Page, testId: string) => page.getByTestId(testId).locator('xpath=descendant-or-self::input').first();

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

test.describe('store sales and waste', () => {
  test.use({ appOptions: { siteId: 'store-sales', siteKind: 'store', locale: 'en-US' } });

  test('POS import twice posts once; waste records its reason; a short sale is explained', async ({ app, endpoint }) => {
    test.setTimeout(600_000); // seeding spawns admin commands; the shared 2-core box is heavily loaded
    const seed = new SeedSession(endpoint);
    const today = E2E_SITE_DATE; // the terminal's business date under its pinned site clock
    const run = randomUUID().slice(0, 6);
    const tofu = testProduct(`tofu-${run}`, {
      sku: `TOFU-${run}`,
      name: '嫩豆腐',
      nameEn: 'Silken tofu',
      baseUnit: 'box',
      barcodes: [ean('690123500001')],
      category: 'soy',
      salePrices: [{ price: 5, from: '2000-01-01' }],
    });
    const oil = testProduct(`oil-${run}`, {
      sku: `OIL-${run}`,
      name: '花生油',
      nameEn: 'Peanut oil',
      baseUnit: 'bottle',
      barcodes: [ean('690123500002')],
      category: 'oil',
      salePrices: [{ price: 30, from: '2000-01-01' }],
    });
    await seed.products([tofu, oil]);
    const receipt = goodsReceipt('store-sales', [
      { productId: tofu.id, qty: 30, unitCost: 2, lotCode: `T${run}`, expiryDate: addDays(today, 3) },
      { productId: oil.id, qty: 12, unitCost: 20, lotCode: `O${run}` },
    ]);
    await seed.post(receipt, 'store');
    // A later tofu lot, received after the first: FEFO and FIFO both put it second.
    await seed.post(
      goodsReceipt('store-sales', [{ productId: tofu.id, qty: 10, unitCost: 2, lotCode: `L${run}`, expiryDate: addDays(today, 6) }]),
      'store',
    );
    const [tofuLot, oilLot] = receipt.lines.map((line) => line.batchId as string);

    // POS import: two good rows, one unknown product, one bad quantity.
    const csv = [
      '日期,商品编码,数量,金额',
      `${today},TOFU-${run},4,20.00`,
      `${today},${ean('690123500002')},1,35.00`,
      `${today},NOPE-1,2,9.00`,
      `${today},TOFU-${run},abc,1`,
    ].join('\r\n');
    const file = { name: 'pos-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf-8') };
    await app.goto(`${endpoint.url}/#/pos-import`);
    await app.getByTestId('pos-file').setInputFiles(file);
    await expect(app.getByTestId('pos-errors')).toContainText('unknown product "NOPE-1"');
    await expect(app.getByTestId('pos-errors')).toContainText('bad quantity: "abc"');
    await expect(app.getByTestId('pos-errors').getByRole('row').nth(1)).toContainText('4');
    await expect(app.getByTestId('pos-post')).toHaveText('Post 2 new rows');
    await app.screenshot({ path: `${screenshotDir}/sales-en-pos-preview.png` });
    await app.getByTestId('pos-post').click();
    await expect(app.getByTestId('pos-outcome')).toContainText('Posted 1 sales (2 rows); 0 rows were already imported.');
    // The same file again: nothing posts twice, and the screen says so.
    await app.getByTestId('pos-file').setInputFiles(file);
    await expect(app.getByTestId('pos-already')).toContainText('2 rows were already imported');
    await expect(app.getByTestId('pos-nothing')).toHaveText('Nothing new to post: 2 rows already imported.');
    await expect(app.getByTestId('pos-post')).toBeDisabled();
    await app.screenshot({ path: `${screenshotDir}/sales-en-pos-reimport.png` });

    // Waste: tofu 30 − 4 sold = 26; throw away 2 as damaged.
    await app.goto(`${endpoint.url}/#/waste`);
    await scan(app, 'waste-scan', tofu.barcodes[0] as string);
    await expect(app.getByTestId('waste-batch')).toContainText(`T${run}`);
    await expect(app.getByTestId('waste-batch')).toContainText('on hand 26 box');
    await numberInput(app, 'waste-qty').fill('2');
    await app.getByTestId('waste-reason').click();
    await app.getByTitle('Damaged').click();
    await app.getByTestId('waste-note').fill('dropped crate');
    const chooser = app.waitForEvent('filechooser');
    await app.getByTestId('waste-photo').click();
    await (await chooser).setFiles({ name: 'crate.png', mimeType: 'image/png', buffer: Buffer.from(ONE_PIXEL_PNG, 'base64') });
    await expect(app.getByTestId('waste-photo-name')).toHaveText('crate.png');
    await app.getByTestId('waste-post').click();
    await expect(app.getByTestId('waste-notice')).toContainText('Posted BS-');
    await expect(app.getByTestId('waste-recent')).toContainText('Damaged');
    await expect(app.getByTestId('waste-recent')).toContainText('dropped crate');
    // The photo went to the endpoint and is shown from there.
    await app.getByTestId('waste-recent').getByTestId('waste-photo-view').click();
    await expect(app.getByTestId('waste-photo-image')).toBeVisible();
    expect(await app.getByTestId('waste-photo-image').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    await app.keyboard.press('Escape');
    await scan(app, 'waste-scan', tofu.barcodes[0] as string);
    await expect(app.getByTestId('waste-batch')).toContainText('on hand 24 box');
    expect(tofuLot).toBeTruthy();
    await app.screenshot({ path: `${screenshotDir}/sales-en-waste.png` });

    // Quick sale beyond stock: the shortfall shows before posting, and the refusal names the batch.
    await app.goto(`${endpoint.url}/#/sales`);
    await scan(app, 'sale-scan', `20*${oil.barcodes[0] as string}`);
    await expect(app.getByTestId(`sale-shortfall-${oil.id}`)).toHaveText('Short 9 bottle: not enough usable stock');
    await app.getByTestId('sale-post').click();
    await expect(app.getByTestId('sale-error')).toContainText(`Not enough stock of Peanut oil in batch O${run}`);
    await app.screenshot({ path: `${screenshotDir}/sales-en-shortfall.png` });
    await numberInput(app, `sale-qty-${oil.id}`).fill('2');
    await app.getByTestId('sale-post').click();
    await expect(app.getByTestId('sale-notice')).toContainText('Posted XS-');
    expect(oilLot).toBeTruthy();

    // A GS1 label names the later tofu lot: selling it first needs a reason, which is kept.
    await scan(app, 'sale-scan', `(01)0${tofu.barcodes[0] as string}(10)L${run}`);
    await expect(app.getByTestId(`sale-fifo-${tofu.id}`)).toContainText(`Lot T${run} (${addDays(today, 3)}) should leave first`);
    await app.getByTestId('sale-post').click();
    await expect(app.getByTestId('sale-error')).toContainText('Give a reason to override FEFO/FIFO');
    await app.screenshot({ path: `${screenshotDir}/sales-en-fifo-reason.png` });
    await app.getByTestId('fifo-reason').fill('customer asked for the fresher lot');
    await app.getByTestId('fifo-reason').press('Enter');
    await expect(app.getByTestId('sale-scan')).toBeFocused(); // the next scan lands in the scan field
    await expect(app.getByTestId(`sale-fifo-${tofu.id}`)).toHaveCount(0);
    await app.getByTestId('sale-post').click();
    await expect(app.getByTestId('sale-notice')).toContainText('Posted XS-');
  });
});

for (const locale of ['zh-CN', 'en-US'] as const) {
  test(`sales screens on the demo store in ${locale}`, async ({ demoTerminal }) => {
    test.setTimeout(600_000); // seeding spawns admin commands; the shared 2-core box is heavily loaded
    const page = await demoTerminal('store-renmin', { locale });
    const tag = locale === 'zh-CN' ? 'zh-CN' : 'en';
    await page.evaluate(() => (location.hash = '#/sales'));
    await expect(page.getByTestId('sale-scan')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('sale-search').fill('zr');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await page.getByTestId('sale-search').fill('d');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await page.screenshot({ path: `${screenshotDir}/sales-${tag}-quick-sale.png` });
    await page.evaluate(() => (location.hash = '#/pos-import'));
    await expect(page.getByTestId('pos-choose')).toBeVisible();
    await page.screenshot({ path: `${screenshotDir}/sales-${tag}-pos-empty.png` });
    const csv = ['销售日期,条码,销量,实收金额', '2025/3/1,6900000000000,2,10', '2025-03-01,,1,5', '2025-02-30,123,1,5'].join('\r\n');
    await page.getByTestId('pos-file').setInputFiles({ name: '收银导出.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf-8') });
    await expect(page.getByTestId('pos-preview')).toBeVisible();
    await page.screenshot({ path: `${screenshotDir}/sales-${tag}-pos-import.png`, fullPage: true });
    await page.evaluate(() => (location.hash = '#/waste'));
    await expect(page.getByTestId('waste-scan')).toBeVisible();
    await page.getByTestId('waste-search').fill('zr');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${screenshotDir}/sales-${tag}-waste.png`, fullPage: true });
  });
}
