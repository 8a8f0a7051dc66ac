// Purchasing on the demo organisation: a PO over budget is held with its reason on the kitchen
// terminal, approved on the HQ terminal, and seen approved back at the kitchen after sync; a
// receipt priced far from the contract price warns before posting, and stock and payable follow.
import { mkdirSync } from 'node:fs';
import { buildDemoCatalog } from '../../shared/demo/catalog';
import { SeedSession } from '../support/seed';
import { E2E_SITE_DATE, expect } from './fixtures';
import { choose, fill, go, moneyOf, openTerminal, test } from './terminal-helpers';

const shots = 'test-results/screenshots';
mkdirSync(shots, { recursive: true });

const catalog = buildDemoCatalog({ updatedAt: new Date().toISOString() });
/** A non-perishable product bought from a supplier: no expiry date or QC hold in the way. */
const plan = catalog.plans.find((p) => p.supplierId !== null && !p.product.perishable && p.product.category === 'dry-goods');
if (!plan?.supplierId) throw new Error('demo catalog has no dry goods from a supplier');
const product = plan.product;
const supplierId = plan.supplierId;
const supplier = catalog.partners.find((p) => p.id === supplierId);
test.describe.configure({ timeout: 400_000 });
const month = E2E_SITE_DATE.slice(0, 7); // the budget month the terminal is in

test('a PO over budget is held with its reason, approved by HQ and seen approved by the kitchen', async ({
  terminal,
  privateDemo: demo,
}) => {
  const seed = new SeedSession(demo.endpoint);
  await seed.push('hq', 'hq', 'config', [
    {
      id: 'approval-rules:kitchen',
      key: 'approval-rules',
      siteId: 'kitchen',
      value: { budgets: [{ category: 'dry-goods', month, amount: 500 }] },
      updatedAt: new Date().toISOString(),
    },
  ]);
  for (const locale of ['zh-CN', 'en-US'] as const) {
    const kitchen = await openTerminal(() => terminal('kitchen', { locale }));
    await go(kitchen, 'purchasing');
    await expect(kitchen.getByTestId('section-purchasing')).toBeVisible();
    await choose(kitchen, 'po-supplier', locale === 'zh-CN' ? (supplier?.name ?? '') : (supplier?.nameEn ?? ''));
    await choose(kitchen, 'po-line-product-0', product.sku);
    await fill(kitchen, 'po-line-qty-0', '100');
    await fill(kitchen, 'po-line-cost-0', '12.5');
    await kitchen.getByTestId('po-submit').click();
    await expect(kitchen.getByTestId('po-outcome')).toBeVisible();
    const reason = kitchen.getByTestId('po-hold-reason');
    await expect(reason).toContainText(locale === 'zh-CN' ? '干货' : 'Dry goods');
    await expect(reason).toContainText('¥500.00');
    await expect(reason).toContainText('¥1,250.00');
    const number = (await kitchen.getByTestId('po-outcome').innerText()).match(/PO-[\w-]+/)?.[0] ?? '';
    expect(number).not.toBe('');
    await expect(kitchen.getByTestId(`po-state-${number}`).first()).toHaveText(locale === 'zh-CN' ? '待审批' : 'Held for approval');
    await kitchen.screenshot({ path: `${shots}/purchasing-${locale}-po-held.png`, fullPage: true });

    const hq = await openTerminal(() => terminal('hq', { locale }));
    await go(hq, 'purchasing');
    const item = hq.getByTestId(`approval-${number}`);
    await expect(item).toBeVisible({ timeout: 90_000 });
    await expect(item.getByTestId('approval-reason')).toContainText('¥1,250.00');
    await hq.screenshot({ path: `${shots}/purchasing-${locale}-approval-queue.png`, fullPage: true });
    await item.getByTestId('approve').click();
    await expect(item).toHaveCount(0);

    await expect(kitchen.getByTestId(`po-state-${number}`).first()).toHaveText(locale === 'zh-CN' ? '已批准' : 'Approved', {
      timeout: 20_000,
    });
    await expect(kitchen.getByTestId(`receive-${number}`).first()).toBeVisible();

    await go(hq, 'suppliers');
    await expect(hq.getByTestId('budget-table')).toContainText('¥500.00');
    await hq.screenshot({ path: `${shots}/purchasing-${locale}-suppliers-hq.png`, fullPage: true });
    await go(kitchen, 'suppliers');
    await expect(kitchen.getByTestId('suppliers-readonly')).toBeVisible();
  }
});

test('a receipt far from the contract price warns before posting; stock and payable follow', async ({ terminal, privateDemo: demo }) => {
  const seed = new SeedSession(demo.endpoint);
  await seed.push('hq', 'hq', 'config', [
    {
      id: 'approval-rules:org',
      key: 'approval-rules',
      value: { contractPrices: [{ partnerId: supplierId, productId: product.id, unitCost: 10 }], leadTimes: { [supplierId]: 2 } },
      updatedAt: new Date().toISOString(),
    },
  ]);
  for (const locale of ['zh-CN', 'en-US'] as const) {
    const kitchen = await openTerminal(() => terminal('kitchen', { locale }));
    await go(kitchen, 'partner-ledgers');
    await expect(kitchen.getByTestId('ledger-payable-total')).toBeVisible({ timeout: 20_000 });
    const payableBefore = moneyOf(await kitchen.getByTestId('ledger-payable-total').textContent());

    await go(kitchen, 'goods-receipts');
    await choose(kitchen, 'receipt-supplier', locale === 'zh-CN' ? (supplier?.name ?? '') : (supplier?.nameEn ?? ''));
    await choose(kitchen, 'receipt-line-product-0', product.sku);
    await fill(kitchen, 'receipt-line-qty-0', '20');
    await fill(kitchen, 'receipt-line-cost-0', '15');
    await fill(kitchen, 'receipt-line-lot-0', `E2E-${locale}`);
    await expect(kitchen.getByTestId('price-warning')).toContainText('+50.0');
    await kitchen.screenshot({ path: `${shots}/purchasing-${locale}-receipt-warning.png`, fullPage: true });
    await kitchen.getByTestId('receipt-post').click();
    await kitchen.locator('.ant-modal-confirm .ant-btn-primary').click();
    const posted = kitchen.getByTestId('receipt-posted');
    await expect(posted).toBeVisible();
    await expect(posted.getByTestId('receipt-entry')).toContainText('1405');
    await expect(posted.getByTestId('receipt-entry')).toContainText('2202');
    await expect(posted.getByTestId('receipt-entry')).toContainText('¥300.00');
    await kitchen.screenshot({ path: `${shots}/purchasing-${locale}-receipt-posted.png`, fullPage: true });

    await posted.getByTestId('receipt-open-doc').click();
    await expect(kitchen.getByTestId('doc-movements')).toContainText(`E2E-${locale}`);
    await expect(kitchen.getByTestId('doc-movements')).toContainText('20');

    await go(kitchen, 'partner-ledgers');
    await expect
      .poll(async () => moneyOf(await kitchen.getByTestId('ledger-payable-total').textContent()))
      .toBeCloseTo(payableBefore + 300, 2);
    await kitchen.screenshot({ path: `${shots}/finance-${locale}-partner-ledgers.png`, fullPage: true });
  }
});
