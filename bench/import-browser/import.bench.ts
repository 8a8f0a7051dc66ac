// The product import as HQ meets it: a CSV of N rows read, dry-run and saved in Chromium into
// RxDB on IndexedDB (chunks of 500 through product.import) while the product list stays open.
// Prints the dry run and the import for 1,000 rows (the same-run baseline) and 10,000 rows, and
// the ratio. Issue 14's goal: 10,000 rows in ≤ 10 s with a progress bar.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { gs1CheckDigit } from '../../shared/ops';
import { expect, test } from '../../tests/e2e/fixtures';

const ean = (twelve: string) => `${twelve}${gs1CheckDigit(twelve)}`;

function csvOf(run: string, rows: number, offset: number): Buffer {
  const header = '编码,名称,类别,基本单位,包装单位,条码,保质期(天),储存条件,税率(%),售价(每基本单位)';
  const lines = Array.from(
    { length: rows },
    (_, i) =>
      `B-${run}-${offset + i},商品 ${offset + i},乳制品,瓶,箱=12,${ean(`69${String(offset + i).padStart(6, '0')}${run.replace(/\D/g, '').padEnd(4, '7').slice(0, 4)}`)},7,冷藏,9,${(i % 40) + 2.5}`,
  );
  return Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}`, 'utf8');
}

async function timedImport(app: Page, file: Buffer, rows: number): Promise<{ dryRun: number; save: number }> {
  await app.getByTestId('products-import').click();
  let started = Date.now();
  await app
    .getByTestId('import-file')
    .locator('input[type=file]')
    .setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: file });
  await expect(app.getByTestId('import-counts')).toContainText(`新增 ${rows}`);
  const dryRun = Date.now() - started;
  started = Date.now();
  await app.getByTestId('import-run').click();
  await expect(app.getByTestId('import-done')).toBeVisible();
  const save = Date.now() - started;
  await app.getByTestId('import-close').click();
  return { dryRun, save };
}

test.use({ appOptions: { siteId: 'hq-bench', siteKind: 'hq', locale: 'zh-CN' } });

test('product import timings', async ({ app, endpoint }) => {
  const run = randomUUID().slice(0, 6);
  await app.goto(`${endpoint.url}/#/categories`);
  await app.getByTestId('category-add').click();
  const row = app.getByTestId('categories-table').locator('tbody tr').last();
  await row.locator('input').nth(0).fill(`dairy-${run}`);
  await row.locator('input').nth(1).fill('乳制品');
  await app.getByTestId('categories-save').click();
  await expect(app.getByTestId('categories-save')).toBeDisabled();
  await app.goto(`${endpoint.url}/#/products`);

  const baseline = await timedImport(app, csvOf(run, 1_000, 0), 1_000);
  const large = await timedImport(app, csvOf(run, 10_000, 1_000), 10_000);
  const s = (ms: number) => `${(ms / 1000).toFixed(1).padStart(5)} s`;
  console.log(`product import in Chromium (RxDB on IndexedDB, product list open)`);
  console.log(`  baseline  1,000 rows: dry run ${s(baseline.dryRun)}, save ${s(baseline.save)}`);
  console.log(
    `  goal     10,000 rows: dry run ${s(large.dryRun)}, save ${s(large.save)}, total ${s(large.dryRun + large.save)} (goal ≤ 10 s)`,
  );
  console.log(
    `  ratio 10,000 / 1,000: ${((large.dryRun + large.save) / (baseline.dryRun + baseline.save)).toFixed(1)}× (linear would be 10×)`,
  );
});
