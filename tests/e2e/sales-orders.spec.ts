// Issue 17's customer orders: HQ agrees a price of ¥11.30 a jar with a franchise (协议价; the store
// list says ¥12); the kitchen (in Chinese) takes the franchise's order for 30 jars of the 13 % VAT
// sauce, which takes that price by itself, delivers 20 by FEFO (the 15 that expire first, then 5 of the next) and
// the last 10 later; the order reads 部分发货 then 已发货, and another terminal (in English) sees it
// delivered. At the endpoint the deliveries name the order and the books hold Dr 1122 ¥339 /
// Cr 6001 ¥300, Cr 2221 ¥39. Its own endpoint.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rendererDist } from '../../scripts/renderer-build';
import { addDays } from '../../shared/domain';
import type { DocumentDoc, JournalDoc, MovementDoc } from '../../shared/schemas';
import { startEndpointProcess } from '../support/endpoint-process';
import { pullAll } from '../support/pull';
import { goodsReceipt, SeedSession, testProduct } from '../support/seed';
import { E2E_SITE_DATE, expect, test } from './fixtures';
import { atViewport, choose, fill, openPairedTerminal } from './terminal-helpers';

const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });
const KITCHEN = 'kitchen-so';

test('a franchise orders 30 jars; the kitchen delivers 20 by FEFO, then 10; the books hold the VAT', async ({ browser }) => {
  test.setTimeout(180_000);
  const endpoint = await startEndpointProcess({ staticDir: rendererDist });
  try {
    const seed = new SeedSession(endpoint);
    const run = randomUUID().slice(0, 6);
    const sauce = testProduct(`sauce-${run}`, {
      sku: `SAUCE-${run}`,
      name: '秘制酱料',
      nameEn: 'House sauce',
      baseUnit: 'jar',
      taxRate: 0.13,
      // A shelf life makes it FEFO (earliest expiry first); without one it would leave FIFO.
      shelfLifeDays: 90,
      salePrices: [{ price: 12, from: '2000-01-01' }],
    });
    await seed.products([sauce]);
    const later = `L${run}`;
    const sooner = `S${run}`;
    await seed.post(
      goodsReceipt(KITCHEN, [
        { productId: sauce.id, qty: 40, unitCost: 5, lotCode: later, expiryDate: addDays(E2E_SITE_DATE, 60) },
        { productId: sauce.id, qty: 15, unitCost: 4, lotCode: sooner, expiryDate: addDays(E2E_SITE_DATE, 20) },
      ]),
      'kitchen',
    );
    const customerId = `franchise-${run}`;
    await seed.push('hq', 'hq', 'partners', [
      {
        id: customerId,
        kind: 'customer',
        code: `JM-${run}`,
        name: '西湖加盟店',
        nameEn: 'West Lake franchise',
        active: true,
        creditLimit: 5000,
        updatedAt: new Date().toISOString(),
      },
    ]);

    // HQ (中文) agrees ¥11.30 a jar with the franchise (the store price list says ¥12): 协议价 on the customer.
    const hq = await openPairedTerminal(browser, endpoint.url, (await endpoint.addTerminal('hq', 'office')).token, 'zh-CN');
    await hq.evaluate(() => (location.hash = '#/partners'));
    await hq.getByTestId('partners-table').getByRole('row').filter({ hasText: '西湖加盟店' }).click({ timeout: 60_000 });
    await hq.getByTestId('partner-price-add').click();
    await choose(hq, 'partner-price-product-0', `SAUCE-${run}`);
    await fill(hq, 'partner-price-0', '11.3');
    await hq.getByTestId('partner-prices').locator('input[type=date]').fill(E2E_SITE_DATE);
    await hq.screenshot({ path: `${screenshotDir}/sales-orders-zh-CN-agreed-price.png` });
    await hq.getByTestId('partner-save').click();
    await expect(hq.getByTestId('partner-save')).toHaveCount(0);
    await expect(hq.getByTestId('sync-pending')).toHaveText(/^0 /, { timeout: 30_000 });

    // 中文, at the kitchen: the order takes the agreed ¥11.30 by itself.
    const office = await openPairedTerminal(browser, endpoint.url, (await endpoint.addTerminal(KITCHEN, 'office')).token, 'zh-CN');
    await office.evaluate(() => (location.hash = '#/sales-orders'));
    await expect(office.getByTestId('sales-orders-table')).toContainText('还没有客户订单');
    await office.getByTestId('sales-order-new').click();
    await choose(office, 'sales-order-customer', '西湖');
    await expect(office.getByTestId('sales-order-credit')).toContainText('信用额度 ¥5,000.00');
    await office.getByTestId('sales-order-search').fill(`SAUCE-${run}`);
    await office.getByTestId(`search-hit-SAUCE-${run}`).click();
    await fill(office, `sales-order-qty-SAUCE-${run}`, '30');
    await office.keyboard.press('Tab');
    await expect(office.getByTestId(`sales-order-price-SAUCE-${run}`)).toHaveValue('11.30');
    await expect(office.getByRole('dialog').getByTestId('sales-order-totals')).toHaveText('金额 ¥300.00 + 税额 ¥39.00 = 价税合计 ¥339.00');
    await office.screenshot({ path: `${screenshotDir}/sales-orders-zh-CN-new.png` });
    await office.getByTestId('sales-order-submit').click();

    // The order's page: 待发货; this delivery proposes all 30; 20 go now, FEFO.
    await expect(office.getByTestId('sales-order-state')).toHaveText('待发货');
    await expect(office.getByTestId('sales-order-totals')).toHaveText('金额 ¥300.00 + 税额 ¥39.00 = 价税合计 ¥339.00');
    await expect(office.getByTestId('sales-order-delivery')).toContainText(sooner);
    await fill(office, `sale-qty-${sauce.id}`, '20');
    await office.keyboard.press('Tab');
    await expect(office.getByTestId('sales-order-deliver')).toContainText('¥226.00');
    // The till's 1024 × 768: the delivery's columns and its button still fit.
    await atViewport(office, { width: 1024, height: 768 });
    await office.screenshot({ path: `${screenshotDir}/sales-orders-zh-CN-deliver-1024.png` });
    await atViewport(office, { width: 1280, height: 800 });
    await office.getByTestId('sales-order-deliver').click();
    await expect(office.getByTestId('sales-order-state')).toHaveText('部分发货');
    await expect(office.getByTestId('sales-order-lines')).toContainText('10');
    await expect(office.getByTestId('sales-order-deliver')).toContainText('¥113.00');
    await office.getByTestId('sales-order-deliver').click();
    await expect(office.getByTestId('sales-order-state')).toHaveText('已发货');
    await expect(office.getByTestId('sales-order-deliveries').getByRole('row')).toHaveCount(3);
    await expect(office.getByTestId('sales-order-delivery')).toHaveCount(0);
    await office.screenshot({ path: `${screenshotDir}/sales-orders-zh-CN-delivered.png` });
    // The first delivery's 销售单: 20 jars, amount ¥200 + VAT ¥26 = ¥226, in capitals.
    await office.getByTestId('sales-order-deliveries').locator('[data-testid^="sales-slip-"]').first().click();
    await expect(office.getByText(/销售单 XS-.* 已发送到打印机/)).toBeVisible();
    const slip = await office.evaluate(() => (window as { __larderLastPrint?: { html: string } }).__larderLastPrint?.html ?? '');
    expect(slip).toContain('<h1>销售单</h1>');
    expect(slip).toContain('购货单位: 西湖加盟店');
    expect(slip).toMatch(/<td class="num">¥200.00<\/td><td class="num">¥26.00<\/td><td class="num">¥226.00<\/td><\/tr><\/tbody>/);
    expect(slip).toContain('人民币贰佰贰拾陆元整');
    await expect(office.getByTestId('sync-pending')).toHaveText(/^0 /, { timeout: 30_000 });

    // English, at the kitchen's counter: the order is delivered, ¥339.00 incl. VAT.
    const counter = await openPairedTerminal(browser, endpoint.url, (await endpoint.addTerminal(KITCHEN, 'counter')).token, 'en-US');
    await counter.evaluate(() => (location.hash = '#/sales-orders'));
    const row = counter.getByTestId('sales-orders-table').getByRole('row').filter({ hasText: 'West Lake franchise' });
    await expect(row).toContainText('Delivered', { timeout: 60_000 });
    await expect(row).toContainText('¥339.00');
    await counter.screenshot({ path: `${screenshotDir}/sales-orders-en-list.png` });

    // At the endpoint: two sales on account name the order; FEFO took the 15 sooner jars first.
    const hqToken = (await seed.terminalOf('hq', 'hq')).token;
    const documents = await pullAll<DocumentDoc>(endpoint.url, hqToken, 'documents');
    const order = documents.find((doc) => doc.type === 'sales-order' && doc.partnerId === customerId)!;
    expect(order).toMatchObject({ status: 'approved', lines: [{ qty: 30, unitPrice: 11.3, taxRate: 0.13 }] });
    const deliveries = documents.filter((doc) => doc.type === 'sale' && doc.salesOrderId === order.id);
    expect(deliveries).toHaveLength(2);
    expect(deliveries.every((sale) => sale.partnerId === customerId && sale.paymentMethod === 'credit')).toBe(true);
    const movements = (await pullAll<MovementDoc>(endpoint.url, hqToken, 'movements')).filter((movement) =>
      deliveries.some((sale) => sale.id === movement.docId),
    );
    expect(movements.reduce((sum, movement) => sum + movement.qty, 0)).toBe(-30);
    const first = [...deliveries].sort((a, b) => a.at.localeCompare(b.at))[0]!;
    expect(
      movements
        .filter((movement) => movement.docId === first.id)
        .map((movement) => movement.qty)
        .sort(),
    ).toEqual([-15, -5]);
    const journal = (await pullAll<JournalDoc>(endpoint.url, hqToken, 'journal')).filter((entry) =>
      deliveries.some((sale) => sale.id === entry.docId),
    );
    const balance = (code: string) =>
      Math.round(
        journal
          .flatMap((entry) => entry.lines)
          .filter((line) => line.accountCode === code)
          .reduce((sum, line) => sum + line.debit - line.credit, 0) * 100,
      ) / 100;
    expect(balance('1122')).toBe(339);
    expect(balance('6001')).toBe(-300);
    expect(balance('2221')).toBe(-39);
    await Promise.all([hq.context().close(), office.context().close(), counter.context().close()]);
  } finally {
    await endpoint.stop();
  }
});
