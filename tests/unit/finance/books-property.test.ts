// Property: for random sequences of postings through the real Ledger + postDocument, every
// journal entry balances and, per site and at every date, the inventory account's balance in
// the books equals the valuation report (batch costing) — 业财一体化 holds by construction.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type {
  DispatchDoc,
  DocumentDoc,
  GoodsReceiptDoc,
  JournalDoc,
  MovementDoc,
  SaleDoc,
  StockCountDoc,
  StoreReceiptDoc,
  WasteDoc,
} from '../../../shared/schemas';
import { Ledger, accountCodes, addDays, isBalanced, postDocument, roundMoney } from '../../../shared/domain';
import { accountBalance } from '../../../shared/finance/journal-view';
import { valuationReport } from '../../../shared/finance/valuation-report';
import { KITCHEN, STORE, perishable, product } from './fixtures';

const RUNS = { numRuns: 1000 };
const products = [perishable('p0', 30), product('p1'), perishable('p2', 5, { category: 'dairy' })];
const START = '2025-03-01';

const opArb = fc.record({
  type: fc.constantFrom('receipt', 'receipt', 'sale', 'waste', 'dispatch', 'store-receipt', 'count'),
  site: fc.constantFrom(KITCHEN, STORE),
  product: fc.integer({ min: 0, max: 2 }),
  qty: fc.integer({ min: 1, max: 25 }),
  cents: fc.integer({ min: 0, max: 5000 }),
  pick: fc.nat(),
  countDelta: fc.integer({ min: -6, max: 6 }),
  short: fc.integer({ min: 0, max: 3 }),
  rejected: fc.integer({ min: 0, max: 3 }),
  /** Days to advance the business date before this operation. */
  advance: fc.integer({ min: 0, max: 2 }),
  /** Count-while-trading counted the day before the count was posted (late posting). */
  countedDayBefore: fc.boolean(),
});
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

interface World {
  ledger: Ledger;
  journal: JournalDoc[];
  movements: MovementDoc[];
  shipped: DispatchDoc[];
  dates: string[];
  unbalanced: JournalDoc[];
}

/** Issues are kept small next to receipts so most of them find stock. */
const small = (qty: number): number => 1 + (qty % 6);

function header(index: number, date: string, minute: number) {
  const at = `${date}T08:${String(minute % 60).padStart(2, '0')}:00.000Z`;
  return { id: `d${index}`, number: `N${index}`, status: 'draft' as const, businessDate: date, at, terminalId: 't1', updatedAt: at };
}

/** Batches of a product at a site holding stock now. */
function stocked(world: World, siteId: string, productId: string): { batchId: string; qty: number }[] {
  return world.ledger
    .positionsOf(siteId, productId)
    .filter((position) => position.qty > 0)
    .map((position) => ({ batchId: position.batchId, qty: position.qty }));
}

function buildDocument(world: World, op: Op, index: number, date: string, lateCounts: boolean): DocumentDoc | null {
  const p = products[op.product] ?? products[0];
  if (!p) return null;
  const base = header(index, date, index);
  switch (op.type) {
    case 'receipt': {
      const expiryDate = p.perishable ? addDays(date, (op.pick % 20) + 1) : undefined;
      const document: GoodsReceiptDoc = {
        ...base,
        type: 'goods-receipt',
        siteId: op.site,
        partnerId: 'sup-1',
        lines: [
          {
            productId: p.id,
            qty: op.qty + 5,
            batchId: `b${index}`,
            lotCode: `L${index}`,
            unitCost: op.cents / 100,
            certificateHashes: ['cert'],
            ...(expiryDate ? { expiryDate } : {}),
          },
        ],
      };
      return document;
    }
    case 'sale': {
      const document: SaleDoc = {
        ...base,
        type: 'sale',
        siteId: op.site,
        paymentMethod: 'cash',
        lines: [{ productId: p.id, qty: small(op.qty), unitPrice: 9.99 }],
      };
      return document;
    }
    case 'waste': {
      const candidates = stocked(world, op.site, p.id);
      const chosen = candidates[op.pick % Math.max(1, candidates.length)];
      if (!chosen) return null;
      const document: WasteDoc = {
        ...base,
        type: 'waste',
        siteId: op.site,
        wasteReason: 'damaged',
        lines: [{ productId: p.id, qty: Math.min(op.qty, chosen.qty), batchId: chosen.batchId }],
      };
      return document;
    }
    case 'dispatch': {
      const document: DispatchDoc = {
        ...base,
        type: 'dispatch',
        siteId: KITCHEN,
        toSiteId: STORE,
        lines: [{ productId: p.id, qty: small(op.qty) }],
      };
      return document;
    }
    case 'store-receipt': {
      const dispatch = world.shipped.shift();
      if (!dispatch) return null;
      const document: StoreReceiptDoc = {
        ...base,
        type: 'store-receipt',
        siteId: STORE,
        toSiteId: KITCHEN,
        dispatchId: dispatch.id,
        lines: dispatch.lines.map((line) => {
          const short = Math.min(op.short, line.qty);
          const rejected = Math.min(op.rejected, line.qty - short);
          return {
            productId: line.productId,
            qty: line.qty,
            batchId: line.batchId ?? '',
            unitCost: line.unitCost ?? 0,
            accepted: line.qty - short - rejected,
            short,
            rejected,
          };
        }),
      };
      return document;
    }
    case 'count': {
      const candidates = world.ledger.positionsOf(op.site, p.id);
      const chosen = candidates[op.pick % Math.max(1, candidates.length)];
      if (!chosen) return null;
      const counted = Math.max(0, chosen.qty + op.countDelta);
      // 20:00 the evening before, China time (UTC+8): the previous business day.
      const countedAt = lateCounts && op.countedDayBefore ? `${addDays(date, -1)}T12:00:00.000Z` : base.at;
      const document: StockCountDoc = {
        ...base,
        type: 'stock-count',
        siteId: op.site,
        lines: [{ productId: p.id, qty: counted, batchId: chosen.batchId, countedAt }],
      };
      return document;
    }
  }
  return null;
}

/** Successful postings per document type over all runs, so a generator that posts nothing fails. */
const posted = new Map<string, number>();

function run(ops: readonly Op[], lateCounts = false): World {
  const world: World = { ledger: new Ledger({ products }), journal: [], movements: [], shipped: [], dates: [], unbalanced: [] };
  let date = START;
  ops.forEach((op, index) => {
    date = addDays(date, op.advance);
    const document = buildDocument(world, op, index, date, lateCounts);
    if (!document) return;
    const outcome = postDocument(document, world.ledger);
    // Refusals (negative stock under `block`, nothing usable to sell) are legitimate outcomes.
    if (!outcome.ok) return;
    const { result } = outcome;
    posted.set(document.type, (posted.get(document.type) ?? 0) + 1);
    world.ledger.commit(result);
    world.journal.push(...result.journal);
    world.movements.push(...result.movements);
    world.unbalanced.push(...result.journal.filter((entry) => !isBalanced(entry)));
    if (result.document.type === 'dispatch') world.shipped.push(result.document);
    if (!world.dates.includes(date)) world.dates.push(date);
  });
  return world;
}

/** Books vs report per site at a date; returns the differences found (empty when they agree). */
function differences(world: World, date: string): string[] {
  const found: string[] = [];
  const batches = world.ledger.movements().flatMap((movement) => {
    const batch = world.ledger.batch(movement.batchId);
    return batch ? [batch] : [];
  });
  for (const siteId of [KITCHEN, STORE]) {
    const books = accountBalance(world.journal, accountCodes.inventory, { siteIds: [siteId], to: date });
    const report = valuationReport({ opening: [], movements: world.movements, batches, products, asOf: date, siteIds: [siteId] }).total;
    if (roundMoney(books - report) !== 0) found.push(`${siteId} at ${date}: books ${books} ≠ report ${report}`);
  }
  return found;
}

describe('books ↔ stock property (batch costing)', () => {
  it('every posting balances and the inventory account equals the valuation report at every date', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 5, maxLength: 40 }), (ops) => {
        const world = run(ops);
        expect(world.unbalanced).toEqual([]);
        for (const date of world.dates) expect(differences(world, date)).toEqual([]);
      }),
      RUNS,
    );
    for (const type of ['goods-receipt', 'sale', 'waste', 'dispatch', 'store-receipt', 'stock-count'])
      expect(posted.get(type) ?? 0, type).toBeGreaterThan(100);
  });

  // Finding (reported, shared/domain not edited): a count posted on a later business date than
  // the moment it was counted dates its count-adjust movements at `countedAt` but its journal
  // entry at the document's business date, so for the dates in between the inventory account
  // and the stock valuation disagree by the count variance. This test pins the finding; when
  // shared/domain dates the entry consistently, it fails and should become part of the property.
  it('known gap: a count counted the day before it is posted opens a one-day books/stock difference', () => {
    const result = fc.check(
      fc.property(fc.array(opArb, { minLength: 5, maxLength: 40 }), (ops) => {
        const world = run(ops, true);
        return (
          world.dates.every((date) => differences(world, date).length === 0) &&
          world.movements.every((m) => differences(world, m.at.slice(0, 10)).length === 0)
        );
      }),
      { numRuns: 1000, seed: 7 },
    );
    expect(result.failed).toBe(true);
  });

  it('the property can fail: a movement booked at a cost other than its batch cost is caught', () => {
    const ops: Op[] = [
      {
        type: 'receipt',
        site: KITCHEN,
        product: 1,
        qty: 10,
        cents: 250,
        pick: 0,
        countDelta: 0,
        short: 0,
        rejected: 0,
        advance: 0,
        countedDayBefore: false,
      },
    ];
    const world = run(ops);
    expect(differences(world, START)).toEqual([]);
    const tampered = world.movements.map((movement) => ({ ...movement, unitCost: movement.unitCost + 0.1 }));
    const report = valuationReport({ opening: [], movements: tampered, batches: [], products, asOf: START, siteIds: [KITCHEN] }).total;
    expect(report).not.toBe(accountBalance(world.journal, accountCodes.inventory, { siteIds: [KITCHEN], to: START }));
  });
});
