// Issue 14's master-data proof: HQ (in Chinese) adds a category and a product with a case barcode
// and a store price; the store (in English) scans the case barcode in a quick sale, and the sale
// carries the price list's price and the case's 24 bottles. Screenshots of the new HQ screens at
// 1024×768 and 1366×768 in both languages. Then HQ imports a 500-row product file with three bad rows.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { addDays } from '../../shared/domain';
import { gs1CheckDigit } from '../../shared/ops';
import type { DocumentDoc, JournalDoc, ProductDoc } from '../../shared/schemas';
import { pairingFragment } from '../support/endpoint-process';
import { pullAll } from '../support/pull';
import { goodsReceipt, SeedSession } from '../support/seed';
import { E2E_SITE_DATE, expect, siteClockInstant, test } from './fixtures';
import { atViewport } from './terminal-helpers';

const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });
const ean = (twelve: string) => `${twelve}${gs1CheckDigit(twelve)}`;

/** Another terminal in its own browser context (its own IndexedDB), as another machine. */
async function openTerminal(browser: Browser, url: string, token: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: 'UTC', viewport: { width: 1366, height: 768 } });
  await context.clock.install({ time: siteClockInstant({ day: 0, time: '23:30' }) });
  const page = await context.newPage();
  await page.goto(`${url}/${pairingFragment(url, token)}`);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1024, 1366]) {
    await atViewport(page, { width, height: 768 });
    await page.screenshot({ path: `${screenshotDir}/master-data-${name}-${width}.png` });
  }
}

/** The editor closes once saved; while it stays open, what it says (field errors, a refusal) is the failure's message. */
async function expectEditorClosed(page: Page): Promise<void> {
  const editor = page.getByTestId('product-editor');
  const state = async () => {
    if (!(await editor.isVisible())) return 'closed';
    const problems = await editor.locator('.ant-form-item-explain-error, [data-testid="product-error"]').allInnerTexts();
    return problems.length > 0 ? problems.join(' | ') : 'still open';
  };
  await expect.poll(state, { timeout: 30_000 }).toBe('closed');
}

/**
 * Picks an option of a select by its title and checks the select shows it: a click that lands
 * while the dropdown still slides in can leave the field empty (seen under load: "必填" on save).
 */
async function pickOption(page: Page, testId: string, title: string): Promise<void> {
  const select = page.getByTestId(testId);
  await expect(async () => {
    if (!(await select.innerText()).includes(title)) {
      await select.click();
      await page.locator('.ant-select-dropdown:visible').getByTitle(title).click({ timeout: 5_000 });
    }
    await expect(select).toContainText(title, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

async function tags(page: Page, testId: string, codes: readonly string[]): Promise<void> {
  const input = page.getByTestId(testId).locator('input');
  for (const code of codes) {
    await input.fill(code);
    await input.press('Enter');
  }
}

/**
 * The store's opening stock from a sheet, in English then in Chinese: the dry run names the bad
 * rows, the good one becomes a batch on the stock page and a journal entry at the endpoint
 * (Dr Inventory ¥96 / Cr Temporary opening), and the same file again adds nothing.
 */
async function importOpeningStock(till: Page, url: string, token: string, run: string, product: ProductDoc): Promise<void> {
  const csv = [
    'Code,Name,Lot,Expiry date,Quantity,Unit,Unit cost',
    `${product.sku},Coca-Cola,O${run},${addDays(E2E_SITE_DATE, 200)},2,箱,48`,
    `${product.sku},Coca-Cola,X${run},${addDays(E2E_SITE_DATE, -1)},1,箱,48`,
    `NOPE-${run},?,N${run},,1,,1`,
  ].join('\r\n');
  const file = { name: 'opening.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };
  await till.goto(`${url}/#/stock`);
  await till.getByTestId('stock-opening-import').click();
  await till.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
  await expect(till.getByTestId('import-counts')).toContainText('New 1');
  await expect(till.getByTestId('import-counts')).toContainText('With errors 2');
  const problems = till.getByTestId('import-problems');
  await expect(problems.locator('.ant-table-row', { hasText: 'not opening stock' })).toContainText('3');
  await expect(problems.locator('.ant-table-row', { hasText: `no product with code “NOPE-${run}”` })).toContainText('4');
  await shoot(till, 'opening-import-en');
  await till.getByTestId('import-run').click();
  await expect(till.getByTestId('import-done')).toContainText('Imported opening batches: 1', { timeout: 30_000 });
  await till.getByTestId('import-close').click();
  await till.getByTestId('stock-search').fill(`O${run}`);
  await expect(till.getByTestId('stock-table').locator('.ant-table-row')).toHaveCount(1);
  await expect(till.getByTestId('stock-table')).toContainText('2 cases');
  await expect(till.getByTestId('stock-table')).toContainText('96.00');
  await shoot(till, 'stock-opening-en');

  await expect(async () => {
    const entries = await pullAll<JournalDoc>(url, token, 'journal');
    const opening = entries.find((entry) => entry.docType === 'opening-stock' && entry.siteId === 'store-md');
    expect(opening?.lines).toEqual([
      { accountCode: '1405', debit: 96, credit: 0 },
      { accountCode: '1999', debit: 0, credit: 96 },
    ]);
  }).toPass({ timeout: 30_000 });

  // The month's 收发存汇总: the receipt and the opening stock in (4 cases), the sale out, 3 cases left.
  await till.goto(`${url}/#/stock-summary`);
  const row = till.getByTestId('summary-table').locator('.ant-table-row', { hasText: product.sku });
  await expect(row.getByTestId('summary-totalIn')).toContainText('4 cases');
  await expect(row.getByTestId('summary-totalOut')).toContainText('1 case');
  await expect(row.getByTestId('summary-closing')).toContainText('3 cases');
  await expect(row.getByTestId('summary-closing')).toContainText('¥144.00');
  await shoot(till, 'stock-summary-en');
  await till.getByTestId('summary-detail').getByText('By kind').click();
  await expect(row.getByTestId('summary-opening')).toContainText('2 cases');
  await expect(row.getByTestId('summary-receipt')).toContainText('2 cases');
  await expect(row.getByTestId('summary-sale')).toContainText('¥48.00');
  await shoot(till, 'stock-summary-by-kind-en');

  // The same file again, in Chinese: nothing to import.
  await till.goto(`${url}/#/settings`);
  await till.getByTestId('language-switch').getByText('简体中文').click();
  await till.goto(`${url}/#/stock`);
  await till.getByTestId('stock-opening-import').click();
  await till.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
  await expect(till.getByTestId('import-counts')).toContainText('无变化 1');
  await expect(till.getByTestId('import-run')).toBeDisabled();
  await expect(till.getByTestId('import-problems').locator('.ant-table-row', { hasText: '不能作为期初库存' })).toContainText('3');
  await shoot(till, 'opening-import-zh');
  await till.getByTestId('import-close').click();
  await till.goto(`${url}/#/stock-summary`);
  await expect(till.getByTestId('summary-table')).toContainText('期末结存');
  await shoot(till, 'stock-summary-zh');
  await till.getByTestId('summary-detail').getByText('按类型').click();
  await expect(till.getByTestId('summary-table')).toContainText('期初入库');
  await shoot(till, 'stock-summary-by-kind-zh');
  await till.goto(`${url}/#/settings`);
  await till.getByTestId('language-switch').getByText('English').click();
}

test.describe('master data at HQ', () => {
  test.use({ appOptions: { siteId: 'hq-md', siteKind: 'hq', locale: 'zh-CN' } });

  test('HQ adds a product with a case barcode and a store price; the store sells a case at that price', async ({
    app,
    endpoint,
    browser,
  }) => {
    test.setTimeout(300_000);
    const run = randomUUID().slice(0, 6);
    const bottle = ean(`69012${String(Date.now()).slice(-7)}`);
    const caseCode = ean(`69013${String(Date.now()).slice(-7)}`);
    const seed = new SeedSession(endpoint);
    const store = await seed.terminalOf('store-md', 'store');

    // 1. A category, then the product: base unit 瓶, a case of 24 with its own barcode, ¥3.50 a bottle at the store.
    // The first sync first: categories arriving while HQ types were once appended below its new row.
    await expect(app.getByTestId('sync-last')).toBeVisible({ timeout: 60_000 });
    await expect(app.getByTestId('sync-initial')).toHaveCount(0, { timeout: 60_000 });
    await app.goto(`${endpoint.url}/#/categories`);
    await app.getByTestId('category-add').click();
    const row = app.getByTestId('categories-table').locator('tbody tr').last();
    await row.locator('input').nth(0).fill(`drinks-${run}`);
    await row.locator('input').nth(1).fill('饮料');
    await row.locator('input').nth(2).fill('Drinks');
    await app.getByTestId('categories-save').click();
    await expect(app.getByTestId('categories-save')).toBeDisabled();
    await shoot(app, 'categories-zh');

    await app.goto(`${endpoint.url}/#/products`);
    await app.getByTestId('product-new').click();
    await app.getByTestId('product-name').fill('可口可乐');
    await app.getByTestId('product-name-en').fill('Coca-Cola');
    await app.getByTestId('product-sku').fill(`COLA-${run}`);
    await pickOption(app, 'product-category', '饮料');
    await app.getByTestId('product-base-unit').fill('瓶');
    await tags(app, 'product-barcodes', [bottle]);
    // Cola keeps for months and needs no QC hold: FIFO, not a perishable FEFO product.
    await app.getByText('先进先出（FIFO）').click();
    await app.getByTestId('pack-add').click();
    await app.getByTestId('pack-unit-0').fill('箱');
    await app.getByTestId('pack-qty-0').fill('24');
    await tags(app, 'pack-barcodes-0', [caseCode]);
    await app.getByTestId('price-add').click();
    await pickOption(app, 'price-store-0', 'store-md');
    await app.getByTestId('price-value-0').fill('3.5');
    await shoot(app, 'product-editor-zh');
    await app.getByTestId('product-save').click();
    await expectEditorClosed(app);
    await app.getByTestId('products-search').locator('input').fill('kkkl'); // pinyin initials of 可口可乐
    await expect(app.getByTestId('products-table')).toContainText(`COLA-${run}`);
    await expect(app.getByTestId('products-table')).toContainText('饮料');
    await shoot(app, 'products-zh');

    // 2. The product reached the endpoint; the store gets 48 bottles of stock.
    let product: ProductDoc | undefined;
    await expect(async () => {
      const products = await pullAll<ProductDoc>(endpoint.url, store.token, 'products');
      product = products.find((candidate) => candidate.sku === `COLA-${run}`);
      expect(product?.packs).toEqual([{ unit: '箱', qtyInBase: 24, barcode: caseCode }]);
    }).toPass({ timeout: 30_000 });
    seed.ledger.upsertProduct(product as ProductDoc);
    await seed.post(
      goodsReceipt('store-md', [
        { productId: (product as ProductDoc).id, qty: 48, unitCost: 2, lotCode: `C${run}`, expiryDate: addDays(E2E_SITE_DATE, 180) },
      ]),
      'store',
    );

    // 3. The store, in English, scans the case barcode: one case, the store's price.
    const till = await openTerminal(browser, endpoint.url, store.token, 'en-US');
    await till.goto(`${endpoint.url}/#/sales`);
    // The first pull is whole (product, batch and its receipt movements) before the till sells.
    await expect(till.getByTestId('sync-last')).toBeVisible({ timeout: 60_000 });
    await expect(till.getByTestId('sync-initial')).toHaveCount(0, { timeout: 60_000 });
    await expect(async () => {
      await till.getByTestId('sale-scan').fill(caseCode);
      await till.getByTestId('sale-scan').press('Enter');
      await expect(till.getByTestId('sale-notice')).toContainText('Added Coca-Cola × 1 case', { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await expect(
      till
        .getByTestId(`sale-price-${(product as ProductDoc).id}`)
        .locator('xpath=descendant-or-self::input')
        .first(),
    ).toHaveValue('3.5');
    await expect(till.getByTestId('section-sales')).toContainText('¥84.00');
    await till.getByTestId('sale-post').click();
    await expect(till.getByTestId('sale-notice')).toContainText('Posted XS-');
    // The receipt (小票) on the till's 58 mm roll: the case at the bottle price, ¥84.00.
    await till.getByTestId('receipt-width').getByText('58 mm').click();
    await till.getByTestId('receipt-print').click();
    await expect.poll(() => till.evaluate(() => window.__larderLastPrint?.html ?? '')).toContain('Coca-Cola');
    const receipt = await till.evaluate(() => window.__larderLastPrint?.html ?? '');
    expect(receipt).toContain('1 case @ ¥3.50/bottle');
    expect(receipt).toContain('¥84.00');
    await shoot(till, 'sale-receipt-en');

    // 4. The sale as the endpoint holds it: 24 bottles at ¥3.50.
    await expect(async () => {
      const documents = await pullAll<DocumentDoc>(endpoint.url, store.token, 'documents');
      const sale = documents.find((doc) => doc.type === 'sale' && doc.siteId === 'store-md');
      expect(sale?.lines).toEqual([expect.objectContaining({ productId: (product as ProductDoc).id, qty: 24, unitPrice: 3.5 })]);
    }).toPass({ timeout: 30_000 });

    // 4b. The store imports its opening stock (期初库存): two cases at ¥48 a case, and two bad rows.
    await importOpeningStock(till, endpoint.url, store.token, run, product as ProductDoc);

    // 5. The same HQ screens in English (another HQ terminal), for the screenshots.
    const hqEn = await openTerminal(browser, endpoint.url, (await endpoint.addTerminal('hq-md', 'hq en')).token, 'en-US');
    await hqEn.goto(`${endpoint.url}/#/products`);
    await expect(hqEn.getByTestId('products-table')).toContainText(`COLA-${run}`, { timeout: 60_000 });
    await shoot(hqEn, 'products-en');
    await hqEn.getByTestId('products-table').getByText(`COLA-${run}`).click();
    await expect(hqEn.getByTestId('product-editor')).toBeVisible();
    await shoot(hqEn, 'product-editor-en');
    await hqEn.goto(`${endpoint.url}/#/categories`);
    await expect(hqEn.getByTestId('categories-table')).toContainText('1');
    await shoot(hqEn, 'categories-en');
    await hqEn.goto(`${endpoint.url}/#/partners`);
    await hqEn.getByTestId('partner-new').click();
    await hqEn.getByTestId('partner-code').fill(`C-${run}`);
    await hqEn.getByTestId('partner-name').fill('蓝湾酒店');
    await hqEn.getByTestId('partner-terms').fill('30');
    await hqEn.getByTestId('partner-save').click();
    await expect(hqEn.getByTestId('partners-table')).toContainText('30 days');
    await shoot(hqEn, 'partners-en');
    await app.goto(`${endpoint.url}/#/partners`);
    await expect(app.getByTestId('partners-table')).toContainText('30 天', { timeout: 30_000 });
    await shoot(app, 'partners-zh');
    await till.context().close();
    await hqEn.context().close();
  });

  test('HQ imports 500 products from a CSV: the dry run names the three bad rows, the rest reach the endpoint, the same file again changes nothing', async ({
    app,
    endpoint,
  }) => {
    test.setTimeout(180_000);
    const run = randomUUID().slice(0, 6);
    // This HQ terminal is new on an endpoint the test before wrote to: its first sync first.
    await expect(app.getByTestId('sync-last')).toBeVisible({ timeout: 60_000 });
    await expect(app.getByTestId('sync-initial')).toHaveCount(0, { timeout: 60_000 });
    await app.goto(`${endpoint.url}/#/categories`);
    await app.getByTestId('category-add').click();
    const row = app.getByTestId('categories-table').locator('tbody tr').last();
    await row.locator('input').nth(0).fill(`dairy-${run}`);
    await row.locator('input').nth(1).fill('乳制品');
    await app.getByTestId('categories-save').click();
    await expect(app.getByTestId('categories-save')).toBeDisabled();

    // A shop's own sheet of 500 rows: its words for the headers, cases of 12, and three bad rows
    // (a category the shop has not made, a shelf life in words, a code written twice).
    const header = '编码,名称,类别,基本单位,包装单位,条码,保质期(天),储存条件,税率(%),售价(每基本单位)';
    const good = Array.from(
      { length: 497 },
      (_, i) =>
        `IMP-${run}-${i},导入商品 ${i},乳制品,瓶,箱=12,${ean(`6902${String(i).padStart(4, '0')}${String(Date.now()).slice(-4)}`)},7,冷藏,9,${(i % 40) + 2.5}`,
    );
    const bad = [
      `TEA-${run},乌龙茶,茶叶,包,,,,常温,13,20`,
      `JAM-${run},果酱,乳制品,瓶,,,七天,常温,13,20`,
      `IMP-${run}-7,重复编码,乳制品,瓶,,,,常温,13,20`,
    ];
    const csv = [header, ...good.slice(0, 250), ...bad, ...good.slice(250)].join('\r\n');
    const file = { name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') };

    await app.goto(`${endpoint.url}/#/products`);
    await app.getByTestId('products-import').click();
    await app.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
    await expect(app.getByTestId('import-counts')).toContainText('新增 497');
    await expect(app.getByTestId('import-counts')).toContainText('有错误 3');
    // Rows as the spreadsheet numbers them: header 1, the bad rows after 250 good ones.
    const problems = app.getByTestId('import-problems');
    await expect(problems.locator('.ant-table-row', { hasText: '没有分类“茶叶”' })).toContainText('252');
    await expect(problems.locator('.ant-table-row', { hasText: '“七天”不是数字' })).toContainText('253');
    await expect(problems.locator('.ant-table-row', { hasText: `编码“IMP-${run}-7”已在第 9 行` })).toContainText('254');
    await shoot(app, 'product-import-zh');
    await app.getByTestId('import-run').click();
    await expect(app.getByTestId('import-done')).toContainText('已导入 497 个商品', { timeout: 60_000 });
    await app.getByTestId('import-close').click();
    await app.getByTestId('products-search').locator('input').fill(`IMP-${run}-496`);
    await expect(app.getByTestId('products-table')).toContainText('导入商品 496');

    await expect(async () => {
      const products = await pullAll<ProductDoc>(endpoint.url, (await endpoint.addTerminal('hq-md', `reader ${run}`)).token, 'products');
      const imported = products.filter((candidate) => candidate.sku.startsWith(`IMP-${run}-`));
      expect(imported).toHaveLength(497);
      expect(imported.find((candidate) => candidate.sku === `IMP-${run}-7`)).toMatchObject({
        name: '导入商品 7',
        baseUnit: '瓶',
        packs: [{ unit: '箱', qtyInBase: 12 }],
        storageClass: 'chilled',
        taxRate: 0.09,
        perishable: true,
        salePrices: [expect.objectContaining({ price: 9.5 })],
      });
      expect(products.some((candidate) => candidate.sku === `TEA-${run}` || candidate.sku === `JAM-${run}`)).toBe(false);
    }).toPass({ timeout: 30_000 });

    // The same file again: nothing to import.
    await app.getByTestId('products-import').click();
    await app.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
    await expect(app.getByTestId('import-counts')).toContainText('无变化 497');
    await expect(app.getByTestId('import-counts')).toContainText('有错误 3');
    await expect(app.getByTestId('import-nothing')).toBeVisible();
    await expect(app.getByTestId('import-run')).toBeDisabled();
    await app.getByTestId('import-close').click();

    // Getting started counts what is there: categories and products done.
    await app.goto(`${endpoint.url}/#/setup`);
    await expect(app.getByTestId('setup-step-products').locator('.anticon-check-circle')).toBeVisible();
    await expect(app.getByTestId('setup-step-categories').locator('.anticon-check-circle')).toBeVisible();
    await shoot(app, 'setup-zh');

    // The same screens in English on another HQ terminal: the dry run in English words.
    const hqEn = await openTerminal(
      app.context().browser()!,
      endpoint.url,
      (await endpoint.addTerminal('hq-md', `en ${run}`)).token,
      'en-US',
    );
    await hqEn.goto(`${endpoint.url}/#/products`);
    await expect(hqEn.getByTestId('products-table')).toContainText(`IMP-${run}-0`, { timeout: 60_000 });
    await hqEn.getByTestId('products-import').click();
    await hqEn.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
    await expect(hqEn.getByTestId('import-counts')).toContainText('Unchanged 497');
    await expect(hqEn.getByTestId('import-problems').locator('.ant-table-row', { hasText: 'no category “茶叶”' })).toContainText('252');
    await shoot(hqEn, 'product-import-en');
    await hqEn.getByTestId('import-close').click();
    await hqEn.goto(`${endpoint.url}/#/setup`);
    await expect(hqEn.getByTestId('setup-step-products').locator('.anticon-check-circle')).toBeVisible();
    await shoot(hqEn, 'setup-en');
    await hqEn.context().close();
  });
});
