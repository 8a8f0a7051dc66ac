// Opening stock (期初库存, issue 14): the dry run names every bad cell, costs per the unit given,
// the posting creates each batch at its cost (Dr Inventory / Cr Temporary opening), and the same
// file imported again — or a stock export re-imported — adds nothing.
import { describe, expect, it } from 'vitest';
import { AlreadyRecordedError, ExpiredOnReceiptError, Ledger, NotWritableHereError, postDocument } from '../../../shared/domain';
import { formatCell, type TableModel } from '../../../shared/finance/export';
import {
  openingBatchId,
  openingTemplate,
  planOpeningImport,
  readSheetDate,
  type OpeningSite,
} from '../../../shared/ops/opening-stock-sheet';
import type { DocumentDoc } from '../../../shared/schemas';
import { run, stampFor } from '../commands/harness';
import { STORE, ok, perishable, product } from '../domain/fixtures';

const cola = product('cola', {
  name: '可乐',
  sku: 'COLA',
  baseUnit: '瓶',
  packs: [{ unit: '箱', qtyInBase: 24 }],
  purchasePrice: 2,
});
const milk = perishable('milk', 7, { name: '鲜牛奶', sku: 'MILK', baseUnit: '盒' });
const beef = product('beef', { name: '卤牛肉', sku: 'BEEF', baseUnit: 'g' });
const products = [cola, milk, beef];
const TODAY = '2025-03-01';
const site = (ledger?: Ledger): OpeningSite => ({
  siteId: STORE,
  businessDate: TODAY,
  batches: ledger ? ledger.positions().flatMap((p) => (p.siteId === STORE ? [ledger.batch(p.batchId)!] : [])) : [],
});
const header = ['商品编码', '商品名称', '批号', '生产日期', '到期日', '数量', '单位', '单位成本'];

function asRecords(table: TableModel): string[][] {
  return [table.columns.map((c) => c.title), ...table.rows.map((row) => table.columns.map((c) => formatCell(row[c.key], c.kind)))];
}

/** Imports the plan's lines through the command and the posting rule, as the terminal does. */
function importInto(ledger: Ledger, lines: ReturnType<typeof planOpeningImport>['toApply']): DocumentDoc {
  const outcome = run(
    'opening-stock.import',
    { lines },
    { stamp: stampFor({ siteId: STORE, siteKind: 'store', businessDate: TODAY }), ledger },
  );
  const posted = ok(postDocument(outcome.post!.document, ledger));
  ledger.commit(posted);
  return posted.document;
}

describe('opening stock sheet', () => {
  it('reads quantities and costs in the unit given, and gives a row without a lot the opening lot', () => {
    const plan = planOpeningImport(
      [
        header,
        ['COLA', '可乐', 'L1', '', '2025-09-01', '3', '箱', '48'],
        ['cola', '', '', '', '', '10', '', ''],
        ['BEEF', '', 'B7', '', '', '2.5', 'kg', '60'],
      ],
      products,
      site(),
    );
    expect(plan.counts).toEqual({ new: 3, changed: 0, unchanged: 0, invalid: 0 });
    expect(plan.toApply.map((l) => [l.productId, l.lotCode, l.qty, l.unitCost, l.unit ?? null, l.unitQty ?? null])).toEqual([
      ['cola', 'L1', 72, 2, '箱', 3],
      // No cost: the product's default purchase price per base unit.
      ['cola', 'OPEN-20250301', 10, 2, null, null],
      // 2.5 kg at ¥60/kg is 2500 g at ¥0.06/g.
      ['beef', 'B7', 2500, 0.06, 'kg', 2.5],
    ]);
    expect(plan.toApply[0]!.batchId).toBe(openingBatchId(STORE, 'cola', 'L1', '2025-09-01'));
  });

  it('names every bad cell by row and column', () => {
    const plan = planOpeningImport(
      [
        header,
        ['NOPE', '', '', '', '', '1', '', '1'],
        ['MILK', '', 'M1', '', '', '5', '', '3'],
        ['MILK', '', 'M2', '', '2025-02-27', '5', '', '3'],
        ['MILK', '', 'M3', '', '3/5/2025', 'x', '桶', ''],
        ['BEEF', '', 'B1', '', '', '0', '', ''],
        ['COLA', '', 'L1', '', '', '1', '', ''],
        ['COLA', '', 'l1', '', '', '2', '', ''],
      ],
      products,
      site(),
    );
    const problems = plan.rows.flatMap((row) => row.problems.map((p) => [p.row, p.column, p.kind, p.value ?? null, p.detail ?? null]));
    expect(problems).toEqual([
      [2, 'sku', 'unknown-product', 'NOPE', null],
      [3, 'expiryDate', 'needs-expiry', null, null],
      [4, 'expiryDate', 'expired', '2025-02-27', TODAY],
      [5, 'expiryDate', 'bad-date', '3/5/2025', null],
      [5, 'qty', 'not-a-number', 'x', null],
      [5, 'unit', 'unknown-value', '桶', '盒'],
      [5, 'unitCost', 'required', null, null],
      [6, 'qty', 'out-of-range', '0', '> 0'],
      [6, 'unitCost', 'required', null, null],
      // Lots are matched without case: L1 and l1 are the same batch.
      [8, 'lotCode', 'duplicate-batch', 'l1', '7'],
    ]);
    expect(plan.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 6 });
    const missing = planOpeningImport([['商品名称', '批号']], products, site());
    expect(missing.fileProblems.map((p) => p.column)).toEqual(['sku', 'qty']);
  });

  it('reads the dates shops write', () => {
    expect(['2026-3-5', '2026/03/05', '2026.3.5', '20260305', '2026年3月5日'].map(readSheetDate)).toEqual(Array(5).fill('2026-03-05'));
    expect(['2026-02-30', '5/3/2026', 'soon'].map(readSheetDate)).toEqual([undefined, undefined, undefined]);
  });

  it('offers a template in both languages whose example imports, hint row and all', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const plan = planOpeningImport(asRecords(openingTemplate(language)), [{ ...cola, sku: 'DRINK-COLA' }], site());
      expect(plan.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 0 });
      expect(plan.toApply[0]).toMatchObject({ productId: 'cola', qty: 72, unitCost: 2, expiryDate: '2027-05-20' });
    }
  });
});

describe('opening stock posting', () => {
  it('creates each batch at its cost, Dr Inventory / Cr Temporary opening, and the same file again adds nothing', () => {
    const ledger = new Ledger({ products });
    const records = [header, ['COLA', '', 'L1', '', '', '3', '箱', '48'], ['BEEF', '', 'B7', '', '', '2.5', 'kg', '60.10']];
    const document = importInto(ledger, planOpeningImport(records, products, site(ledger)).toApply);
    expect(document).toMatchObject({ type: 'opening-stock', siteId: STORE, status: 'posted', number: 'QC-1' });
    const movements = ledger.movementsOfDocument(document.id);
    expect(movements.map((m) => [m.kind, m.qty, m.unitCost])).toEqual([
      ['opening', 72, 2],
      ['opening', 2500, 0.0601],
    ]);
    expect(ledger.onHand(STORE, openingBatchId(STORE, 'cola', 'L1', undefined))).toBe(72);
    expect(ledger.batch(openingBatchId(STORE, 'beef', 'B7', undefined))).toMatchObject({
      lotCode: 'B7',
      qcStatus: 'released',
      unitCost: 0.0601,
    });
    // ¥144 + ¥150.25, to the cent.
    expect(ledger.journalOfDocument(document.id)[0]?.lines).toEqual([
      { accountCode: '1405', debit: 294.25, credit: 0 },
      { accountCode: '1999', debit: 0, credit: 294.25 },
    ]);

    const again = planOpeningImport(records, products, site(ledger));
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 2, invalid: 0 });
    expect(again.toApply).toEqual([]);
  });

  it('refuses a lot the site already holds under another document, so a re-imported export cannot double stock', () => {
    const ledger = new Ledger({ products });
    importInto(ledger, planOpeningImport([header, ['COLA', '', 'L1', '', '', '1', '', '2']], products, site(ledger)).toApply);
    // Same lot, another expiry: another batch id, but the lot is on the shelf already.
    const plan = planOpeningImport([header, ['COLA', '', 'L1', '', '2030-01-01', '1', '', '2']], products, site(ledger));
    expect(plan.rows[0]?.problems.map((p) => [p.column, p.kind, p.value])).toEqual([['lotCode', 'lot-held', 'L1']]);
  });

  it('refuses what the sheet would have caught, and refuses HQ', () => {
    const ledger = new Ledger({ products });
    const [line] = planOpeningImport([header, ['COLA', '', 'L1', '', '', '1', '', '2']], products, site(ledger)).toApply;
    importInto(ledger, [line!]);
    expect(() => importInto(ledger, [line!])).toThrow(AlreadyRecordedError);
    expect(() => importInto(ledger, [{ ...line!, batchId: 'other', expiryDate: '2025-02-01' }])).toThrow(ExpiredOnReceiptError);
    expect(() => run('opening-stock.import', { lines: [line!] }, { stamp: stampFor({ siteId: 'hq', siteKind: 'hq' }), ledger })).toThrow(
      NotWritableHereError,
    );
  });
});
