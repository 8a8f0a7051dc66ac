import { describe, expect, it } from 'vitest';
import type { DispatchDoc, GoodsReceiptDoc, SaleDoc, StoreReceiptDoc, WasteDoc } from '../../../shared/schemas';
import {
  NegativeStockError,
  isBalanced,
  postDispatchShip,
  postGoodsReceipt,
  postSale,
  postStoreReceipt,
  postWaste,
} from '../../../shared/domain';
import { KITCHEN, STORE, batch, doc, ledgerWith, ok, perishable, product, sumBy } from './fixtures';

const milk = perishable('milk', 7);
const salt = product('salt');

describe('goods receipt', () => {
  it('creates the batch, a receipt movement and Dr Inventory / Cr Payable', () => {
    const ledger = ledgerWith([milk, salt], []);
    const receipt = doc<GoodsReceiptDoc>({
      type: 'goods-receipt',
      siteId: KITCHEN,
      partnerId: 'sup-1',
      lines: [
        {
          productId: 'milk',
          qty: 120,
          batchId: 'b-new',
          lotCode: 'L1',
          unitCost: 0.25,
          productionDate: '2025-02-28',
          certificateHashes: ['h'],
        },
        { productId: 'salt', qty: 10, batchId: 'b-salt', lotCode: 'S1', unitCost: 3.333 },
      ],
    });
    const result = ok(postGoodsReceipt(receipt, ledger));
    expect(result.batches[0]).toMatchObject({
      id: 'b-new',
      expiryDate: '2025-03-07',
      qcStatus: 'released',
      supplierId: 'sup-1',
      siteId: KITCHEN,
    });
    expect(result.batches[1]).toMatchObject({ id: 'b-salt', qcStatus: 'released' });
    expect(result.movements.map((m) => [m.kind, m.batchId, m.qty, m.unitCost])).toEqual([
      ['receipt', 'b-new', 120, 0.25],
      ['receipt', 'b-salt', 10, 3.333],
    ]);
    // 120 × 0.25 + 10 × 3.333 = 30 + 33.33 = 63.33
    expect(result.journal).toHaveLength(1);
    expect(result.journal[0]?.lines).toEqual([
      { accountCode: '1405', debit: 63.33, credit: 0 },
      { accountCode: '2202', debit: 0, credit: 63.33 },
    ]);
    expect(result.journal[0]?.docNumber).toBe(receipt.number);
    expect(result.document.status).toBe('posted');
  });

  it('holds a perishable batch without certificate and warns on price deviation', () => {
    const ledger = ledgerWith([milk], [batch('old', 'milk', { unitCost: 1 })], [{ batchId: 'old', qty: 1 }]);
    const receipt = doc<GoodsReceiptDoc>({
      type: 'goods-receipt',
      siteId: KITCHEN,
      partnerId: 'sup-1',
      lines: [{ productId: 'milk', qty: 1, batchId: 'b2', lotCode: 'L2', unitCost: 1.2, expiryDate: '2025-03-09' }],
    });
    const result = ok(postGoodsReceipt(receipt, ledger));
    expect(result.batches[0]?.qcStatus).toBe('pending');
    expect(result.events.map((e) => e.kind)).toEqual(['price-deviation']);
  });

  it('names the field when a line is invalid', () => {
    const receipt = doc<GoodsReceiptDoc>({
      type: 'goods-receipt',
      siteId: KITCHEN,
      partnerId: 'sup-1',
      lines: [{ productId: 'milk', qty: -1, batchId: 'b', lotCode: 'L', unitCost: 1, expiryDate: '2025-03-09' }],
    });
    const outcome = postGoodsReceipt(receipt, ledgerWith([milk], []));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ code: 'validation', field: 'lines[0].qty' });
  });
});

describe('sale and negative stock', () => {
  const batches = [
    batch('b1', 'milk', { expiryDate: '2025-03-03', unitCost: 2 }),
    batch('b2', 'milk', { expiryDate: '2025-03-05', unitCost: 3 }),
  ];

  it('splits by FEFO, books revenue and cost of sales', () => {
    const ledger = ledgerWith([milk], batches, [
      { batchId: 'b1', qty: 5 },
      { batchId: 'b2', qty: 10 },
    ]);
    const sale = doc<SaleDoc>({ type: 'sale', siteId: KITCHEN, lines: [{ productId: 'milk', qty: 8, unitPrice: 10 }] });
    const result = ok(postSale(sale, ledger));
    expect(result.movements.map((m) => [m.batchId, m.qty, m.unitCost, m.lineNo])).toEqual([
      ['b1', -5, 2, 0],
      ['b2', -3, 3, 1],
    ]);
    expect(result.document.lines.map((l) => [l.batchId, l.qty])).toEqual([
      ['b1', 5],
      ['b2', 3],
    ]);
    // Revenue 8 × 10 = 80 to cash; cost 5 × 2 + 3 × 3 = 19.
    expect(result.journal[0]?.lines).toEqual([
      { accountCode: '6401', debit: 19, credit: 0 },
      { accountCode: '1405', debit: 0, credit: 19 },
      { accountCode: '1001', debit: 80, credit: 0 },
      { accountCode: '6001', debit: 0, credit: 80 },
    ]);
    expect(isBalanced(result.journal[0] ?? { lines: [] })).toBe(true);
  });

  it('re-posting the same document yields the same ids', () => {
    const ledger = ledgerWith([milk], batches, [{ batchId: 'b1', qty: 5 }]);
    const sale = doc<SaleDoc>({ type: 'sale', siteId: KITCHEN, lines: [{ productId: 'milk', qty: 2, unitPrice: 1 }] });
    expect(ok(postSale(sale, ledger))).toEqual(ok(postSale(sale, ledger)));
    // and the posted (resolved) document derives the same movement ids again
    const posted = ok(postSale(sale, ledger));
    const again = ok(postSale(posted.document as SaleDoc, ledger));
    expect(again.movements.map((m) => m.id)).toEqual(posted.movements.map((m) => m.id));
  });

  it('under block, refuses a posting that would go negative, naming batch and shortfall', () => {
    const ledger = ledgerWith([milk], batches, [{ batchId: 'b1', qty: 5 }]);
    const outcome = postSale(doc<SaleDoc>({ type: 'sale', siteId: KITCHEN, lines: [{ productId: 'milk', qty: 7, unitPrice: 1 }] }), ledger);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error).toBeInstanceOf(NegativeStockError);
      expect(outcome.error).toMatchObject({ batchId: 'b1', productId: 'milk', shortfall: 2 });
      expect(outcome.error.message).toContain('b1');
    }
    // two lines on the same batch see each other
    const twoLines = postSale(
      doc<SaleDoc>({
        type: 'sale',
        siteId: KITCHEN,
        lines: [
          { productId: 'milk', qty: 4, unitPrice: 1, batchId: 'b1' },
          { productId: 'milk', qty: 4, unitPrice: 1, batchId: 'b1' },
        ],
      }),
      ledger,
    );
    expect(twoLines.ok ? null : twoLines.error).toMatchObject({ batchId: 'b1', shortfall: 3 });
  });

  it('under allow-and-flag, posts and flags the overdraft', () => {
    const ledger = ledgerWith([milk], batches, [{ batchId: 'b1', qty: 5 }], {
      [KITCHEN]: { negativeStock: 'allow-and-flag', costing: 'batch', priceDeviationPct: 10 },
    });
    const result = ok(
      postSale(doc<SaleDoc>({ type: 'sale', siteId: KITCHEN, lines: [{ productId: 'milk', qty: 7, unitPrice: 1 }] }), ledger),
    );
    expect(result.movements.map((m) => [m.batchId, m.qty])).toEqual([['b1', -7]]);
    expect(result.events).toMatchObject([{ kind: 'negative-stock', batchId: 'b1', data: { shortfall: 2 } }]);
  });

  it('FIFO override is posted with an audit event', () => {
    const ledger = ledgerWith([milk], batches, [
      { batchId: 'b1', qty: 5 },
      { batchId: 'b2', qty: 5 },
    ]);
    const refused = postSale(
      doc<SaleDoc>({ type: 'sale', siteId: KITCHEN, lines: [{ productId: 'milk', qty: 1, unitPrice: 1, batchId: 'b2' }] }),
      ledger,
    );
    expect(refused.ok ? null : refused.error.code).toBe('fifo-violation');
    const result = ok(
      postSale(
        doc<SaleDoc>({
          type: 'sale',
          siteId: KITCHEN,
          lines: [{ productId: 'milk', qty: 1, unitPrice: 1, batchId: 'b2', fifoOverrideReason: 'VIP' }],
        }),
        ledger,
      ),
    );
    expect(result.events).toMatchObject([{ kind: 'fifo-override', data: { chosenBatchId: 'b2', earlierBatchId: 'b1', reason: 'VIP' } }]);
  });
});

describe('waste', () => {
  it('may throw away an expired batch: Dr Inventory loss / Cr Inventory', () => {
    const ledger = ledgerWith([milk], [batch('old', 'milk', { expiryDate: '2025-02-01', unitCost: 1.5 })], [{ batchId: 'old', qty: 4 }]);
    const waste = doc<WasteDoc>({
      type: 'waste',
      siteId: KITCHEN,
      wasteReason: 'expired',
      lines: [{ productId: 'milk', qty: 4, batchId: 'old' }],
    });
    const result = ok(postWaste(waste, ledger));
    expect(result.movements.map((m) => [m.kind, m.qty])).toEqual([['waste', -4]]);
    expect(result.journal[0]?.lines).toEqual([
      { accountCode: '6602', debit: 6, credit: 0 },
      { accountCode: '1405', debit: 0, credit: 6 },
    ]);
  });
});

describe('dispatch and store receipt', () => {
  const batches = [
    batch('k1', 'milk', { expiryDate: '2025-03-04', unitCost: 2 }),
    batch('k2', 'milk', { expiryDate: '2025-03-06', unitCost: 4 }),
  ];

  it('ship out, receive accepted, book short and rejected as transit loss: out + in + loss = 0 per batch', () => {
    const ledger = ledgerWith([milk], batches, [
      { batchId: 'k1', qty: 6 },
      { batchId: 'k2', qty: 10 },
    ]);
    const dispatch = doc<DispatchDoc>({ type: 'dispatch', siteId: KITCHEN, toSiteId: STORE, lines: [{ productId: 'milk', qty: 10 }] });
    const shipped = ok(postDispatchShip(dispatch, ledger));
    expect(shipped.document.status).toBe('shipped');
    expect(shipped.movements.map((m) => [m.kind, m.siteId, m.batchId, m.qty])).toEqual([
      ['dispatch-out', KITCHEN, 'k1', -6],
      ['dispatch-out', KITCHEN, 'k2', -4],
    ]);
    // 6 × 2 + 4 × 4 = 28 into transit
    expect(shipped.journal[0]?.lines).toEqual([
      { accountCode: '1402', debit: 28, credit: 0 },
      { accountCode: '1405', debit: 0, credit: 28 },
    ]);
    ledger.commit(shipped);

    const receipt = doc<StoreReceiptDoc>({
      type: 'store-receipt',
      siteId: STORE,
      toSiteId: KITCHEN,
      dispatchId: dispatch.id,
      lines: shipped.document.lines.map((line, index) => ({
        productId: line.productId,
        batchId: line.batchId ?? '',
        qty: line.qty,
        unitCost: line.unitCost,
        accepted: index === 0 ? 5 : 2,
        short: index === 0 ? 1 : 0,
        rejected: index === 0 ? 0 : 2,
        rejectReason: index === 0 ? undefined : 'warm on arrival',
      })),
    });
    const received = ok(postStoreReceipt(receipt, ledger));
    expect(received.movements.map((m) => [m.kind, m.siteId, m.batchId, m.qty])).toEqual([
      ['dispatch-in', STORE, 'k1', 5],
      ['transit-loss', STORE, 'k1', 1],
      ['dispatch-in', STORE, 'k2', 2],
      ['transit-loss', STORE, 'k2', 2],
    ]);
    for (const batchId of ['k1', 'k2']) {
      const all = [...shipped.movements, ...received.movements].filter((m) => m.batchId === batchId);
      expect(sumBy(all, (m) => m.qty)).toBe(0);
    }
    expect(received.events).toMatchObject([{ kind: 'discrepancy', toSiteId: KITCHEN, siteId: STORE }]);
    // accepted 5 × 2 + 2 × 4 = 18; lost 1 × 2 + 2 × 4 = 10
    expect(received.journal[0]?.lines).toEqual([
      { accountCode: '1405', debit: 18, credit: 0 },
      { accountCode: '1402', debit: 0, credit: 18 },
      { accountCode: '1901', debit: 10, credit: 0 },
      { accountCode: '1402', debit: 0, credit: 10 },
    ]);
    ledger.commit(received);
    expect(ledger.onHand(STORE, 'k1')).toBe(5);
    expect(ledger.onHand(STORE, 'k2')).toBe(2);
    expect(ledger.onHand(KITCHEN, 'k2')).toBe(6);
  });

  it('refuses a receipt that does not account for what was shipped', () => {
    const ledger = ledgerWith([milk], batches, [{ batchId: 'k1', qty: 6 }]);
    const dispatch = doc<DispatchDoc>({ type: 'dispatch', siteId: KITCHEN, toSiteId: STORE, lines: [{ productId: 'milk', qty: 6 }] });
    ledger.commit(ok(postDispatchShip(dispatch, ledger)));
    const bad = doc<StoreReceiptDoc>({
      type: 'store-receipt',
      siteId: STORE,
      toSiteId: KITCHEN,
      dispatchId: dispatch.id,
      lines: [{ productId: 'milk', batchId: 'k1', qty: 5, accepted: 5, short: 0, rejected: 0 }],
    });
    const outcome = postStoreReceipt(bad, ledger);
    expect(outcome.ok ? null : outcome.error.code).toBe('validation');
    const unbalanced = postStoreReceipt(
      { ...bad, lines: [{ productId: 'milk', batchId: 'k1', qty: 6, accepted: 5, short: 0, rejected: 0 }] },
      ledger,
    );
    expect(unbalanced.ok ? null : unbalanced.error).toMatchObject({ field: 'lines[0]' });
  });

  it('never dispatches an expired batch', () => {
    const ledger = ledgerWith([milk], [batch('gone', 'milk', { expiryDate: '2025-02-27' })], [{ batchId: 'gone', qty: 6 }]);
    const explicit = postDispatchShip(
      doc<DispatchDoc>({ type: 'dispatch', siteId: KITCHEN, toSiteId: STORE, lines: [{ productId: 'milk', qty: 1, batchId: 'gone' }] }),
      ledger,
    );
    expect(explicit.ok ? null : explicit.error.code).toBe('expired-batch');
    const proposed = postDispatchShip(
      doc<DispatchDoc>({ type: 'dispatch', siteId: KITCHEN, toSiteId: STORE, lines: [{ productId: 'milk', qty: 1 }] }),
      ledger,
    );
    expect(proposed.ok ? null : proposed.error).toMatchObject({ code: 'negative-stock', batchId: null, shortfall: 1 });
  });
});
