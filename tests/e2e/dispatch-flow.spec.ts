// Issue 5's proof 1 as one flow across two terminals paired to one endpoint: the kitchen produces
// a batch and ships it with two more lines; the store receives all but one line in full and that
// one short; both terminals then agree per batch, the kitchen sees the discrepancy, and for every
// batch out + in + loss = 0.
import type { Page } from '@playwright/test';
import type { DispatchDoc, DocumentDoc, MovementDoc } from '../../shared/schemas';
import { pullAll as pull } from '../support/pull';
import { expect, test } from './fixtures';
import { baseQtyOf, demoProduct } from './quantities';
import { go } from './terminal-helpers';

test.setTimeout(300_000);

/** Figures are whole once the first sync (four weeks of demo history) is in. */
async function synced(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-last')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('sync-initial')).toHaveCount(0, { timeout: 120_000 });
}

test('kitchen produces and ships three lines; the store receives one short; both sides agree and transit closes', async ({
  demoTerminal,
  demo,
}) => {
  const kitchen = await demoTerminal('kitchen', { locale: 'zh-CN' });
  const store = await demoTerminal('store-renmin', { locale: 'zh-CN' });
  await synced(kitchen);

  // 1. Production: 900 ml of scallion oil from its recipe, ingredients by FEFO.
  await go(kitchen, 'production');
  await kitchen.getByTestId('recipe-picker').fill('葱油');
  await expect(kitchen.getByTestId('recipe-picker-hits')).toBeVisible({ timeout: 60_000 });
  await kitchen.getByTestId('recipe-picker').press('Enter');
  await kitchen.getByTestId('production-qty').fill('900');
  await kitchen.getByTestId('production-qty').press('Enter');
  await expect(kitchen.getByTestId('production-result')).toBeVisible();
  const producedLot = await kitchen.getByTestId('result-lot').innerText();

  // 2. Dispatch: the new scallion oil and two more products, picked by FEFO, shipped.
  await go(kitchen, 'dispatch');
  await kitchen.getByTestId('new-dispatch-store').click();
  await kitchen
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: /人民路/ })
    .click();
  await kitchen.getByTestId('new-dispatch').click();
  for (const [search, qty] of [
    ['葱油', 300],
    ['番茄', 2000],
    ['东北大米', 5000],
  ] as const) {
    await kitchen.getByTestId('product-picker').fill(search);
    await expect(kitchen.getByTestId('product-picker-hits')).toBeVisible();
    await kitchen.getByTestId('product-picker').press('Enter');
    await kitchen.getByTestId('dispatch-line').last().getByTestId('line-qty').fill(String(qty));
    await kitchen.getByTestId('dispatch-line').last().getByTestId('line-qty').press('Enter');
  }
  await kitchen.getByTestId('mark-picked').click();
  await kitchen.getByTestId('ship').click();
  await expect(kitchen.getByTestId('dispatch-detail-status')).toHaveAttribute('data-status', 'shipped');
  const number = await kitchen.getByTestId('dispatch-number').innerText();
  await expect(kitchen.getByTestId('sync-pending')).toHaveText(/^0 /, { timeout: 60_000 });

  const hqToken = demo.tokens.hq as string;
  const dispatch = (await pull<DispatchDoc>(demo.endpoint.url, hqToken, 'documents')).find((d) => d.number === number);
  if (!dispatch) throw new Error(`dispatch ${number} did not reach the endpoint`);
  const batchIds = dispatch.lines.map((line) => line.batchId ?? '');
  expect(dispatch.lines.some((line) => line.batchId && line.qty > 0)).toBe(true);
  const heldBefore = new Map<string, number>();
  for (const m of await pull<MovementDoc>(demo.endpoint.url, hqToken, 'movements')) {
    if (m.siteId === 'store-renmin' && m.kind !== 'transit-loss' && batchIds.includes(m.batchId))
      heldBefore.set(m.batchId, (heldBefore.get(m.batchId) ?? 0) + m.qty);
  }

  // 3. The store receives it: every line in full but the last, which arrives 100 short.
  await synced(store);
  await go(store, 'receiving');
  await expect(store.getByTestId(`incoming-${number}`)).toHaveAttribute('data-state', 'on-the-way', { timeout: 60_000 });
  await store.getByTestId('receiving-scan').fill(number);
  await store.getByTestId('receiving-scan').press('Enter');
  await expect(store.getByTestId('receive-form')).toBeVisible();
  const last = dispatch.lines.length - 1;
  const shortBy = 100;
  await store.getByTestId(`accepted-${last}`).fill(String(dispatch.lines[last]!.qty - shortBy));
  await store.getByTestId('receive-submit').click();
  await store.locator('.ant-modal-confirm .ant-btn-primary').click();
  await expect(store.getByTestId(`incoming-${number}`)).toHaveAttribute('data-state', 'received', { timeout: 30_000 });
  await expect(store.getByTestId('sync-pending')).toHaveText(/^0 /, { timeout: 60_000 });

  // 4. The store's stock screen shows each received batch with what arrived.
  const lots = new Map((await pull<{ id: string; lotCode: string }>(demo.endpoint.url, hqToken, 'batches')).map((b) => [b.id, b.lotCode]));
  expect([...lots.values()]).toContain(producedLot);
  await go(store, 'stock');
  for (const [index, line] of dispatch.lines.entries()) {
    const batchId = line.batchId ?? '';
    const lot = lots.get(batchId) ?? '';
    const accepted = index === last ? line.qty - shortBy : line.qty;
    await store.getByTestId('stock-search').fill(lot);
    const row = store.getByTestId('stock-table').locator('.ant-table-row', { hasText: lot });
    await expect(row).toHaveCount(1);
    expect(baseQtyOf(await row.getByTestId('stock-qty').innerText(), demoProduct(line.productId))).toBeCloseTo(
      (heldBefore.get(batchId) ?? 0) + accepted,
      3,
    );
  }

  // 5. The kitchen sees the discrepancy, sent back by the store's receipt.
  await go(kitchen, 'dispatch');
  await expect(kitchen.getByTestId('discrepancy-notice').filter({ hasText: number })).toHaveCount(1, { timeout: 60_000 });

  // 6. Per batch: out (kitchen) + in (store) + transit loss = 0.
  const receipt = (await pull<DocumentDoc>(demo.endpoint.url, hqToken, 'documents')).find(
    (d) => d.type === 'store-receipt' && d.dispatchId === dispatch.id,
  );
  expect(receipt?.status).toBe('posted');
  const sums = new Map<string, number>();
  for (const m of await pull<MovementDoc>(demo.endpoint.url, hqToken, 'movements')) {
    if (m.docId !== dispatch.id && m.docId !== receipt?.id) continue;
    // dispatch-out is negative; dispatch-in and transit-loss (which closes transit) are positive.
    sums.set(m.batchId, Math.round(((sums.get(m.batchId) ?? 0) + m.qty) * 1000) / 1000);
  }
  expect([...sums.keys()].sort()).toEqual([...new Set(batchIds)].sort());
  expect([...sums.values()].every((sum) => sum === 0)).toBe(true);
});
