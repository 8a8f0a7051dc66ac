import { describe, expect, it } from 'vitest';
import type { ProductionRunDoc, PurchaseOrderDoc, ReturnDoc, ReversalDoc, SaleDoc, StockCountDoc } from '../../../shared/schemas';
import {
  Ledger,
  fifoCostLayers,
  listStockExceptions,
  movingAverageCost,
  postDocument,
  postProductionRun,
  postReturn,
  postReversal,
  postSale,
  postStockCount,
  stockExceptionEvents,
  valueStock,
} from '../../../shared/domain';
import { KITCHEN, batch, doc, ledgerWith, ok, perishable, product } from './fixtures';

const milk = perishable('milk', 7);
const flour = product('flour');

describe('stock count while trading', () => {
  it('adjusts by counted − on-hand at the counting moment, leaving later sales alone', () => {
    const ledger = ledgerWith([milk], [batch('b1', 'milk', { expiryDate: '2025-03-20', unitCost: 2 })], [{ batchId: 'b1', qty: 10 }]);
    // a sale of 3 at 10:00, the count of 6 at 09:00, another sale of 1 at 11:00
    const sale = (qty: number, at: string) =>
      doc<SaleDoc>({ type: 'sale', siteId: KITCHEN, at, lines: [{ productId: 'milk', qty, unitPrice: 5, batchId: 'b1' }] });
    ledger.commit(ok(postSale(sale(3, '2025-03-01T10:00:00.000Z'), ledger)));
    ledger.commit(ok(postSale(sale(1, '2025-03-01T11:00:00.000Z'), ledger)));
    const count = doc<StockCountDoc>({
      type: 'stock-count',
      siteId: KITCHEN,
      at: '2025-03-01T12:00:00.000Z',
      lines: [{ productId: 'milk', batchId: 'b1', qty: 6, countedAt: '2025-03-01T09:00:00.000Z' }],
    });
    const result = ok(postStockCount(count, ledger));
    // on-hand at 09:00 was 10, counted 6 → −4, dated at the counting moment
    expect(result.movements.map((m) => [m.kind, m.qty, m.at])).toEqual([['count-adjust', -4, '2025-03-01T09:00:00.000Z']]);
    expect(result.journal[0]?.lines).toEqual([
      { accountCode: '1901', debit: 8, credit: 0 },
      { accountCode: '1405', debit: 0, credit: 8 },
    ]);
    expect(result.events[0]?.data).toMatchObject({ varianceValue: -8 });
    ledger.commit(result);
    expect(ledger.onHand(KITCHEN, 'b1')).toBe(2); // counted 6 + later (−3 −1)
  });
});

describe('production run', () => {
  it('consumes ingredients by FEFO and outputs a batch costed at what it consumed', () => {
    const dough = perishable('dough', 2, {
      recipe: {
        outputQty: 10,
        lines: [
          { productId: 'flour', qty: 8 },
          { productId: 'milk', qty: 4 },
        ],
      },
    });
    const ledger = ledgerWith(
      [milk, flour, dough],
      [
        batch('f1', 'flour', { unitCost: 0.5, receivedAt: '2025-01-01T00:00:00Z' }),
        batch('f2', 'flour', { unitCost: 0.75, receivedAt: '2025-02-01T00:00:00Z' }),
        batch('m1', 'milk', { unitCost: 2, expiryDate: '2025-03-05' }),
      ],
      [
        { batchId: 'f1', qty: 10 },
        { batchId: 'f2', qty: 50 },
        { batchId: 'm1', qty: 20 },
      ],
    );
    const run = doc<ProductionRunDoc>({
      type: 'production-run',
      siteId: KITCHEN,
      outputProductId: 'dough',
      outputQty: 20,
      outputBatchId: 'dough-1',
      outputLotCode: 'D1',
      lines: [],
    });
    const result = ok(postProductionRun(run, ledger));
    // recipe × 2: flour 16 (10 from f1 @0.5, 6 from f2 @0.75), milk 8 @2 → 5 + 4.5 + 16 = 25.5 for 20
    expect(result.movements.map((m) => [m.kind, m.batchId, m.qty])).toEqual([
      ['production-consume', 'f1', -10],
      ['production-consume', 'f2', -6],
      ['production-consume', 'm1', -8],
      ['production-output', 'dough-1', 20],
    ]);
    expect(result.batches[0]).toMatchObject({
      id: 'dough-1',
      unitCost: 1.275,
      productionDate: '2025-03-01',
      expiryDate: '2025-03-03',
      qcStatus: 'released',
    });
    expect(result.journal[0]?.lines).toEqual([
      { accountCode: '5001', debit: 25.5, credit: 0 },
      { accountCode: '1405', debit: 0, credit: 25.5 },
      { accountCode: '1405', debit: 25.5, credit: 0 },
      { accountCode: '5001', debit: 0, credit: 25.5 },
    ]);
  });
});

describe('returns and reversals', () => {
  const setup = () => ledgerWith([milk], [batch('b1', 'milk', { unitCost: 2, expiryDate: '2025-02-01' })], [{ batchId: 'b1', qty: 10 }]);

  it('returns expired stock to the supplier: Dr Payable / Cr Inventory', () => {
    const result = ok(
      postReturn(
        doc<ReturnDoc>({
          type: 'return',
          siteId: KITCHEN,
          returnDirection: 'to-supplier',
          partnerId: 's',
          lines: [{ productId: 'milk', qty: 3, batchId: 'b1' }],
        }),
        setup(),
      ),
    );
    expect(result.movements.map((m) => [m.kind, m.qty])).toEqual([['return', -3]]);
    expect(result.journal[0]?.lines).toEqual([
      { accountCode: '2202', debit: 6, credit: 0 },
      { accountCode: '1405', debit: 0, credit: 6 },
    ]);
  });

  it('takes a customer return back into its batch and refunds', () => {
    const result = ok(
      postReturn(
        doc<ReturnDoc>({
          type: 'return',
          siteId: KITCHEN,
          returnDirection: 'from-customer',
          partnerId: 'c',
          lines: [{ productId: 'milk', qty: 2, batchId: 'b1', unitPrice: 9 }],
        }),
        setup(),
      ),
    );
    expect(result.journal[0]?.lines).toEqual([
      { accountCode: '1405', debit: 4, credit: 0 },
      { accountCode: '6401', debit: 0, credit: 4 },
      { accountCode: '6001', debit: 18, credit: 0 },
      { accountCode: '1001', debit: 0, credit: 18 },
    ]);
  });

  it('reverses a posted document with opposite movements and a mirrored entry', () => {
    const ledger = setup();
    const waste = doc({ type: 'waste', siteId: KITCHEN, wasteReason: 'damaged', lines: [{ productId: 'milk', qty: 4, batchId: 'b1' }] });
    const posted = ok(postDocument(waste, ledger));
    ledger.commit(posted);
    const reversal = doc<ReversalDoc>({ type: 'reversal', siteId: KITCHEN, reversesDocId: waste.id, lines: [] });
    const result = ok(postReversal(reversal, ledger));
    expect(result.movements.map((m) => [m.kind, m.qty, m.reversalOf])).toEqual([['waste', 4, posted.movements[0]?.id]]);
    expect(result.journal[0]).toMatchObject({ reversalOf: posted.journal[0]?.id, docNumber: reversal.number });
    expect(result.journal[0]?.lines).toEqual([
      { accountCode: '6602', debit: 0, credit: 8 },
      { accountCode: '1405', debit: 8, credit: 0 },
    ]);
    ledger.commit(result);
    expect(ledger.onHand(KITCHEN, 'b1')).toBe(10);
    const nothing = postReversal(doc<ReversalDoc>({ type: 'reversal', siteId: KITCHEN, reversesDocId: 'nope', lines: [] }), ledger);
    expect(nothing.ok ? null : nothing.error.code).toBe('not-postable');
  });

  it('refuses kinds that move no stock', () => {
    const order = doc<PurchaseOrderDoc>({
      type: 'purchase-order',
      siteId: KITCHEN,
      partnerId: 's',
      lines: [{ productId: 'milk', qty: 1, unitCost: 1 }],
    });
    const outcome = postDocument(order, setup());
    expect(outcome.ok ? null : outcome.error.code).toBe('not-postable');
  });
});

describe('valuation', () => {
  it('FIFO layers by receipt and moving average per site', () => {
    const ledger = ledgerWith(
      [flour],
      [
        batch('a', 'flour', { unitCost: 1, receivedAt: '2025-01-02T00:00:00Z' }),
        batch('b', 'flour', { unitCost: 4, receivedAt: '2025-01-01T00:00:00Z' }),
      ],
      [
        { batchId: 'a', qty: 30 },
        { batchId: 'b', qty: 10 },
      ],
    );
    expect(fifoCostLayers(ledger, KITCHEN, 'flour').map((l) => [l.batchId, l.qty, l.value])).toEqual([
      ['b', 10, 40],
      ['a', 30, 30],
    ]);
    expect(movingAverageCost(ledger, KITCHEN, 'flour')).toBe(70 / 40);
    ledger.setPolicy(KITCHEN, { negativeStock: 'block', costing: 'moving-average', priceDeviationPct: 10 });
    const sale = ok(
      postSale(doc<SaleDoc>({ type: 'sale', siteId: KITCHEN, lines: [{ productId: 'flour', qty: 8, unitPrice: 3 }] }), ledger),
    );
    expect(sale.movements.map((m) => m.unitCost)).toEqual([1.75]);
    ledger.commit(sale);
    expect(valueStock(ledger, KITCHEN, 'flour')).toEqual({ qty: 32, value: 56, unitCost: 1.75 });
  });
});

describe('stock exceptions after merging offline postings', () => {
  it('lists batches below zero with the movements that took them there', () => {
    const ledger = ledgerWith([milk], [batch('b1', 'milk', { expiryDate: '2025-03-20' })], [{ batchId: 'b1', qty: 2 }]);
    // two tills each sold the last 2 units offline
    const tillA = ok(
      postSale(doc<SaleDoc>({ type: 'sale', siteId: KITCHEN, lines: [{ productId: 'milk', qty: 2, unitPrice: 1 }] }), ledger),
    );
    const tillB = ok(
      postSale(doc<SaleDoc>({ type: 'sale', siteId: KITCHEN, lines: [{ productId: 'milk', qty: 2, unitPrice: 1 }] }), ledger),
    );
    const merged = new Ledger({ products: [milk] });
    for (const m of [...ledger.movements(), ...tillA.movements, ...tillB.movements, ...tillA.movements]) merged.apply(m);
    const exceptions = listStockExceptions(merged.movements());
    expect(exceptions).toEqual([
      { siteId: KITCHEN, productId: 'milk', batchId: 'b1', onHand: -2, shortfall: 2, movementIds: [tillB.movements[0]?.id] },
    ]);
    const events = stockExceptionEvents(exceptions, '2025-03-02T00:00:00.000Z');
    expect(events[0]).toMatchObject({ kind: 'stock-exception', siteId: KITCHEN, batchId: 'b1' });
    expect(stockExceptionEvents(exceptions, '2025-03-02T00:00:00.000Z')[0]?.id).toBe(events[0]?.id);
  });
});
