// Valuation at the edges (issue 13), with the figures ERPNext (erpnext/stock/valuation.py, the
// FIFO queue and the moving average's handling of negative stock) and Odoo (stock_account's
// vacuum of negative layers) give for the same sequences.
import { describe, expect, it } from 'vitest';
import { accountCodes, postDispatchShip, postSale, postStoreReceipt, valueStock, type PostingOutcome } from '../../../shared/domain';
import { accountBalance } from '../../../shared/finance/journal-view';
import type { DispatchDoc, JournalDoc, SaleDoc, StoreReceiptDoc } from '../../../shared/schemas';
import { KITCHEN, STORE, batch, doc, ledgerWith } from './fixtures';
import { P, World } from './valuation-edges.helpers';

describe.each(['batch', 'moving-average'] as const)('oversell, then receive (%s costing)', (costing) => {
  it('settles the short units at the receipt cost: oversell 10, receive 10@30 + 10@40 → 400, and 0 at zero', () => {
    const world = new World(costing);
    world.receive(10, 10);
    world.receive(10, 20);
    world.sell(30);
    expect(world.figures().qty).toBe(-10);
    world.receive(10, 30);
    expect(world.figures()).toEqual({ qty: 0, value: 0, report: 0, books: 0 });
    world.receive(10, 40);
    expect(world.figures()).toEqual({ qty: 10, value: 400, report: 400, books: 400 });
    // The short units cost what settled them: 10@10 + 10@20 + 10@30 in COGS, nothing left over.
    expect(world.balance(accountCodes.costOfSales)).toBe(600);
    expect(world.balance(accountCodes.payable)).toBe(-1000);
  });

  it('a receipt smaller than the shortfall keeps the rest short at the cost it left at', () => {
    const world = new World(costing);
    world.receive(10, 20);
    world.sell(20);
    world.receive(4, 50);
    expect(world.figures()).toEqual({ qty: -6, value: -120, report: -120, books: -120 });
    world.receive(6, 50);
    expect(world.figures()).toEqual({ qty: 0, value: 0, report: 0, books: 0 });
    world.receive(1, 7);
    expect(world.figures()).toEqual({ qty: 1, value: 7, report: 7, books: 7 });
  });
});

describe('moving average at the edges', () => {
  it('never takes a negative quantity into the average: it stays within the receipt costs', () => {
    const world = new World('moving-average');
    world.receive(10, 10);
    world.receive(10, 20);
    world.sell(30);
    world.sell(5); // further short, at the cost the shortfall left at (15)
    expect(world.figures().value).toBe(-225);
    world.receive(20, 30);
    const { qty, value } = world.figures();
    expect(qty).toBe(5);
    expect(value / qty).toBe(30);
  });

  it('a customer return comes back at the cost the sale took it out at, not at the average now', () => {
    const world = new World('moving-average');
    world.receive(10, 10, 'b1');
    world.receive(10, 20, 'b2');
    const sale = world.sell(5); // leaves at the average, 15
    world.receive(15, 40, 'b3'); // average now (225 + 600) / 30 = 27.5
    const returned = world.returnLine('from-customer', 'b1', 5, sale.document.id);
    expect(returned.movements.map((m) => m.unitCost)).toEqual([15]);
    expect(world.figures()).toEqual({ qty: 35, value: 900, report: 900, books: 900 });
    expect(world.balance(accountCodes.costOfSales)).toBe(0);
  });

  it('a supplier return relieves the payable at the purchase price, the difference to the price-difference account', () => {
    const world = new World('moving-average');
    world.receive(10, 10, 'b1');
    world.receive(10, 20, 'b2'); // average 15
    const result = world.returnLine('to-supplier', 'b2', 4);
    expect(result.movements.map((m) => m.unitCost)).toEqual([15]);
    const lines = result.journal[0]?.lines ?? [];
    const net = (code: string) => lines.filter((l) => l.accountCode === code).reduce((s, l) => s + l.debit - l.credit, 0);
    expect(net(accountCodes.payable)).toBe(80);
    expect(net(accountCodes.inventory)).toBe(-60);
    expect(net(accountCodes.priceDifference)).toBe(-20);
    expect(world.figures()).toEqual({ qty: 16, value: 240, report: 240, books: 240 });
  });

  it('70 issues of 0.1 leave no residue in the inventory account', () => {
    const world = new World('moving-average');
    world.receive(1, 1.08); // before issue 13 the account ended at −0.04 here
    world.receive(6, 2.03);
    for (let i = 0; i < 70; i += 1) world.sell(0.1);
    const figures = world.figures();
    expect(figures.qty).toBe(0);
    expect(figures.report).toBe(0);
    expect(figures.books).toBe(0);
  });
});

describe('allow-and-flag at exactly zero usable stock', () => {
  it('allows the sale and flags it; block still refuses', () => {
    const products = [P];
    const batches = [batch('b1', P.id, { unitCost: 3 })];
    const sale = () =>
      doc<SaleDoc>({ type: 'sale', siteId: KITCHEN, paymentMethod: 'cash', lines: [{ productId: P.id, qty: 2, unitPrice: 5 }] });
    const flagging = ledgerWith(products, batches, [{ batchId: 'b1', qty: 1 }], {
      [KITCHEN]: { negativeStock: 'allow-and-flag', costing: 'batch', priceDeviationPct: 10 },
    });
    const first = postSale(sale(), flagging);
    if (!first.ok) throw first.error;
    flagging.commit(first.result);
    expect(flagging.onHand(KITCHEN, 'b1')).toBe(-1);
    const atZero = ledgerWith(products, batches, [{ batchId: 'b1', qty: 2 }], {
      [KITCHEN]: { negativeStock: 'allow-and-flag', costing: 'batch', priceDeviationPct: 10 },
    });
    const drain = postSale(sale(), atZero);
    if (!drain.ok) throw drain.error;
    atZero.commit(drain.result);
    expect(atZero.onHand(KITCHEN, 'b1')).toBe(0);
    const outcome = postSale(sale(), atZero);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.movements.map((m) => [m.batchId, m.qty, m.unitCost])).toEqual([['b1', -2, 3]]);
    expect(outcome.result.events.map((e) => e.kind)).toEqual(['negative-stock']);
    const blocking = ledgerWith(products, batches, [{ batchId: 'b1', qty: 2 }]);
    const drained = postSale(sale(), blocking);
    if (!drained.ok) throw drained.error;
    blocking.commit(drained.result);
    expect(postSale(sale(), blocking).ok).toBe(false);
  });
});

describe('short stock covered by arrivals that keep their own batch whole', () => {
  const flag = { negativeStock: 'allow-and-flag', costing: 'batch', priceDeviationPct: 10 } as const;

  it('a store that sold short is covered by the dispatch it receives; out + in = 0 per batch and nothing stays in transit', () => {
    const products = [P];
    const batches = [
      batch('x', P.id, { unitCost: 10, siteId: STORE }),
      batch('y', P.id, { unitCost: 20, receivedAt: '2025-03-01T09:00:00.000Z' }),
    ];
    const ledger = ledgerWith(
      products,
      batches,
      [
        { siteId: STORE, batchId: 'x', qty: 5 },
        { batchId: 'y', qty: 10 },
      ],
      { [STORE]: flag },
    );
    const journal: JournalDoc[] = [];
    const post = (outcome: PostingOutcome) => {
      if (!outcome.ok) throw outcome.error;
      ledger.commit(outcome.result);
      journal.push(...outcome.result.journal);
      return outcome.result;
    };
    post(
      postSale(
        doc<SaleDoc>({ type: 'sale', siteId: STORE, paymentMethod: 'cash', lines: [{ productId: P.id, qty: 8, unitPrice: 30 }] }),
        ledger,
      ),
    );
    expect(ledger.onHand(STORE, 'x')).toBe(-3);
    const shipped = post(
      postDispatchShip(
        doc<DispatchDoc>({ type: 'dispatch', siteId: KITCHEN, toSiteId: STORE, lines: [{ productId: P.id, qty: 4 }] }),
        ledger,
      ),
    );
    const received = post(
      postStoreReceipt(
        doc<StoreReceiptDoc>({
          type: 'store-receipt',
          siteId: STORE,
          toSiteId: KITCHEN,
          dispatchId: shipped.document.id,
          lines: [{ productId: P.id, qty: 4, batchId: 'y', unitCost: 20, accepted: 4, short: 0, rejected: 0 }],
        }),
        ledger,
      ),
    );
    expect([ledger.onHand(STORE, 'x'), ledger.onHand(STORE, 'y')]).toEqual([0, 1]);
    const dispatchKinds = new Set(['dispatch-out', 'dispatch-in', 'transit-loss']);
    const perBatch = [...shipped.movements, ...received.movements].filter((m) => dispatchKinds.has(m.kind) && m.batchId === 'y');
    expect(perBatch.reduce((sum, m) => sum + m.qty, 0)).toBe(0);
    expect(received.movements.map((m) => [m.kind, m.batchId, m.qty, m.unitCost])).toEqual([
      ['dispatch-in', 'y', 4, 20],
      ['count-adjust', 'x', 3, 10],
      ['count-adjust', 'y', -3, 20],
    ]);
    expect(valueStock(ledger, STORE, P.id)).toEqual({ qty: 1, value: 20, unitCost: 20 });
    expect(accountBalance(journal, accountCodes.inTransit)).toBe(0);
    // The 3 units sold short cost 20 each in the end: 5 × 10 + 3 × 20.
    expect(accountBalance(journal, accountCodes.costOfSales, { siteIds: [STORE] })).toBe(110);
  });

  it('a goods receipt keeps its lot whole: the receipt movement carries the full quantity at the supplier price', () => {
    const world = new World('batch');
    world.receive(5, 10, 'b1');
    world.sell(8);
    const receipt = world.receive(10, 30, 'b2');
    expect(receipt.movements.map((m) => [m.kind, m.batchId, m.qty, m.unitCost])).toEqual([
      ['receipt', 'b2', 10, 30],
      ['count-adjust', 'b1', 3, 10],
      ['count-adjust', 'b2', -3, 30],
    ]);
    expect(world.ledger.lastReceiptCost(KITCHEN, P.id)).toBe(30);
    expect(world.figures()).toEqual({ qty: 7, value: 210, report: 210, books: 210 });
    expect(world.balance(accountCodes.payable)).toBe(-350);
  });
});
