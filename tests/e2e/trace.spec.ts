// Recall trace (issue 6) on an HQ terminal of the demo organisation: a supplier lot that went into
// production at the kitchen, whose output was dispatched to both stores, traced across all three
// sites with its quantities. The expected figures come from the same demo history, traced in Node.
import { mkdirSync } from 'node:fs';
import { chinaToday } from '../../scripts/demo-seed';
import { buildDemoCatalog } from '../../shared/demo/catalog';
import { generateDemoHistory } from '../../shared/demo/history';
import { addDays } from '../../shared/domain';
import { buildTraceIndex, traceSupplierLot, type TraceResult } from '../../shared/ops';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { GRAMS, qtyShown } from './quantities';

const screenshotDir = 'test-results/screenshots';
mkdirSync(screenshotDir, { recursive: true });

const stores = ['store-renmin', 'store-riverside'];

function findRecallableLot(terminals: Record<string, string>) {
  const today = chinaToday();
  const catalog = buildDemoCatalog({ updatedAt: `${addDays(today, -30)}T01:00:00.000Z` });
  const history = generateDemoHistory(catalog, { today, terminals });
  const index = buildTraceIndex(history);
  const lots = history.batches.filter((batch) => batch.siteId === 'kitchen' && batch.supplierId !== undefined);
  for (const batch of lots) {
    const result = traceSupplierLot(index, batch.supplierId as string, batch.lotCode);
    const produced = result.forward.some((tree) => tree.children.length > 0);
    // Both stores reached through a production output (not only the raw batch itself).
    const outputs = result.nodes.filter((node) => node.origin.kind === 'production');
    const reachedByOutputs = stores.every((store) =>
      outputs.some((node) => node.sites.some((flow) => flow.siteId === store && (flow.byKind['dispatch-in'] ?? 0) > 0)),
    );
    if (produced && reachedByOutputs && outputs.length <= 3) return { batch, result, catalog };
  }
  throw new Error('no supplier lot in the demo history went through production to both stores');
}

type Recallable = ReturnType<typeof findRecallableLot>;

/** Scans the lot on the trace screen and checks every site, quantity and total in `locale`'s words. */
async function traceAndCheck(hq: Page, locale: 'zh-CN' | 'en-US', { batch, result, catalog }: Recallable): Promise<void> {
  const supplier = catalog.partners.find((partner) => partner.id === batch.supplierId);
  // The lot code as on the supplier's label, scanned (typed) into the scan field: only this
  // supplier's batches carry it, so the screen traces the supplier lot and names the supplier.
  await hq.getByTestId('trace-scan').fill(batch.lotCode);
  await hq.getByTestId('trace-scan').press('Enter');
  await expect(hq.getByTestId('trace-supplier')).toContainText(supplier?.code ?? '');

  const view = hq.getByTestId('trace-result');
  await expect(view.getByTestId('trace-title')).toContainText(batch.lotCode, { timeout: 60_000 });
  const sites = view.getByTestId('trace-sites');
  await expect(sites).toContainText('中央厨房 Central kitchen');
  await expect(sites).toContainText('人民路店 Renmin Rd store');
  await expect(sites).toContainText('滨江店 Riverside store');
  // Each store's received quantity of the production output appears in the forward tree.
  const forward = view.getByTestId('trace-forward');
  for (const node of result.nodes.filter((entry) => entry.origin.kind === 'production')) {
    const product = catalog.products.find((candidate) => candidate.id === node.productId) ?? GRAMS;
    for (const store of stores) {
      const received = node.sites.find((flow) => flow.siteId === store)?.byKind['dispatch-in'];
      if (received)
        await expect(
          forward
            .locator(`[data-site="${store}"]`)
            .filter({ hasText: `+${qtyShown(received, product, locale)}` })
            .first(),
        ).toBeVisible();
    }
  }
  // Totals per product: sold, wasted, on hand now, as the ledger says.
  const totals = view.getByTestId('trace-totals');
  for (const row of (result as TraceResult).totals.byProduct) {
    const product = catalog.products.find((candidate) => candidate.id === row.productId) ?? GRAMS;
    await expect(totals).toContainText(qtyShown(row.sold, product, locale));
  }
  await hq.screenshot({ path: `${screenshotDir}/trace-${locale}-supplier-lot.png`, fullPage: true });

  // Exported as CSV (browser mode: a download).
  const download = hq.waitForEvent('download');
  await view.getByTestId('trace-export').click();
  const csvPath = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(csvPath, 'utf8');
  expect(csv).toContain(batch.lotCode);
  expect(csv).toContain('store-riverside');
}

// One HQ terminal in both languages: the second pass switches the language instead of syncing the
// demo history into a second browser.
test('HQ traces a supplier lot through the kitchen to both stores, in zh-CN then en-US', async ({ demoTerminal, demo }) => {
  test.setTimeout(240_000);
  const recallable = findRecallableLot(demo.terminalIds);
  const hq = await demoTerminal('hq', { locale: 'zh-CN' });
  await expect(hq.getByTestId('header-site')).toBeVisible({ timeout: 30_000 });
  await hq.evaluate(() => (location.hash = '#/trace'));
  await expect(hq.getByTestId('section-trace')).toBeVisible({ timeout: 60_000 });
  // Figures are compared with the whole history: wait until the first pull has finished.
  await expect(hq.getByTestId('sync-last')).toBeVisible({ timeout: 60_000 });
  await expect(hq.getByTestId('sync-initial')).toHaveCount(0, { timeout: 90_000 });
  await traceAndCheck(hq, 'zh-CN', recallable);

  await hq.evaluate(() => (location.hash = '#/settings'));
  await hq.getByTestId('language-switch').getByText('English').click();
  await expect(hq.getByTestId('nav').getByText('Settings', { exact: true })).toBeVisible();
  await hq.evaluate(() => (location.hash = '#/trace'));
  await expect(hq.getByTestId('section-trace')).toBeVisible({ timeout: 60_000 });
  await traceAndCheck(hq, 'en-US', recallable);
});
