// The books on the demo organisation: a receipt and a sale posted by the shared rules (pushed as
// the kitchen), then on the kitchen terminal the journal drills from the sale's entry to the sale,
// from its batch to the receipt, and from the receipt back to its entries; the HQ KPI dashboard
// shows plausible figures from four weeks of history, in both languages.
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { buildDemoCatalog } from '../../shared/demo/catalog';
import type { DocumentDoc } from '../../shared/schemas';
import { goodsReceipt, SeedSession } from '../support/seed';
import { expect } from './fixtures';
import { go, moneyOf, openTerminal, test } from './terminal-helpers';

const shots = 'test-results/screenshots';
mkdirSync(shots, { recursive: true });
test.describe.configure({ timeout: 400_000 });

const catalog = buildDemoCatalog({ updatedAt: new Date().toISOString() });
const plan =
  catalog.plans.find((p) => p.supplierId !== null && !p.product.perishable && p.product.category === 'drinks') ??
  catalog.plans.find((p) => !p.product.perishable);
if (!plan) throw new Error('demo catalog has no non-perishable product');
const product = plan.product;

async function switchToEnglish(page: Page): Promise<void> {
  await go(page, 'settings');
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('nav').getByText('Settings', { exact: true })).toBeVisible();
}

test('the journal drills from a sale to its batch’s receipt and back', async ({ terminal, privateDemo: demo }) => {
  const seed = new SeedSession(demo.endpoint);
  seed.ledger.upsertProduct(product);
  const receipt = {
    ...goodsReceipt('kitchen', [{ productId: product.id, qty: 40, unitCost: 3, lotCode: 'FIN-E2E-1' }]),
    partnerId: plan.supplierId ?? 'supplier-test',
  } as DocumentDoc;
  const received = await seed.post(receipt, 'kitchen');
  const batchId = received.result.batches[0]?.id ?? '';
  const now = new Date().toISOString();
  const sale: DocumentDoc = {
    id: randomUUID(),
    type: 'sale',
    siteId: 'kitchen',
    number: `XS-FIN-E2E-${Math.floor(Math.random() * 1e6)}`,
    status: 'draft',
    businessDate: now.slice(0, 10),
    at: now,
    terminalId: 'seed',
    paymentMethod: 'cash',
    lines: [{ productId: product.id, qty: 10, unitPrice: 8, batchId }],
    updatedAt: now,
  };
  await seed.post(sale, 'kitchen');

  // One terminal, both languages: the second pass switches the language rather than syncing the
  // demo history into a second browser (the first sync is most of this test's time).
  const kitchen = await openTerminal(() => terminal('kitchen', { locale: 'zh-CN' }));
  for (const locale of ['zh-CN', 'en-US'] as const) {
    if (locale === 'en-US') await switchToEnglish(kitchen);
    await go(kitchen, 'journal');
    await kitchen.getByTestId('journal-search').locator('input').fill(sale.number);
    const link = kitchen.getByTestId('journal-doc-link').first();
    await expect(link).toHaveText(sale.number, { timeout: 30_000 });
    await kitchen.screenshot({ path: `${shots}/finance-${locale}-journal.png`, fullPage: true });
    await link.click();
    await expect(kitchen.getByTestId('doc-title')).toContainText(sale.number);
    await expect(kitchen.getByTestId('doc-movements')).toContainText('FIN-E2E-1');
    await expect(kitchen.getByTestId('doc-entry')).toContainText('6001');
    await expect(kitchen.getByTestId('doc-entry')).toContainText('¥80.00');
    await kitchen.screenshot({ path: `${shots}/finance-${locale}-document-sale.png`, fullPage: true });
    await kitchen.getByTestId('doc-batch-source').first().click();
    await expect(kitchen.getByTestId('doc-title')).toContainText(receipt.number);
    await expect(kitchen.getByTestId('doc-entry')).toContainText('1405');
    await expect(kitchen.getByTestId('doc-entry')).toContainText('¥120.00');
    await kitchen.screenshot({ path: `${shots}/finance-${locale}-document-receipt.png`, fullPage: true });
    await kitchen.getByTestId('doc-back').click();
    await expect(kitchen.getByTestId('journal-table')).toBeVisible();
    await kitchen.getByRole('tab', { name: locale === 'zh-CN' ? '试算平衡表' : 'Trial balance' }).click();
    await expect(kitchen.getByTestId('trial-balanced')).toBeVisible();
    await kitchen.screenshot({ path: `${shots}/finance-${locale}-trial-balance.png`, fullPage: true });
  }
});

test('the HQ KPI dashboard shows plausible figures from the demo history', async ({ terminal }) => {
  const hq = await openTerminal(() => terminal('hq', { locale: 'zh-CN' }));
  for (const locale of ['zh-CN', 'en-US'] as const) {
    if (locale === 'en-US') await switchToEnglish(hq);
    await go(hq, 'reports');
    const inventory = hq.getByTestId('kpi-card-inventory').locator('.ant-statistic-content');
    await expect.poll(async () => moneyOf(await inventory.textContent()), { timeout: 60_000 }).toBeGreaterThan(1000);
    // Visiting every screen first may have computed before the last sync batch; wait for quiet.
    await hq.waitForTimeout(2_000);
    const value = (id: string) => hq.getByTestId(`kpi-card-${id}`).locator('.ant-statistic-content').textContent();
    await expect.poll(async () => moneyOf(await value('turnover')), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(moneyOf(await value('loss'))).toBeGreaterThan(0);
    expect(moneyOf(await value('loss'))).toBeLessThan(50);
    expect(moneyOf(await value('margin'))).toBeGreaterThan(10);
    expect(moneyOf(await value('margin'))).toBeLessThan(90);
    const ms = Number(await hq.getByTestId('kpi-ms').getAttribute('data-ms'));
    console.log(`[kpi] ${locale}: HQ dashboard computed in ${ms} ms (${(await hq.getByTestId('kpi-ms').textContent()) ?? ''})`);
    await expect(hq.getByTestId('chart-daily').locator('canvas')).toBeVisible();
    await hq.screenshot({ path: `${shots}/reports-${locale}-dashboard.png`, fullPage: true });
    await hq.getByTestId('kpi-site').click();
    await hq.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(2).click();
    await expect(hq.getByTestId('kpi-ms')).toBeVisible();
    await hq.screenshot({ path: `${shots}/reports-${locale}-dashboard-one-site.png`, fullPage: true });
  }
});
