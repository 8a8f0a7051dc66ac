// 收发存汇总 (issue 17's report): over random histories — two sites (batch cost and moving average),
// every movement kind and one this version does not know, reversals, transit loss, movements of an
// unknown batch — and random ranges, each row's opening + in − out is its closing, and both ends
// equal the valuation report at that moment, product by product; category and site groupings add
// up to the same totals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, defaultSitePolicy, recomputePositions, type SitePolicy } from '../../../shared/domain';
import {
  kpiStockFromLog,
  stockSummary,
  stockSummaryTable,
  summaryColumn,
  valuationReport,
  type StockSummaryRow,
} from '../../../shared/finance';
import { movementKinds, type BatchDoc, type MovementDoc } from '../../../shared/schemas';
import { batch, perishable, product } from './fixtures';

const START = '2025-03-01';
const DAYS = 30;
const SITES = ['s0', 's1'];
const products = [perishable('p0', 5, { category: 'veg' }), product('p1', { category: 'dry' }), product('p2', { category: 'dry' })];
const policy = (siteId: string): SitePolicy => (siteId === 's1' ? { ...defaultSitePolicy, costing: 'moving-average' } : defaultSitePolicy);
const instantOn = (day: number, minute: number) =>
  new Date(Date.parse(`${START}T00:00:00.000Z`) + (day * 1440 + minute) * 60_000).toISOString();

const worldArb = fc
  .record({
    costs: fc.array(fc.integer({ min: 0, max: 4000 }), { minLength: 5, maxLength: 5 }),
    moves: fc.array(
      fc.record({
        site: fc.integer({ min: 0, max: 1 }),
        // Batch 5 is in no batch list: valued at the cost each movement carries.
        batch: fc.integer({ min: 0, max: 5 }),
        kind: fc.constantFrom(...movementKinds, 'future-kind'),
        qty: fc.integer({ min: -20_000, max: 20_000 }),
        cost: fc.integer({ min: 0, max: 4000 }),
        day: fc.integer({ min: 0, max: DAYS }),
        minute: fc.integer({ min: 0, max: 1439 }),
        reverses: fc.option(fc.nat(), { nil: undefined }),
      }),
      { maxLength: 60 },
    ),
    from: fc.integer({ min: 0, max: DAYS }),
    length: fc.integer({ min: 0, max: 15 }),
    site: fc.option(fc.constantFrom(...SITES), { nil: undefined }),
  })
  .map((spec) => {
    const batches: BatchDoc[] = spec.costs.map((cost, index) => batch(`b${index}`, `p${index % 3}`, { unitCost: cost / 100 }));
    const movements: MovementDoc[] = [];
    spec.moves.forEach((move, index) => {
      const at = instantOn(move.day, move.minute);
      const earlier = move.reverses === undefined || movements.length === 0 ? undefined : movements[move.reverses % movements.length];
      if (earlier) {
        const when = earlier.at > at ? earlier.at : at;
        movements.push({ ...earlier, id: `m${index}`, qty: -earlier.qty, reversalOf: earlier.id, at: when, updatedAt: when });
        return;
      }
      movements.push({
        id: `m${index}`,
        siteId: SITES[move.site] ?? 's0',
        productId: `p${move.batch % 3}`,
        batchId: `b${move.batch}`,
        kind: move.kind as MovementDoc['kind'],
        qty: move.qty / 1000,
        unitCost: move.cost / 100,
        docType: 'goods-receipt',
        docId: `d${index}`,
        lineNo: 0,
        at,
        terminalId: 't',
        updatedAt: at,
      });
    });
    const from = addDays(START, spec.from);
    return { batches, movements, from, to: addDays(from, spec.length), siteIds: spec.site ? [spec.site] : undefined };
  });

type World = ReturnType<(typeof worldArb)['generate']>['value'];

function summaryOf(world: World, grouping: 'product' | 'category' | 'site') {
  return stockSummary(
    {
      ...kpiStockFromLog(recomputePositions(world.movements).values(), [...world.movements].reverse(), world.from),
      batches: world.batches,
      products,
      from: world.from,
      to: world.to,
      policy,
      ...(world.siteIds ? { siteIds: world.siteIds } : {}),
    },
    grouping,
  );
}

/** The valuation report at the end of `asOf`, per product over the sites in scope. */
function valuedAt(world: World, asOf: string): Map<string, { qty: number; value: number }> {
  const report = valuationReport({
    opening: [],
    movements: world.movements,
    batches: world.batches,
    products,
    asOf,
    policy,
    ...(world.siteIds ? { siteIds: world.siteIds } : {}),
  });
  const byProduct = new Map<string, { qty: number; value: number }>();
  for (const row of report.rows) {
    const sum = byProduct.get(row.productId) ?? { qty: 0, value: 0 };
    byProduct.set(row.productId, { qty: sum.qty + row.qty, value: sum.value + row.value });
  }
  return byProduct;
}

const close = (actual: number, expected: number, what: string, cents = 2) => {
  if (Math.abs(actual - expected) > cents * 0.0100001) expect.fail(`${what}: ${actual} ≠ ${expected}`);
};

function checkRow(row: StockSummaryRow, what: string) {
  close(row.opening.value + row.totalIn.value - row.totalOut.value, row.closing.value, `${what} value`, 3);
  if (row.closing.qty !== null) close(row.opening.qty! + row.totalIn.qty! - row.totalOut.qty!, row.closing.qty, `${what} qty`, 0.1);
}

describe('stock movement summary (收发存汇总)', () => {
  it('opening + in − out = closing, and both ends equal the valuation report', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const summary = summaryOf(world, 'product');
        const opening = valuedAt(world, addDays(world.from, -1));
        const closing = valuedAt(world, world.to);
        for (const row of summary.rows) {
          checkRow(row, row.key);
          close(row.opening.value, opening.get(row.key)?.value ?? 0, `${row.key} opening value`);
          close(row.closing.value, closing.get(row.key)?.value ?? 0, `${row.key} closing value`);
          close(row.opening.qty!, opening.get(row.key)?.qty ?? 0, `${row.key} opening qty`, 0.1);
          close(row.closing.qty!, closing.get(row.key)?.qty ?? 0, `${row.key} closing qty`, 0.1);
        }
        // A product the report values but the summary leaves out has nothing at either end.
        for (const [productId, valued] of [...opening, ...closing])
          if (!summary.rows.some((row) => row.key === productId)) close(valued.value, 0, `${productId} left out`);
        checkRow(summary.totals, 'totals');
        for (const grouping of ['category', 'site'] as const) {
          const other = summaryOf(world, grouping);
          close(other.totals.opening.value, summary.totals.opening.value, `${grouping} opening`);
          close(other.totals.closing.value, summary.totals.closing.value, `${grouping} closing`);
          for (const row of other.rows) expect(row.closing.qty).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('summary columns', () => {
  const move = (kind: string, qty: number, reversalOf?: string) =>
    summaryColumn({ kind: kind as MovementDoc['kind'], qty, ...(reversalOf ? { reversalOf } : {}) });
  it('puts arrivals in, departures out, returns and counts by their sign, and reversals against what they reverse', () => {
    expect([move('receipt', 5), move('opening', 5), move('sale', -2), move('sale', 2, 'm1')]).toEqual([
      'receipt',
      'opening',
      'sale',
      'sale',
    ]);
    expect([move('return', 3), move('return', -3), move('return', -3, 'm2')]).toEqual(['return-in', 'return-out', 'return-in']);
    expect([move('count-adjust', 1), move('count-adjust', -1)]).toEqual(['count-gain', 'count-loss']);
    expect([move('future-kind', 1), move('future-kind', -1)]).toEqual(['other-in', 'other-out']);
  });
});

describe('the summary as a table (screen and Excel)', () => {
  it('has Chinese headers, numeric cells, only the kinds that moved, and a total row', () => {
    const at = (day: number) => instantOn(day, 120);
    const m = (id: string, kind: MovementDoc['kind'], qty: number, day: number): MovementDoc => ({
      id,
      siteId: 's0',
      productId: 'p1',
      batchId: 'b1',
      kind,
      qty,
      unitCost: 2,
      docType: 'goods-receipt',
      docId: id,
      lineNo: 0,
      at: at(day),
      terminalId: 't',
      updatedAt: at(day),
    });
    const log = [m('a', 'opening', 10, 0), m('b', 'receipt', 5, 3), m('c', 'sale', -4, 4), m('d', 'waste', -1, 5)];
    const summary = stockSummary(
      {
        ...kpiStockFromLog(recomputePositions(log).values(), log, addDays(START, 2)),
        batches: [batch('b1', 'p1', { unitCost: 2 })],
        products,
        from: addDays(START, 2),
        to: addDays(START, 9),
      },
      'product',
    );
    const table = stockSummaryTable(summary, { name: () => '面粉', code: () => 'P1', unit: () => 'g' }, 'zh-CN');
    expect(table.columns.map((c) => c.title)).toEqual([
      '商品名称',
      '商品编码',
      '单位',
      '期初结存数量',
      '期初结存金额',
      '采购入库数量',
      '采购入库金额',
      '入库合计数量',
      '入库合计金额',
      '销售出库数量',
      '销售出库金额',
      '报损数量',
      '报损金额',
      '出库合计数量',
      '出库合计金额',
      '期末结存数量',
      '期末结存金额',
    ]);
    expect(table.rows[0]).toMatchObject({
      name: '面粉',
      'openingBalance.qty': 10,
      'openingBalance.value': 20,
      'receipt.qty': 5,
      'sale.qty': 4,
      'waste.value': 2,
      'closing.qty': 10,
      'closing.value': 20,
    });
    expect(table.rows[1]).toMatchObject({ name: '合计', 'closing.value': 20 });
    expect(table.rows[1]!['closing.qty']).toBeNull();
  });
});
