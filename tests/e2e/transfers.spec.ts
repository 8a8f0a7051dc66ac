// Issue 17's transfer proof: store A (in Chinese) transfers two lines to store B by FEFO and prints
// the 调拨单; store B (in English), offline, receives it from the note's QR codes with one line
// short; back online, the endpoint holds both stores' books agreeing: per batch out + in + loss =
// 0, and what A put into transit (Dr 1402) B took out of it (Cr 1402). Store A sees B's
// discrepancy on its transfer. Its own endpoint: two stores of its own.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { rendererDist } from '../../scripts/renderer-build';
import { dispatchQrPayload, encodeDispatchQr } from '../../shared/dispatch/qr-payload';
import { addDays } from '../../shared/domain';
import type { BatchDoc, DocumentDoc, JournalDoc, MovementDoc, TransferDoc } from '../../shared/schemas';
import { startEndpointProcess } from '../support/endpoint-process';
import { pullAll } from '../support/pull';
import { goodsReceipt, SeedSession, testProduct } from '../support/seed';
import { E2E_SITE_DATE, expect, test } from './fixtures';
import { openPairedTerminal } from './terminal-helpers';

const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });
const STORE_A = 'store-ta';
const STORE_B = 'store-tb';

async function scan(page: Page, text: string) {
  const box = page.getByTestId('receiving-scan');
  await box.fill(text);
  await box.press('Enter');
}

/** Σ debit − credit of `account` over the journal entries of the documents. */
function balanceOf(journal: readonly JournalDoc[], docIds: readonly string[], account: string): number {
  const total = journal
    .filter((entry) => docIds.includes(entry.docId))
    .flatMap((entry) => entry.lines)
    .filter((line) => line.accountCode === account)
    .reduce((sum, line) => sum + line.debit - line.credit, 0);
  return Math.round(total * 100) / 100;
}

test('a store transfers two lines to another store, received one short offline by QR; both books agree', async ({ browser }) => {
  test.setTimeout(240_000);
  const endpoint = await startEndpointProcess({ staticDir: rendererDist });
  try {
    const seed = new SeedSession(endpoint);
    await endpoint.admin('site', 'add', '--id', STORE_A, '--kind', 'store', '--name', '人民路店');
    await endpoint.admin('site', 'add', '--id', STORE_B, '--kind', 'store', '--name', 'Jiefang Rd');
    const run = randomUUID().slice(0, 6);
    const milk = testProduct(`milk-${run}`, { sku: `MILK-${run}`, name: '鲜牛奶', nameEn: 'Fresh milk', baseUnit: '瓶', perishable: true });
    const bread = testProduct(`bread-${run}`, { sku: `BREAD-${run}`, name: '吐司', nameEn: 'Toast', baseUnit: '袋' });
    await seed.products([milk, bread]);
    await seed.post(
      goodsReceipt(STORE_A, [
        // A perishable batch moves once its certificate is on file.
        {
          productId: milk.id,
          qty: 12,
          unitCost: 6,
          lotCode: `M${run}`,
          expiryDate: addDays(E2E_SITE_DATE, 5),
          certificateHashes: ['a'.repeat(64)],
        },
        { productId: bread.id, qty: 10, unitCost: 4.5, lotCode: `B${run}`, expiryDate: addDays(E2E_SITE_DATE, 3) },
      ]),
      'store',
    );
    const hqToken = (await seed.terminalOf('hq', 'hq')).token;

    // Store B opens its receiving screen once online (the screen's code loads), then loses the network.
    const storeB = await openPairedTerminal(browser, endpoint.url, (await endpoint.addTerminal(STORE_B, 'till')).token, 'en-US');
    await storeB.evaluate(() => (location.hash = '#/receiving'));
    await expect(storeB.getByTestId('incoming-list')).toBeVisible({ timeout: 60_000 });
    // … after its first sync (the products and the other store's name are on the till).
    await expect(storeB.getByTestId('header-site')).toContainText('Jiefang Rd', { timeout: 60_000 });
    await expect(storeB.getByTestId('sync-initial')).toHaveCount(0, { timeout: 60_000 });
    await storeB.context().setOffline(true);
    await expect(storeB.getByTestId('sync-connectivity')).toHaveText('Offline');

    // Store A, in Chinese: a transfer to Jiefang Rd, two lines picked by FEFO, shipped, the note printed.
    const storeA = await openPairedTerminal(browser, endpoint.url, (await endpoint.addTerminal(STORE_A, 'till')).token, 'zh-CN');
    await storeA.evaluate(() => (location.hash = '#/stock'));
    await expect(storeA.getByTestId(`stock-row-${milk.sku}`)).toBeVisible({ timeout: 60_000 });
    await storeA.evaluate(() => (location.hash = '#/transfers'));
    await expect(storeA.getByTestId('section-transfers')).toContainText('门店调拨');
    await storeA.getByTestId('new-dispatch-store').click();
    await storeA.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Jiefang Rd' }).click();
    await storeA.getByTestId('new-dispatch').click();
    for (const [product, qty] of [
      [milk, '4'],
      [bread, '3'],
    ] as const) {
      await storeA.getByTestId('product-picker').fill(product.sku);
      await expect(storeA.getByTestId('product-picker-hits')).toBeVisible();
      await storeA.getByTestId('product-picker').press('Enter');
      const line = storeA.getByTestId('dispatch-line').last();
      await line.getByTestId('line-qty').fill(qty);
      await line.getByTestId('line-qty').press('Enter');
    }
    await expect(storeA.getByTestId('dispatch-line')).toHaveCount(2);
    await storeA.getByTestId('mark-picked').click();
    await expect(storeA.getByTestId('dispatch-detail-status')).toHaveAttribute('data-status', 'picked');
    await storeA.getByTestId('ship').click();
    await expect(storeA.getByTestId('dispatch-detail-status')).toHaveAttribute('data-status', 'shipped');
    const number = (await storeA.getByTestId('dispatch-number').innerText()).trim();
    expect(number).toMatch(/^DB-/);
    await storeA.getByTestId('print-note').click();
    await expect(storeA.getByTestId('print-status')).toBeVisible();
    const printed = await storeA.evaluate(() => (window as { __larderLastPrint?: { html: string } }).__larderLastPrint?.html ?? '');
    expect(printed).toContain('<h1>调拨单</h1>');
    expect(printed).toContain('Jiefang Rd');
    await storeA.screenshot({ path: `${screenshotDir}/transfers-zh-CN-shipped.png` });
    await expect(storeA.getByTestId('sync-pending')).toHaveText(/^0 /, { timeout: 30_000 });

    // The note's QR codes, as printed (the same payload the note encodes), scanned at store B offline.
    const documents = await pullAll<DocumentDoc>(endpoint.url, hqToken, 'documents');
    const transfer = documents.find((doc): doc is TransferDoc => doc.type === 'transfer' && doc.number === number)!;
    expect(transfer).toMatchObject({ siteId: STORE_A, toSiteId: STORE_B, status: 'shipped' });
    const batches = await pullAll<BatchDoc>(endpoint.url, hqToken, 'batches');
    const texts = encodeDispatchQr(dispatchQrPayload(transfer, { batch: (id) => batches.find((b) => b.id === id) }));
    for (const text of texts) await scan(storeB, text);
    await expect(storeB.getByTestId('receive-form')).toBeVisible();
    await expect(storeB.getByTestId('receive-source')).toBeVisible();
    await expect(storeB.getByTestId('receive-form')).toContainText(`Receive ${number}`);
    const milkLine = transfer.lines.findIndex((line) => line.productId === milk.id);
    await storeB.getByTestId(`accepted-${milkLine}`).fill('3');
    await storeB.getByTestId(`accepted-${milkLine}`).blur();
    await expect(storeB.getByTestId(`short-${milkLine}`)).toContainText('1');
    await storeB.screenshot({ path: `${screenshotDir}/transfers-en-receive-qr.png` });
    await storeB.getByTestId('receive-submit').click();
    await storeB.locator('.ant-modal-confirm .ant-btn-primary').click();
    await expect(storeB.getByTestId('receiving-notice')).toContainText('posted', { timeout: 30_000 });

    // Back online: the receipt reaches the endpoint, and store A hears of the short line.
    await storeB.context().setOffline(false);
    await expect(storeB.getByTestId('sync-pending')).toHaveText(/^0 /, { timeout: 60_000 });
    await storeB.evaluate(() => (location.hash = '#/stock'));
    await expect(storeB.getByTestId(`stock-row-${milk.sku}`)).toBeVisible({ timeout: 30_000 });
    await expect(storeB.getByTestId(`stock-row-${bread.sku}`)).toBeVisible();
    await storeA.evaluate(() => (location.hash = '#/transfers'));
    await expect(storeA.getByTestId('dispatch-table').getByRole('row').filter({ hasText: number })).toContainText('差异', {
      timeout: 60_000,
    });
    await storeA.screenshot({ path: `${screenshotDir}/transfers-zh-CN-list.png` });

    // Both books agree: per batch out + in + loss = 0; A's transit debit is B's transit credit.
    const all = await pullAll<DocumentDoc>(endpoint.url, hqToken, 'documents');
    const receipt = all.find((doc) => doc.type === 'store-receipt' && doc.dispatchId === transfer.id)!;
    expect(receipt).toMatchObject({ siteId: STORE_B, toSiteId: STORE_A });
    const movements = (await pullAll<MovementDoc>(endpoint.url, hqToken, 'movements')).filter((m) =>
      [transfer.id, receipt.id].includes(m.docId),
    );
    const perBatch = new Map<string, number>();
    for (const m of movements) perBatch.set(m.batchId, Math.round(((perBatch.get(m.batchId) ?? 0) + m.qty) * 1000) / 1000);
    expect([...perBatch.values()]).toEqual([0, 0]);
    expect(movements.filter((m) => m.kind === 'transit-loss').map((m) => [m.siteId, m.qty])).toEqual([[STORE_B, 1]]);
    const journal = await pullAll<JournalDoc>(endpoint.url, hqToken, 'journal');
    // 4 × ¥6 + 3 × ¥4.50 = ¥37.50 into transit at A, out of it at B (¥31.50 in stock, ¥6 lost).
    expect(balanceOf(journal, [transfer.id], '1402')).toBe(37.5);
    expect(balanceOf(journal, [transfer.id], '1405')).toBe(-37.5);
    expect(balanceOf(journal, [receipt.id], '1402')).toBe(-37.5);
    expect(balanceOf(journal, [receipt.id], '1405')).toBe(31.5);
    expect(balanceOf(journal, [transfer.id, receipt.id], '1402')).toBe(0);
    await Promise.all([storeA.context().close(), storeB.context().close()]);
  } finally {
    await endpoint.stop();
  }
});
