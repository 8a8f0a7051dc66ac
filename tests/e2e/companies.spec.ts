// Issue 17's companies proof: HQ (in Chinese) names its own company and a franchise company with
// the partners that stand for them, and puts the franchise store in the franchise company; the
// kitchen (in English) dispatches to that store, which receives it; the dispatch is the kitchen
// company's sale and the receipt the franchise's purchase, and HQ's group trial balance balances
// with the inter-company amounts eliminated. Its own endpoint: the companies are organisation config.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { rendererDist } from '../../scripts/renderer-build';
import { addDays } from '../../shared/domain';
import type { DocumentDoc, JournalDoc } from '../../shared/schemas';
import { startEndpointProcess } from '../support/endpoint-process';
import { pullAll } from '../support/pull';
import { goodsReceipt, SeedSession, testProduct } from '../support/seed';
import { E2E_SITE_DATE, expect, test } from './fixtures';
import { openPairedTerminal } from './terminal-helpers';

const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });
const KITCHEN = 'kitchen-co';
const FRANCHISE = 'store-fr';

async function company(hq: Page, id: string | null, name: string, partner: string): Promise<void> {
  await hq.getByTestId(id ? `company-edit-${id}` : 'company-add').click();
  await hq.getByTestId('company-name').fill(name);
  await hq.getByTestId('company-partner').click();
  await hq.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: partner }).click();
  await hq.getByTestId('company-save').click();
  await expect(hq.getByTestId('companies-table')).toContainText(name);
}

test('a dispatch to a franchise store of another company is a sale and a purchase; the group books eliminate them', async ({ browser }) => {
  test.setTimeout(240_000);
  const endpoint = await startEndpointProcess({ staticDir: rendererDist });
  try {
    const seed = new SeedSession(endpoint);
    await endpoint.admin('site', 'add', '--id', FRANCHISE, '--kind', 'store', '--name', '西湖加盟店');
    const run = randomUUID().slice(0, 6);
    const flour = testProduct(`flour-${run}`, { sku: `FLOUR-${run}`, name: '面粉', nameEn: 'Flour', baseUnit: 'bag' });
    await seed.products([flour]);
    await seed.post(
      goodsReceipt(KITCHEN, [{ productId: flour.id, qty: 40, unitCost: 80, lotCode: `F${run}`, expiryDate: addDays(E2E_SITE_DATE, 120) }]),
      'kitchen',
    );
    const now = new Date().toISOString();
    await seed.push('hq', 'hq', 'partners', [
      { id: `p-main-${run}`, kind: 'both', code: `ZY-${run}`, name: '中央厨房食品有限公司', active: true, updatedAt: now },
      { id: `p-fr-${run}`, kind: 'both', code: `JM-${run}`, name: '西湖餐饮有限公司', active: true, updatedAt: now },
    ]);
    await seed.terminalOf(FRANCHISE, 'store');

    // HQ, in Chinese: its own company and the franchise's, each with its partner; the franchise store moves to its company.
    const hq = await openPairedTerminal(browser, endpoint.url, (await endpoint.addTerminal('hq', 'office')).token, 'zh-CN');
    await hq.evaluate(() => (location.hash = '#/sites'));
    await expect(hq.getByTestId('companies-table')).toContainText('本组织公司', { timeout: 60_000 });
    await company(hq, 'main', '中央厨房食品有限公司', `ZY-${run}`);
    await company(hq, null, '西湖餐饮有限公司', `JM-${run}`);
    const franchiseRow = hq.getByTestId('companies-table').getByRole('row').filter({ hasText: '西湖餐饮有限公司' });
    await franchiseRow.locator('[data-testid^="company-sites-"]').click();
    await hq.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '西湖加盟店' }).click();
    await hq.keyboard.press('Escape');
    await expect(franchiseRow).toContainText('西湖加盟店');
    await hq.getByTestId('companies').scrollIntoViewIfNeeded();
    await hq.screenshot({ path: `${screenshotDir}/companies-zh-CN-sites.png` });

    // The kitchen, in English, dispatches 5 bags (¥400 at cost) to the franchise store.
    const kitchen = await openPairedTerminal(browser, endpoint.url, (await endpoint.addTerminal(KITCHEN, 'line')).token, 'en-US');
    await kitchen.evaluate(() => (location.hash = '#/stock'));
    await expect(kitchen.getByTestId(`stock-row-${flour.sku}`)).toBeVisible({ timeout: 60_000 });
    await kitchen.evaluate(() => (location.hash = '#/dispatch'));
    await kitchen.getByTestId('new-dispatch-store').click();
    await kitchen.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '西湖加盟店' }).click();
    await kitchen.getByTestId('new-dispatch').click();
    await kitchen.getByTestId('product-picker').fill(flour.sku);
    await expect(kitchen.getByTestId('product-picker-hits')).toBeVisible();
    await kitchen.getByTestId('product-picker').press('Enter');
    await kitchen.getByTestId('dispatch-line').first().getByTestId('line-qty').fill('5');
    await kitchen.getByTestId('dispatch-line').first().getByTestId('line-qty').press('Enter');
    await kitchen.getByTestId('mark-picked').click();
    await kitchen.getByTestId('ship').click();
    await expect(kitchen.getByTestId('dispatch-detail-status')).toHaveAttribute('data-status', 'shipped');
    const number = (await kitchen.getByTestId('dispatch-number').innerText()).trim();

    // The franchise store receives it in full.
    const store = await openPairedTerminal(browser, endpoint.url, (await endpoint.addTerminal(FRANCHISE, 'till')).token, 'zh-CN');
    await store.evaluate(() => (location.hash = '#/receiving'));
    await store.getByTestId(`open-${number}`).click({ timeout: 60_000 });
    await store.getByTestId('receive-submit').click();
    await store.locator('.ant-modal-confirm .ant-btn-primary').click();
    await expect(store.getByTestId('receiving-notice')).toContainText(/过账|posted/, { timeout: 30_000 });
    await expect(store.getByTestId('sync-pending')).toHaveText(/^0 /, { timeout: 30_000 });

    // The endpoint: a sale for the kitchen's company, a purchase for the franchise's, ¥400 each way.
    const hqToken = (await seed.terminalOf('hq', 'hq')).token;
    const documents = await pullAll<DocumentDoc>(endpoint.url, hqToken, 'documents');
    const dispatch = documents.find((doc) => doc.type === 'dispatch' && doc.number === number)!;
    const receipt = documents.find((doc) => doc.type === 'store-receipt' && doc.dispatchId === dispatch.id)!;
    expect([dispatch.partnerId, receipt.partnerId]).toEqual([`p-fr-${run}`, `p-main-${run}`]);
    const journal = await pullAll<JournalDoc>(endpoint.url, hqToken, 'journal');
    const lines = (docId: string) => journal.filter((entry) => entry.docId === docId).flatMap((entry) => entry.lines);
    expect(lines(dispatch.id)).toEqual(
      expect.arrayContaining([
        { accountCode: '1122', debit: 400, credit: 0 },
        { accountCode: '6001', debit: 0, credit: 400 },
      ]),
    );
    expect(lines(receipt.id)).toEqual([
      { accountCode: '1405', debit: 400, credit: 0 },
      { accountCode: '2202', debit: 0, credit: 400 },
    ]);

    // HQ reads the group's books: balanced, the inter-company sale eliminated.
    await hq.evaluate(() => (location.hash = '#/journal'));
    await hq.getByRole('tab', { name: '试算平衡表' }).click();
    await hq.getByTestId('trial-company').click();
    await hq.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '集团合并' }).click();
    await expect(hq.getByTestId('trial-balanced')).toBeVisible({ timeout: 30_000 });
    await expect(hq.getByTestId('trial-eliminations')).toContainText('已抵销 2 笔');
    // Revenue, its cost and the receivable are booked by the kitchen's company and eliminated for the group.
    for (const account of ['1122', '6001', '6401'])
      await expect(hq.getByTestId('trial-table').getByRole('row').filter({ hasText: account }).locator('td').last()).toHaveText('¥0.00');
    await hq.screenshot({ path: `${screenshotDir}/companies-zh-CN-group-trial.png`, fullPage: true });
    await hq.getByTestId('trial-company').click();
    await hq.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '西湖餐饮有限公司' }).click();
    await expect(hq.getByTestId('trial-table').getByRole('row').filter({ hasText: '2202' })).toContainText('¥400.00');
    // The franchise company's 收发存汇总 holds the 5 bags at ¥400, received from the kitchen.
    await hq.evaluate(() => (location.hash = '#/stock-summary'));
    await hq.getByTestId('summary-site').click();
    await hq.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '西湖餐饮有限公司' }).click();
    await expect(hq.getByTestId('summary-table').getByRole('row').filter({ hasText: '面粉' }).getByTestId('summary-closing')).toContainText(
      '¥400.00',
    );
    // Exported to Excel: numeric cells under Chinese headers, opening ¥0 (nothing there before) and closing ¥400,
    // the value the stock page shows below for the same company.
    const download = hq.waitForEvent('download');
    await hq.getByTestId('summary-export-xlsx').click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await (await download).path())!);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const flourRow = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(1).value === '面粉')!;
    const cell = (title: string) => flourRow.getCell(headers.indexOf(title)).value;
    expect(cell('期初结存金额')).toBe(0);
    expect(cell('期末结存金额')).toBe(400);
    expect(cell('期末结存数量')).toBe(5);
    // HQ's 库存 by company: the franchise company's stock is its store's 5 bags at ¥400, without the kitchen's;
    // the organisation's own company holds the kitchen's 35 bags (¥2,800).
    await hq.evaluate(() => (location.hash = '#/stock'));
    const stockRows = hq.getByTestId('stock-table').locator('.ant-table-row[data-batch]');
    await expect(stockRows.filter({ hasText: '西湖加盟店' })).toBeVisible({ timeout: 30_000 });
    await hq.getByTestId('stock-site').click();
    await hq.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '西湖餐饮有限公司' }).click();
    await expect(hq.getByTestId('stock-summary-value')).toContainText('¥400.00');
    await expect(stockRows).toHaveCount(1);
    await expect(stockRows.first()).toContainText('西湖加盟店');
    await expect(stockRows.first().getByTestId('stock-value')).toHaveText('¥400.00');
    await expect(stockRows.filter({ hasText: KITCHEN })).toHaveCount(0);
    await expect(hq.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    await hq.screenshot({ path: `${screenshotDir}/companies-zh-CN-stock-franchise.png` });
    await hq.getByTestId('stock-site').click();
    await hq.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '中央厨房食品有限公司' }).click();
    await expect(hq.getByTestId('stock-summary-value')).toContainText('¥2,800.00');
    await expect(stockRows).toHaveCount(1);
    await expect(stockRows.first()).toContainText(KITCHEN);
    await expect(stockRows.filter({ hasText: '西湖加盟店' })).toHaveCount(0);
    await expect(hq.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    await hq.screenshot({ path: `${screenshotDir}/companies-zh-CN-stock-main.png` });

    // Each company's partner ledger names the other: the kitchen's receivable is the franchise's payable.
    await hq.evaluate(() => (location.hash = '#/partner-ledgers'));
    await expect(hq.getByTestId('ledger-receivable').getByRole('row').filter({ hasText: '西湖餐饮有限公司' })).toContainText('¥400.00');
    await expect(hq.getByTestId('ledger-payable').getByRole('row').filter({ hasText: '中央厨房食品有限公司' })).toContainText('¥400.00');
    await Promise.all([hq.context().close(), kitchen.context().close(), store.context().close()]);
  } finally {
    await endpoint.stop();
  }
});
