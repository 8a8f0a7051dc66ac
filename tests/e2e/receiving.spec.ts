// Store receiving on the demo organisation: the open dispatch received with one line short, a
// dispatch received offline from its QR codes alone (counted once after sync), bad scans named.
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { addDays } from '../../shared/domain';
import { buildDemoCatalog } from '../../shared/demo/catalog';
import { encodeDispatchQr } from '../../shared/dispatch/qr-payload';
import type { DispatchDoc, DocumentDoc, EventDoc, MovementDoc } from '../../shared/schemas';
import { SeedSession, goodsReceipt } from '../support/seed';
import { E2E_SITE_DATE, expect, test } from './fixtures';
import { pullAll } from '../support/pull';
import { baseQtyOf, demoProduct, qtyShown } from './quantities';
import type { ProductUnits } from '../../shared/ops/quantity';

const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });

/** In-app navigation (no reload): the page stays loaded while other engineers rebuild dist/. */
async function openRoute(page: Page, route: string) {
  // A rebuild of dist/ by someone else may have answered the first load with a 404: load again.
  for (let attempt = 0; attempt < 5 && (await page.getByText('404 Not Found').count()) > 0; attempt++) {
    await page.waitForTimeout(3_000);
    await page.reload();
  }
  await expect(page.getByTestId('header-site')).toBeVisible({ timeout: 30_000 });
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#/${route}`);
  await expect(page.getByTestId(`section-${route}`)).toBeVisible({ timeout: 20_000 });
}

/** Dispatches to the store that no store receipt answers yet, as the endpoint holds them. */
async function openDispatches(endpointUrl: string, hqToken: string, storeId: string): Promise<DispatchDoc[]> {
  const documents = await pullAll<DocumentDoc>(endpointUrl, hqToken, 'documents');
  const answered = new Set(documents.filter((d) => d.type === 'store-receipt').map((d) => d.dispatchId));
  return documents.filter(
    (d): d is DispatchDoc => d.type === 'dispatch' && d.toSiteId === storeId && d.status === 'shipped' && !answered.has(d.id),
  );
}

/** Σ qty per batch over the movements of the given documents: out + in + loss. */
async function sumsPerBatch(endpointUrl: string, hqToken: string, docIds: readonly string[]): Promise<Map<string, number>> {
  const movements = await pullAll<MovementDoc>(endpointUrl, hqToken, 'movements');
  const sums = new Map<string, number>();
  for (const m of movements)
    if (docIds.includes(m.docId)) sums.set(m.batchId, Math.round(((sums.get(m.batchId) ?? 0) + m.qty) * 1000) / 1000);
  return sums;
}

/** The store's history has arrived (its stock rows show): receiving then posts at once. */
async function waitForFirstSync(page: Page) {
  await openRoute(page, 'stock');
  await expect(page.getByTestId('stock-table').locator('.ant-table-row[data-batch]').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('stock-table').locator('[data-testid="stock-lot"]').first()).not.toHaveText('—', { timeout: 60_000 });
}

async function scan(page: Page, testId: string, text: string) {
  const box = page.getByTestId(testId);
  await box.fill(text);
  await box.press('Enter');
}

/** The stock row of a lot shows `qty` base units, in whatever units the product is read in. */
async function expectStockOf(page: Page, lotCode: string, qty: number, product: ProductUnits) {
  await page.getByTestId('stock-search').fill(lotCode);
  const row = page.getByTestId('stock-table').locator('.ant-table-row', { hasText: lotCode });
  await expect(row).toHaveCount(1);
  const shown = row.getByTestId('stock-qty');
  await expect.poll(async () => baseQtyOf(await shown.innerText(), product), { message: `stock of ${lotCode}` }).toBeCloseTo(qty, 3);
}

test.describe.configure({ mode: 'serial' });

test('the store receives the open dispatch with one line short; stock and transit close', async ({ demoTerminal, demo }) => {
  const hqToken = demo.tokens.hq as string;
  const [dispatch] = await openDispatches(demo.endpoint.url, hqToken, 'store-renmin');
  if (!dispatch) throw new Error('the demo has no open dispatch to store-renmin');
  // What the store already holds of these batches (an earlier shipment of the same batch).
  const heldBefore = new Map<string, number>();
  for (const m of await pullAll<MovementDoc>(demo.endpoint.url, hqToken, 'movements')) {
    if (m.siteId === 'store-renmin' && m.kind !== 'transit-loss') heldBefore.set(m.batchId, (heldBefore.get(m.batchId) ?? 0) + m.qty);
  }
  const store = await demoTerminal('store-renmin', { locale: 'zh-CN' });
  await waitForFirstSync(store);
  await openRoute(store, 'receiving');
  const row = store.getByTestId(`incoming-${dispatch.number}`);
  await expect(row).toHaveAttribute('data-state', 'on-the-way');
  await store.screenshot({ path: `${screenshotDir}/receiving-zh-CN-list.png` });

  // Keyboard first: the scan box has focus; type the number, Enter opens the receipt.
  await expect(store.getByTestId('receiving-scan')).toBeFocused();
  await store.keyboard.type(dispatch.number);
  await store.keyboard.press('Enter');
  await expect(store.getByTestId('receive-form')).toBeVisible();
  await expect(store.getByTestId('receive-submit')).toBeFocused();
  const last = dispatch.lines.length - 1;
  const shortBy = Math.min(1, dispatch.lines[last]!.qty / 2);
  const accepted = dispatch.lines.map((line, index) => (index === last ? line.qty - shortBy : line.qty));
  await store.getByTestId(`accepted-${last}`).fill(String(accepted[last]));
  await store.getByTestId(`accepted-${last}`).press('Enter'); // typed in base units; Enter commits it
  await expect(store.getByTestId(`short-${last}`)).toContainText(qtyShown(shortBy, demoProduct(dispatch.lines[last]!.productId), 'zh-CN'));
  await store.screenshot({ path: `${screenshotDir}/receiving-zh-CN-receive.png`, fullPage: true });
  await store.getByTestId('receive-submit').focus();
  await store.keyboard.press('Enter');
  await expect(store.locator('.ant-modal-confirm .ant-btn-primary')).toBeFocused();
  await store.keyboard.press('Enter');
  await expect(store.getByTestId('receiving-notice')).toContainText('已过账', { timeout: 30_000 });
  await expect(row).toHaveAttribute('data-state', 'received');

  // Opening it again says "already received" rather than posting twice.
  await scan(store, 'receiving-scan', dispatch.number);
  await expect(store.getByTestId('receiving-notice')).toContainText('已收货');

  await openRoute(store, 'stock');
  const batches = await pullAll<{ id: string; lotCode: string }>(demo.endpoint.url, hqToken, 'batches');
  for (const [index, line] of dispatch.lines.entries()) {
    const lot = batches.find((b) => b.id === line.batchId)?.lotCode;
    if (!lot) throw new Error(`no lot for batch ${line.batchId}`);
    const expected = Math.round(((heldBefore.get(line.batchId as string) ?? 0) + (accepted[index] as number)) * 1000) / 1000;
    await expectStockOf(store, lot, expected, demoProduct(line.productId));
  }
  await store.getByTestId('stock-search').fill('');
  await store.screenshot({ path: `${screenshotDir}/stock-zh-CN-store.png` });

  await expect(store.getByTestId('sync-pending')).toHaveText(/^0 /, { timeout: 20_000 });
  const receiptId = (await pullAll<DocumentDoc>(demo.endpoint.url, hqToken, 'documents')).find(
    (d) => d.type === 'store-receipt' && d.dispatchId === dispatch.id,
  )?.id;
  expect(receiptId).toBeTruthy();
  const sums = await sumsPerBatch(demo.endpoint.url, hqToken, [dispatch.id, receiptId as string]);
  expect([...sums.values()]).toEqual(dispatch.lines.map(() => 0));
});

test('offline by QR: received from the codes alone, counted once after sync, the kitchen told', async ({ demoTerminal, demo }) => {
  const store = await demoTerminal('store-renmin');
  await waitForFirstSync(store);
  await openRoute(store, 'receiving');
  await expect(store.locator('tr[data-state]').first()).toBeVisible({ timeout: 60_000 });
  await expect(store.getByTestId('sync-connectivity')).toHaveText('Online');

  // The store goes offline before the kitchen ships.
  await store.context().setOffline(true);
  await expect(store.getByTestId('sync-connectivity')).toHaveText('Offline');

  const today = E2E_SITE_DATE; // the terminal's business date under its pinned site clock
  const products = buildDemoCatalog({ updatedAt: new Date().toISOString() })
    .plans.map((plan) => plan.product)
    .filter((p) => p.perishable && p.shelfLifeDays !== undefined)
    .slice(0, 9);
  const session = new SeedSession(demo.endpoint);
  for (const product of products) session.ledger.upsertProduct(product);
  const lotBase = `QR${Date.now().toString().slice(-6)}`;
  const receipt = goodsReceipt(
    'kitchen',
    products.map((product, index) => ({
      productId: product.id,
      qty: 20,
      unitCost: 1 + index,
      lotCode: `${lotBase}-${index}`,
      expiryDate: addDays(today, 6),
      certificateHashes: ['a'.repeat(64)],
    })),
  );
  await session.post(receipt, 'kitchen');
  const now = new Date().toISOString();
  const shipped = await session.post(
    {
      id: randomUUID(),
      type: 'dispatch',
      siteId: 'kitchen',
      toSiteId: 'store-renmin',
      number: `PS-QR-${lotBase}`,
      status: 'draft',
      businessDate: today,
      at: now,
      terminalId: 'seed',
      updatedAt: now,
      lines: receipt.lines.map((line) => ({ productId: line.productId, batchId: line.batchId, qty: 8 })),
    } as DispatchDoc,
    'kitchen',
  );
  const dispatch = shipped.result.document as DispatchDoc;
  const texts = encodeDispatchQr({
    dispatchId: dispatch.id,
    number: dispatch.number,
    siteId: 'kitchen',
    toSiteId: 'store-renmin',
    businessDate: dispatch.businessDate,
    shippedAt: dispatch.at,
    lines: dispatch.lines.map((line, index) => ({
      productId: line.productId,
      batchId: line.batchId as string,
      lotCode: `${lotBase}-${index}`,
      expiryDate: addDays(today, 6),
      qty: line.qty,
      unitCost: line.unitCost ?? 0,
    })),
  });
  expect(texts.length).toBeGreaterThan(1);

  await scan(store, 'receiving-scan', texts[0] as string);
  await expect(store.getByTestId('receiving-notice')).toContainText(`Scan part 2 of ${texts.length}`);
  for (const text of texts.slice(1)) await scan(store, 'receiving-scan', text);
  await expect(store.getByTestId('receive-form')).toBeVisible();
  await expect(store.getByTestId('receive-source')).toBeVisible();
  await expect(store.getByTestId('receive-form')).toContainText(products[0]!.nameEn as string);
  await store.screenshot({ path: `${screenshotDir}/receiving-en-qr.png`, fullPage: true });
  await store.getByTestId('accepted-0').fill('6');
  await store.getByTestId('receive-submit').focus();
  await store.keyboard.press('Enter');
  await expect(store.locator('.ant-modal-confirm .ant-btn-primary')).toBeFocused();
  await store.keyboard.press('Enter');
  await expect(store.getByTestId('receiving-notice')).toContainText('posted', { timeout: 30_000 });

  await openRoute(store, 'stock');
  await expectStockOf(store, `${lotBase}-0`, 6, products[0]!);
  await expectStockOf(store, `${lotBase}-1`, 8, products[1]!);

  await store.context().setOffline(false);
  await expect(store.getByTestId('sync-connectivity')).toHaveText('Online', { timeout: 30_000 });
  await expect(store.getByTestId('sync-pending')).toHaveText(/^0 /, { timeout: 30_000 });
  await openRoute(store, 'receiving');
  await expect(store.getByTestId(`incoming-${dispatch.number}`)).toHaveAttribute('data-state', 'received', { timeout: 30_000 });
  await openRoute(store, 'stock');
  await expectStockOf(store, `${lotBase}-0`, 6, products[0]!);
  await expectStockOf(store, `${lotBase}-1`, 8, products[1]!);

  const hqToken = demo.tokens.hq as string;
  const receiptDoc = (await pullAll<DocumentDoc>(demo.endpoint.url, hqToken, 'documents')).filter(
    (d) => d.type === 'store-receipt' && d.dispatchId === dispatch.id,
  );
  expect(receiptDoc).toHaveLength(1);
  const sums = await sumsPerBatch(demo.endpoint.url, hqToken, [dispatch.id, receiptDoc[0]!.id]);
  expect([...sums.values()].every((sum) => sum === 0)).toBe(true);
  // The kitchen's terminal may read the discrepancy notice addressed to it.
  const kitchenEvents = await pullAll<EventDoc>(demo.endpoint.url, demo.tokens.kitchen as string, 'events');
  expect(kitchenEvents.filter((e) => e.kind === 'discrepancy' && e.docId === receiptDoc[0]!.id && e.toSiteId === 'kitchen')).toHaveLength(
    1,
  );
});

test('a damaged code and a foreign barcode are named', async ({ demoTerminal }) => {
  for (const locale of ['en-US', 'zh-CN'] as const) {
    const store = await demoTerminal('store-renmin', { locale });
    await openRoute(store, 'receiving');
    await scan(store, 'receiving-scan', '6901234567892');
    await expect(store.getByTestId('receiving-notice')).toContainText(locale === 'en-US' ? 'not a dispatch note code' : '不是本店的配送单');
    await scan(store, 'receiving-scan', 'LDR1.1/1.00000000.eyJhIjox');
    await expect(store.getByTestId('receiving-notice')).toContainText(locale === 'en-US' ? 'could not be read' : '无法识别');
    await scan(store, 'receiving-scan', 'LDR1.1/2.zz');
    await expect(store.getByTestId('receiving-notice')).toContainText(locale === 'en-US' ? 'could not be read' : '无法识别');
    await store.screenshot({ path: `${screenshotDir}/receiving-${locale === 'en-US' ? 'en' : 'zh-CN'}-bad-scan.png` });
    await waitForFirstSync(store);
    await openRoute(store, 'store-request');
    await expect(store.getByTestId('request-list')).toBeVisible();
    await scan(store, 'request-scan', 'hsr');
    await expect(store.getByTestId('request-form').locator('.ant-table-row')).toHaveCount(1);
    await store.screenshot({ path: `${screenshotDir}/store-request-${locale === 'en-US' ? 'en' : 'zh-CN'}.png`, fullPage: true });
    await store.getByTestId('request-submit').click();
    await expect(store.getByTestId('request-submitted')).toBeVisible();
    await expect(store.getByTestId('request-list').locator('.ant-table-row').first()).toContainText('YH-');
  }
});
