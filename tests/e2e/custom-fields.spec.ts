// Issue 15's custom-field proof: HQ (in Chinese) adds "产地 / Origin" to products without an app
// update and fills it in the product form; the list shows and finds it; the kitchen (in English)
// reads it on its stock page and in the stock export, and prints it on the dispatch note. HQ also
// adds fields to documents: a required "司机 / Driver" the kitchen must fill before picking a
// dispatch (printed on its note), and "送货单号 / Delivery note" on goods receipts, shown in the
// receipts list and the document, and found by the journal search. Its own endpoint: the fields
// are organisation config that other specs' exports must not meet.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { rendererDist } from '../../scripts/renderer-build';
import { addDays } from '../../shared/domain';
import { startEndpointProcess } from '../support/endpoint-process';
import { goodsReceipt, SeedSession, testProduct } from '../support/seed';
import { E2E_SITE_DATE, expect, test } from './fixtures';
import { atViewport, choose, fill, openPairedTerminal } from './terminal-helpers';

const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });
const KITCHEN = 'kitchen-cf';
const STORE = 'store-cf';

test('a custom field HQ adds shows in the product form and list, the stock page and export, and the dispatch note', async ({ browser }) => {
  test.setTimeout(240_000);
  const endpoint = await startEndpointProcess({ staticDir: rendererDist });
  try {
    const seed = new SeedSession(endpoint);
    const run = randomUUID().slice(0, 6);
    const rice = testProduct(`rice-${run}`, { sku: `RICE-${run}`, name: '东北大米', nameEn: 'Northeast rice', baseUnit: 'bag' });
    await seed.products([rice]);
    await seed.post(
      goodsReceipt(KITCHEN, [{ productId: rice.id, qty: 20, unitCost: 60, lotCode: `R${run}`, expiryDate: addDays(E2E_SITE_DATE, 90) }]),
      'kitchen',
    );
    await seed.terminalOf(STORE, 'store');
    await seed.push('hq', 'hq', 'partners', [
      {
        id: `sup-${run}`,
        kind: 'supplier',
        code: `SUP-${run}`,
        name: '鲁粮供应',
        nameEn: 'Lu Grain',
        active: true,
        updatedAt: new Date().toISOString(),
      },
    ]);
    const hq = await openPairedTerminal(browser, endpoint.url, (await endpoint.addTerminal('hq', 'office')).token, 'zh-CN');

    // HQ adds the field: data in config, no app update.
    await hq.evaluate(() => (location.hash = '#/custom-fields'));
    await hq.getByTestId('custom-field-add').click({ timeout: 60_000 });
    await hq.getByTestId('custom-field-label').fill('产地');
    await hq.getByTestId('custom-field-label-en').fill('Origin');
    await hq.getByTestId('custom-field-save').click();
    await expect(hq.getByTestId('custom-fields-table')).toContainText('产地商品文本');
    // … and two on documents: a required driver on dispatches, a delivery note number on goods receipts.
    for (const [entity, label, labelEn, required] of [
      ['配送单与调拨单', '司机', 'Driver', true],
      ['采购入库单', '送货单号', 'Delivery note', false],
    ] as const) {
      await hq.getByTestId('custom-field-add').click();
      await hq.getByTestId('custom-field-entity').click();
      await hq.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: entity }).click();
      await hq.getByTestId('custom-field-label').fill(label);
      await hq.getByTestId('custom-field-label-en').fill(labelEn);
      if (required) await hq.getByRole('dialog').getByRole('checkbox').check();
      await hq.getByTestId('custom-field-save').click();
      await expect(hq.getByTestId('custom-fields-table')).toContainText(`${label}${entity}文本`);
    }
    await hq.screenshot({ path: `${screenshotDir}/custom-fields-zh-CN-list.png` });

    // … fills it in the product form; the list shows it in a column of its own and finds it.
    await hq.evaluate(() => (location.hash = '#/products'));
    await hq.getByTestId('products-table').getByText('东北大米').click({ timeout: 60_000 });
    const origin = hq.getByRole('dialog').locator('[data-testid^="custom-f-"]');
    await origin.fill('山东');
    await hq.screenshot({ path: `${screenshotDir}/custom-fields-zh-CN-product-form.png` });
    await hq.getByTestId('product-save').click();
    await expect(hq.getByTestId('products-table').locator('thead')).toContainText('产地');
    await expect(hq.getByTestId('products-table').getByRole('row').filter({ hasText: '东北大米' })).toContainText('山东');
    await hq.getByTestId('products-search').locator('input').fill('山东');
    await expect(hq.getByTestId('products-table').getByRole('row').filter({ hasText: '东北大米' })).toBeVisible();

    // The kitchen reads it beside the product on its stock page, and in the export.
    const kitchen = await openPairedTerminal(browser, endpoint.url, (await endpoint.addTerminal(KITCHEN, 'line')).token, 'en-US');
    await kitchen.evaluate(() => (location.hash = '#/stock'));
    await expect(kitchen.getByTestId(`stock-row-${rice.sku}`).getByTestId('stock-row-detail')).toContainText('Origin: 山东', {
      timeout: 60_000,
    });
    await kitchen.screenshot({ path: `${screenshotDir}/custom-fields-en-stock.png` });
    const download = kitchen.waitForEvent('download');
    await kitchen.getByTestId('stock-export-csv').click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header?.split(',').slice(0, 3)).toEqual(['Code', 'Name', 'Origin']);
    expect(lines.find((line) => line.startsWith(rice.sku))?.split(',')[2]).toBe('山东');

    // … and prints it on the dispatch note under the product.
    await kitchen.evaluate(() => (location.hash = '#/dispatch'));
    await kitchen.getByTestId('new-dispatch-store').click();
    await kitchen.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: STORE }).click();
    await kitchen.getByTestId('new-dispatch').click();
    await kitchen.getByTestId('product-picker').fill(rice.sku);
    await expect(kitchen.getByTestId('product-picker-hits')).toBeVisible();
    await kitchen.getByTestId('product-picker').press('Enter');
    const line = kitchen.getByTestId('dispatch-line').first();
    await line.getByTestId('line-qty').fill('2');
    await line.getByTestId('line-qty').press('Enter');
    // The driver is required: picking waits for it, and says so under the field.
    const driver = kitchen.getByTestId('document-custom-fields').locator('input');
    await kitchen.getByTestId('mark-picked').click();
    await expect(kitchen.getByTestId('document-custom-fields')).toContainText('Required');
    await expect(kitchen.getByTestId('dispatch-detail-status')).toHaveAttribute('data-status', 'draft');
    await driver.fill('老张');
    await kitchen.screenshot({ path: `${screenshotDir}/custom-fields-en-dispatch-draft.png` });
    await kitchen.getByTestId('mark-picked').click();
    await expect(kitchen.getByTestId('dispatch-detail-status')).toHaveAttribute('data-status', 'picked');
    await kitchen.getByTestId('ship').click();
    await expect(kitchen.getByTestId('dispatch-detail-status')).toHaveAttribute('data-status', 'shipped');
    await kitchen.getByTestId('print-note').click();
    await expect(kitchen.getByTestId('print-status')).toBeVisible();
    const printed = await kitchen.evaluate(() => (window as { __larderLastPrint?: { html: string } }).__larderLastPrint?.html ?? '');
    expect(printed).toContain('<div class="detail">Origin: 山东</div>');
    expect(printed).toContain('<div class="custom-field">Driver: 老张</div>');

    // A goods receipt keeps its supplier's delivery note number: in the list, the document, the journal search.
    await kitchen.evaluate(() => (location.hash = '#/goods-receipts'));
    await choose(kitchen, 'receipt-supplier', 'Lu Grain');
    await choose(kitchen, 'receipt-line-product-0', rice.sku);
    await fill(kitchen, 'receipt-line-qty-0', '5');
    await fill(kitchen, 'receipt-line-cost-0', '60');
    await fill(kitchen, 'receipt-line-lot-0', `G${run}`);
    await kitchen.getByTestId('document-custom-fields').locator('input').fill(`SD-${run}`);
    // The receipt's line editor at the widths tills and offices run (issue 17: columns were cut at 1280).
    for (const width of [1024, 1280, 1366]) {
      await atViewport(kitchen, { width, height: 768 });
      await kitchen.screenshot({ path: `${screenshotDir}/custom-fields-en-receipt-form-${width}.png` });
    }
    await atViewport(kitchen, { width: 1280, height: 800 });
    await kitchen.getByTestId('receipt-post').click();
    await expect(kitchen.getByTestId('receipt-posted')).toBeVisible();
    const receiptRow = kitchen
      .getByTestId('receipt-table')
      .getByRole('row')
      .filter({ hasText: `SD-${run}` });
    await expect(receiptRow).toBeVisible();
    await expect(kitchen.getByTestId('receipt-table').locator('thead')).toContainText('Delivery note');
    await kitchen.evaluate(() => (location.hash = '#/journal'));
    await kitchen.getByTestId('journal-search').locator('input').fill(`SD-${run}`);
    // Only the receipt's entry lines are left (Dr inventory, Cr payable …): every row is the one document.
    const found = kitchen.getByTestId('journal-table').getByTestId('journal-doc-link');
    await expect(found.first()).toHaveText(/^GR-/);
    expect(new Set(await found.allInnerTexts()).size).toBe(1);
    await found.first().click();
    await expect(kitchen.getByTestId('doc-header')).toContainText(`Delivery note`);
    await expect(kitchen.getByTestId('doc-header')).toContainText(`SD-${run}`);
    await kitchen.screenshot({ path: `${screenshotDir}/custom-fields-en-receipt-doc.png` });
    await Promise.all([hq.context().close(), kitchen.context().close()]);
  } finally {
    await endpoint.stop();
  }
});
