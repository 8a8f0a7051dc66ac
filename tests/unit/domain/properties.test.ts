import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BatchDoc, DispatchDoc, DocumentDoc, MovementDoc, StockCountDoc, StoreReceiptDoc } from '../../../shared/schemas';
import {
  Ledger,
  compareForPicking,
  isBalanced,
  pickingRule,
  positionKey,
  postDispatchShip,
  postDocument,
  postStockCount,
  postStoreReceipt,
  proposeBatches,
  recomputePositions,
  unusableReason,
} from '../../../shared/domain';
import { KITCHEN, STORE, batch, ledgerWith, perishable, product } from './fixtures';

const RUNS = { numRuns: 1000 };
const products = [perishable('p0'), perishable('p1'), product('p2')];
const day = (n: number) => `2025-03-${String(1 + n).padStart(2, '0')}`;
const instant = (minute: number) => new Date(Date.UTC(2025, 2, 1, 8, minute)).toISOString();

/** Batches with random expiry, receipt, lot code and QC status. */
const batchesArb = fc
  .array(
    fc.record({
      product: fc.integer({ min: 0, max: 2 }),
      expiry: fc.integer({ min: 0, max: 20 }),
      received: fc.integer({ min: 0, max: 5 }),
      lot: fc.constantFrom('A', 'B', 'C'),
      held: fc.boolean(),
      cost: fc.integer({ min: 0, max: 999 }).map((cents) => cents / 100),
      stock: fc.integer({ min: 0, max: 30 }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((specs) =>
    specs.map((spec, index) => ({
      batch: batch(`b${index}`, `p${spec.product}`, {
        expiryDate: day(spec.expiry),
        receivedAt: instant(spec.received),
        lotCode: spec.lot,
        qcStatus: spec.held ? 'quarantined' : 'released',
        unitCost: spec.cost,
      }),
      stock: spec.stock,
    })),
  );

function randomMovement(index: number, spec: { site: number; batch: number; qty: number; cost: number; minute: number }): MovementDoc {
  return {
    id: `m${index}`,
    siteId: `s${spec.site}`,
    productId: `p${spec.batch % 3}`,
    batchId: `b${spec.batch}`,
    qty: spec.qty,
    kind: spec.qty >= 0 ? 'receipt' : 'sale',
    unitCost: spec.cost,
    docType: 'sale',
    docId: `d${index % 7}`,
    lineNo: index,
    at: instant(spec.minute),
    terminalId: 't',
    updatedAt: instant(0),
  };
}
const movementsArb = fc
  .array(
    fc.record({
      site: fc.integer({ min: 0, max: 2 }),
      batch: fc.integer({ min: 0, max: 5 }),
      qty: fc.integer({ min: -50, max: 50 }),
      cost: fc.integer({ min: 0, max: 20 }),
      minute: fc.integer({ min: 0, max: 59 }),
    }),
    { maxLength: 60 },
  )
  .map((specs) => specs.map((spec, index) => randomMovement(index, spec)));

describe('ledger properties', () => {
  it('on-hand = Σ movements, and incremental application (in any chunks, with duplicates) = full recompute', () => {
    fc.assert(
      fc.property(movementsArb, fc.array(fc.nat(), { maxLength: 20 }), (movements, duplicates) => {
        const incremental = new Ledger();
        const delivered = [...movements];
        for (const d of duplicates)
          if (movements.length > 0) delivered.splice(d % (delivered.length + 1), 0, movements[d % movements.length] as MovementDoc);
        for (const movement of delivered) incremental.apply(movement);
        const full = Ledger.fromMovements({}, movements);
        const oracle = recomputePositions(movements);
        const asMap = (ledger: Ledger) => new Map(ledger.positions().map((p) => [positionKey(p), p]));
        expect(asMap(full)).toEqual(oracle);
        expect(asMap(incremental)).toEqual(oracle);
        for (const position of oracle.values()) {
          const sum = movements
            .filter((m) => m.siteId === position.siteId && m.batchId === position.batchId)
            .reduce((s, m) => s + m.qty, 0);
          expect(incremental.onHand(position.siteId, position.batchId)).toBe(sum);
        }
      }),
      RUNS,
    );
  });

  it('FEFO/FIFO proposal never skips an earlier usable batch and never picks an unusable one', () => {
    fc.assert(
      fc.property(
        batchesArb,
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 20 }),
        (specs, p, qty, today) => {
          const productId = `p${p}`;
          const ledger = ledgerWith(
            products,
            specs.map((s) => s.batch),
            specs.filter((s) => s.stock > 0).map((s) => ({ batchId: s.batch.id, qty: s.stock })),
          );
          const businessDate = day(today);
          const proposal = proposeBatches(ledger, { siteId: KITCHEN, productId, qty, businessDate });
          const rule = pickingRule(products[p] ?? product('x'));
          const usable = specs
            .filter((s) => s.batch.productId === productId && s.stock > 0 && unusableReason(s.batch, businessDate) === null)
            .sort((a, b) => compareForPicking(a.batch, b.batch, rule));
          const taken = proposal.allocations.reduce((sum, a) => sum + a.qty, 0);
          expect(taken + proposal.shortfall).toBe(qty);
          // Allocations are exactly a prefix of the usable batches in order, all but the last taken whole.
          proposal.allocations.forEach((allocation, index) => {
            const expected = usable[index];
            expect(allocation.batchId).toBe(expected?.batch.id);
            if (index < proposal.allocations.length - 1) expect(allocation.qty).toBe(expected?.stock);
          });
          if (proposal.shortfall > 0) expect(proposal.allocations).toHaveLength(usable.length);
        },
      ),
      RUNS,
    );
  });
});

/** A random operation at the kitchen: receive, sell, waste or dispatch, with or without a chosen batch. */
const operationArb = fc.record({
  type: fc.constantFrom('goods-receipt', 'sale', 'consumption', 'waste', 'dispatch'),
  product: fc.integer({ min: 0, max: 2 }),
  batch: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
  qty: fc.integer({ min: 1, max: 40 }),
  cents: fc.integer({ min: 1, max: 9999 }),
  override: fc.boolean(),
});

type Operation = typeof operationArb extends fc.Arbitrary<infer T> ? T : never;

function operationDocument(op: Operation, index: number, batches: readonly BatchDoc[]): DocumentDoc {
  const base = {
    id: `op${index}`,
    number: `N${index}`,
    status: 'draft',
    siteId: KITCHEN,
    businessDate: day(0),
    at: instant(index % 60),
    terminalId: 't',
    updatedAt: instant(0),
  } as const;
  const chosen = op.batch === undefined ? undefined : batches[op.batch % batches.length];
  const productId = chosen?.productId ?? `p${op.product}`;
  const line = {
    productId,
    qty: op.qty,
    ...(chosen ? { batchId: chosen.id } : {}),
    ...(op.override ? { fifoOverrideReason: 'test' } : {}),
  };
  switch (op.type) {
    case 'goods-receipt':
      return {
        ...base,
        type: 'goods-receipt',
        partnerId: 'sup',
        lines: [
          {
            productId: `p${op.product}`,
            qty: op.qty,
            batchId: `new${index}`,
            lotCode: 'L',
            unitCost: op.cents / 100,
            expiryDate: day(10),
            certificateHashes: ['c'],
          },
        ],
      };
    case 'sale':
      return { ...base, type: 'sale', lines: [{ ...line, unitPrice: op.cents / 100 }] };
    case 'consumption':
      return { ...base, type: 'consumption', lines: [line] };
    case 'waste':
      return { ...base, type: 'waste', wasteReason: 'damaged', lines: [line as typeof line & { batchId: string }] };
    default:
      return { ...base, type: 'dispatch', toSiteId: STORE, lines: [line] };
  }
}

describe('posting properties', () => {
  it('under block, no sequence of postings makes on-hand negative; every journal entry balances', () => {
    // Guards against a vacuous property: stock must actually leave in many runs.
    let issuesPosted = 0;
    fc.assert(
      fc.property(batchesArb, fc.array(operationArb, { maxLength: 15 }), (specs, operations) => {
        const batches = specs.map((s) => s.batch);
        const ledger = ledgerWith(
          products,
          batches,
          specs.filter((s) => s.stock > 0).map((s) => ({ batchId: s.batch.id, qty: s.stock })),
        );
        operations.forEach((op, index) => {
          const outcome = postDocument(operationDocument(op, index, batches), ledger);
          if (!outcome.ok) return;
          if (op.type !== 'goods-receipt') issuesPosted += 1;
          for (const entry of outcome.result.journal) expect(isBalanced(entry)).toBe(true);
          ledger.commit(outcome.result);
          for (const position of ledger.positions()) expect(position.qty).toBeGreaterThanOrEqual(0);
        });
      }),
      RUNS,
    );
    expect(issuesPosted).toBeGreaterThan(500);
  });

  it('dispatch out + store receipt in + transit loss = 0 per batch', () => {
    let dispatchesShipped = 0;
    fc.assert(
      fc.property(
        batchesArb,
        fc.array(fc.record({ product: fc.integer({ min: 0, max: 2 }), qty: fc.integer({ min: 1, max: 30 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 12, maxLength: 12 }),
        (specs, lines, splits) => {
          const ledger = ledgerWith(
            products,
            specs.map((s) => s.batch),
            specs.filter((s) => s.stock > 0).map((s) => ({ batchId: s.batch.id, qty: s.stock })),
          );
          const dispatch: DispatchDoc = {
            id: 'disp',
            number: 'PS1',
            status: 'picked',
            type: 'dispatch',
            siteId: KITCHEN,
            toSiteId: STORE,
            businessDate: day(0),
            at: instant(0),
            terminalId: 't',
            updatedAt: instant(0),
            lines: lines.map((l) => ({ productId: `p${l.product}`, qty: l.qty })),
          };
          const shipped = postDispatchShip(dispatch, ledger);
          if (!shipped.ok) return;
          dispatchesShipped += 1;
          ledger.commit(shipped.result);
          const receipt: StoreReceiptDoc = {
            id: 'rcpt',
            number: 'SH1',
            status: 'draft',
            type: 'store-receipt',
            siteId: STORE,
            toSiteId: KITCHEN,
            dispatchId: 'disp',
            businessDate: day(1),
            at: instant(30),
            terminalId: 't2',
            updatedAt: instant(30),
            lines: shipped.result.document.lines.map((line, index) => {
              const [a, b] = splits[index % splits.length] ?? [0, 0, 0];
              const short = a % (line.qty + 1);
              const rejected = b % (line.qty - short + 1);
              return {
                productId: line.productId,
                batchId: line.batchId ?? '',
                qty: line.qty,
                accepted: line.qty - short - rejected,
                short,
                rejected,
              };
            }),
          };
          const received = postStoreReceipt(receipt, ledger);
          if (!received.ok) throw received.error;
          const all = [...shipped.result.movements, ...received.result.movements];
          for (const batchId of new Set(all.map((m) => m.batchId))) {
            expect(all.filter((m) => m.batchId === batchId).reduce((sum, m) => sum + m.qty, 0)).toBe(0);
          }
          for (const entry of [...shipped.result.journal, ...received.result.journal]) expect(isBalanced(entry)).toBe(true);
        },
      ),
      RUNS,
    );
    expect(dispatchesShipped).toBeGreaterThan(100);
  });

  it('count-while-trading leaves later movements untouched and ends at counted + later movements', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ qty: fc.integer({ min: -20, max: 20 }), minute: fc.integer({ min: 0, max: 59 }) }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 100 }),
        (changes, countMinute, counted) => {
          const b = batch('b0', 'p0', { unitCost: 1.5 });
          const ledger = ledgerWith(products, [b]);
          changes.forEach((change, index) =>
            ledger.apply(randomMovement(index, { site: 0, batch: 0, qty: change.qty, cost: 1, minute: change.minute })),
          );
          const site = 's0';
          const before = ledger.movements().map((m) => ({ ...m }));
          const count: StockCountDoc = {
            id: 'count',
            number: 'PD1',
            status: 'draft',
            type: 'stock-count',
            siteId: site,
            businessDate: day(0),
            at: instant(59),
            terminalId: 't',
            updatedAt: instant(59),
            lines: [{ productId: 'p0', batchId: 'b0', qty: counted, countedAt: instant(countMinute) }],
          };
          const outcome = postStockCount(count, ledger);
          if (!outcome.ok) throw outcome.error;
          ledger.commit(outcome.result);
          expect(ledger.movements().slice(0, before.length)).toEqual(before);
          const later = changes.filter((c) => c.minute > countMinute).reduce((sum, c) => sum + c.qty, 0);
          expect(ledger.onHand(site, 'b0')).toBe(counted + later);
          expect(ledger.onHandAt(site, 'b0', instant(countMinute))).toBe(counted);
        },
      ),
      RUNS,
    );
  });
});
