// Opening stock as a store meets it: a CSV of N batches read, dry-run and posted in Chromium into
// RxDB on IndexedDB (opening-stock documents of 500 lines, each its batches, movements and journal
// entry in one local transaction) while the stock page stays open. Prints 1,000 rows (the same-run
// baseline) and 10,000 rows, and the ratio. Issue 14's goal for imports: 10,000 rows in ≤ 10 s.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { addDays } from '../../shared/domain';
import { SeedSession, testProduct } from '../../tests/support/seed';
import { E2E_SITE_DATE, expect, test } from '../../tests/e2e/fixtures';

const PRODUCTS = 40;

function csvOf(run: string, rows: number, offset: number): Buffer {
  const expiry = addDays(E2E_SITE_DATE, 90);
  const lines = Array.from(
    { length: rows },
    (_, i) => `OB-${run}-${(offset + i) % PRODUCTS},L${run}-${offset + i},${expiry},${(i % 20) + 1},${((i % 50) + 10) / 10}`,
  );
  return Buffer.from(['商品编码,批号,到期日,数量,单位成本', ...lines].join('\r\n'), 'utf8');
}

async function timedImport(app: Page, file: Buffer, rows: number): Promise<{ dryRun: number; save: number }> {
  await app.getByTestId('stock-opening-import').click();
  let started = Date.now();
  await app
    .getByTestId('import-file')
    .locator('input[type=file]')
    .setInputFiles({ name: 'opening.csv', mimeType: 'text/csv', buffer: file });
  await expect(app.getByTestId('import-counts')).toContainText(`New ${rows}`);
  const dryRun = Date.now() - started;
  started = Date.now();
  await app.getByTestId('import-run').click();
  await expect(app.getByTestId('import-done')).toBeVisible({ timeout: 300_000 });
  const save = Date.now() - started;
  await app.getByTestId('import-close').click();
  return { dryRun, save };
}

test.use({ appOptions: { siteId: 'store-bench', siteKind: 'store', locale: 'en-US' } });

test('opening stock import timings', async ({ app, endpoint }) => {
  test.setTimeout(600_000);
  const run = randomUUID().slice(0, 6);
  await new SeedSession(endpoint).products(Array.from({ length: PRODUCTS }, (_, i) => testProduct(`ob-${run}-${i}`, { baseUnit: 'pc' })));
  await app.goto(`${endpoint.url}/#/stock`);
  await expect(app.getByTestId('sync-last')).toBeVisible({ timeout: 60_000 });
  await expect(app.getByTestId('sync-initial')).toHaveCount(0, { timeout: 60_000 });
  await expect(async () => {
    await app.getByTestId('stock-opening-import').click();
    await app
      .getByTestId('import-file')
      .locator('input[type=file]')
      .setInputFiles({ name: 'probe.csv', mimeType: 'text/csv', buffer: csvOf(run, 1, 0) });
    const synced = (await app.getByTestId('import-counts').innerText()).includes('New 1');
    await app.getByTestId('import-close').click();
    expect(synced).toBe(true);
  }).toPass({ timeout: 60_000 });

  const baseline = await timedImport(app, csvOf(run, 1_000, 0), 1_000);
  const large = await timedImport(app, csvOf(run, 10_000, 1_000), 10_000);
  const s = (ms: number) => `${(ms / 1000).toFixed(1).padStart(5)} s`;
  console.log(`opening stock import in Chromium (RxDB on IndexedDB, stock page open, documents of 500 lines)`);
  console.log(`  baseline  1,000 rows: dry run ${s(baseline.dryRun)}, save ${s(baseline.save)}`);
  console.log(
    `  goal     10,000 rows: dry run ${s(large.dryRun)}, save ${s(large.save)}, total ${s(large.dryRun + large.save)} (goal ≤ 10 s)`,
  );
  console.log(
    `  ratio 10,000 / 1,000: ${((large.dryRun + large.save) / (baseline.dryRun + baseline.save)).toFixed(1)}× (linear would be 10×)`,
  );
});
