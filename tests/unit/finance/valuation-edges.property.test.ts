// Properties of valuation at the edges (issue 13), for both costing methods, over random runs of
// receipts, sales that oversell (allow-and-flag), customer and supplier returns, reversals and
// counts posted through the real Ledger and postDocument.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { StockCountDoc } from '../../../shared/schemas';
import { QTY_EPSILON, addDays, isBalanced, roundMoney, valueStock } from '../../../shared/domain';
import { KITCHEN } from './fixtures';
import { P, World } from './valuation-edges.helpers';

const RUNS = { numRuns: 1000 };

const opArb = fc.record({
  type: fc.constantFrom('receipt', 'receipt', 'sale', 'sale', 'customer-return', 'supplier-return', 'reversal', 'count'),
  /** Tenths of a unit: 0.1 … 20. */
  tenths: fc.integer({ min: 1, max: 200 }),
  cents: fc.integer({ min: 1, max: 5000 }),
  pick: fc.nat(),
  advance: fc.integer({ min: 0, max: 1 }),
});
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;
type OpType = Op['type'];

const costingArb = fc.constantFrom('batch' as const, 'moving-average' as const);

/** Posts one operation; refusals (nothing to return, a reversal already made) are skipped. */
function apply(world: World, op: Op, reversed: Set<string>): void {
  world.date = addDays(world.date, op.advance);
  const qty = op.tenths / 10;
  switch (op.type) {
    case 'receipt':
      world.receive(qty, op.cents / 100);
      return;
    case 'sale':
      // Sales are small next to receipts, and oversell now and then.
      world.attempt(() => world.sell(Math.max(0.1, Math.round(qty * 7) / 10)));
      return;
    case 'customer-return': {
      const sales = world.results.filter((r) => r.document.type === 'sale' && !reversed.has(r.document.id));
      const sale = sales[op.pick % Math.max(1, sales.length)];
      const taken = sale?.movements.find((m) => m.qty < 0);
      if (!sale || !taken) return;
      world.attempt(() => world.returnLine('from-customer', taken.batchId, Math.min(qty, -taken.qty), sale.document.id));
      return;
    }
    case 'supplier-return': {
      const stocked = world.ledger.positionsOf(KITCHEN, P.id).filter((p) => p.qty > 0.05);
      const chosen = stocked[op.pick % Math.max(1, stocked.length)];
      if (!chosen) return;
      world.attempt(() => world.returnLine('to-supplier', chosen.batchId, Math.min(qty, Math.floor(chosen.qty * 10) / 10)));
      return;
    }
    case 'reversal': {
      const candidates = world.results.filter((r) => r.document.type !== 'reversal' && !reversed.has(r.document.id));
      const target = candidates[op.pick % Math.max(1, candidates.length)];
      if (!target) return;
      if (world.attempt(() => world.reverse(target.document.id))) reversed.add(target.document.id);
      return;
    }
    case 'count': {
      const positions = world.ledger.positionsOf(KITCHEN, P.id);
      const chosen = positions[op.pick % Math.max(1, positions.length)];
      if (!chosen) return;
      const header = world.results.length;
      const at = `${world.date}T09:59:00.000Z`;
      const document: StockCountDoc = {
        id: `count-${header}-${op.pick}`,
        number: `C${header}`,
        status: 'draft',
        businessDate: world.date,
        at,
        terminalId: 't',
        updatedAt: at,
        type: 'stock-count',
        siteId: KITCHEN,
        lines: [
          {
            productId: P.id,
            qty: Math.max(0, Math.round(chosen.qty * 10 + (op.pick % 7) - 3) / 10),
            batchId: chosen.batchId,
            countedAt: at,
          },
        ],
      };
      world.attempt(() => world.post(document));
      return;
    }
  }
}

function run(costing: 'batch' | 'moving-average', ops: readonly Op[], kinds: readonly OpType[], after?: (world: World) => void): World {
  const world = new World(costing);
  const reversed = new Set<string>();
  for (const op of ops) {
    if (!kinds.includes(op.type)) continue;
    apply(world, op, reversed);
    after?.(world);
  }
  return world;
}

const ALL: readonly OpType[] = ['receipt', 'sale', 'customer-return', 'supplier-return', 'reversal', 'count'];
/** Counts set a batch to what was counted and reversals undo exactly; see docs/valuation.md. */
const TRADING: readonly OpType[] = ['receipt', 'sale', 'customer-return', 'supplier-return'];

describe('valuation at the edges: properties', () => {
  it('the inventory account equals the valuation report at every date, oversells, returns and reversals in the mix', () => {
    fc.assert(
      fc.property(costingArb, fc.array(opArb, { minLength: 5, maxLength: 40 }), (costing, ops) => {
        const world = run(costing, ops, ALL);
        expect(world.journal.filter((entry) => !isBalanced(entry))).toEqual([]);
        for (const date of world.dates) {
          const { books, report } = world.booksAndReport(date);
          expect(roundMoney(books - report), `${costing} at ${date}`).toBe(0);
        }
        const stock = valueStock(world.ledger, KITCHEN, P.id);
        expect(roundMoney(stock.value), 'valueStock = report').toBe(world.booksAndReport(world.date).report);
      }),
      RUNS,
    );
  });

  it('stock 0 ⇒ value 0, in valueStock, the report and the books', () => {
    let zeros = 0;
    fc.assert(
      fc.property(costingArb, fc.array(opArb, { minLength: 5, maxLength: 40 }), (costing, ops) => {
        run(costing, ops, TRADING, (world) => {
          const stock = valueStock(world.ledger, KITCHEN, P.id);
          if (Math.abs(stock.qty) > QTY_EPSILON) return;
          zeros += 1;
          expect(roundMoney(stock.value)).toBe(0);
          expect(world.booksAndReport(world.date)).toEqual({ books: 0, report: 0 });
        });
      }),
      RUNS,
    );
    expect(zeros).toBeGreaterThan(100);
  });

  it('the moving average stays within [min, max] of the costs that built it, short stock included', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 5, maxLength: 40 }), (ops) => {
        const costs: number[] = [];
        run('moving-average', ops, TRADING, (world) => {
          const last = world.results[world.results.length - 1];
          if (last?.document.type === 'goods-receipt') costs.push(...last.document.lines.map((line) => line.unitCost ?? 0));
          const stock = valueStock(world.ledger, KITCHEN, P.id);
          if (Math.abs(stock.qty) <= 1e-6) return;
          const average = stock.value / stock.qty;
          expect(average).toBeGreaterThanOrEqual(Math.min(...costs) - 1e-6);
          expect(average).toBeLessThanOrEqual(Math.max(...costs) + 1e-6);
        });
      }),
      RUNS,
    );
  });
});
