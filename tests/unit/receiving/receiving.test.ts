import { describe, expect, it } from 'vitest';
import { Ledger, postDispatchShip, postDocument, type PostingResult } from '../../../shared/domain';
import { encodeDispatchQr, decodeDispatchQr } from '../../../shared/dispatch/qr-payload';
import type { DispatchDoc, MovementDoc } from '../../../shared/schemas';
import { collectQrPart } from '../../../renderer/features/receiving/qr-collector';
import {
  batchesFromIncoming,
  buildStoreReceipt,
  defaultEntries,
  fromDispatchDoc,
  fromQrPayload,
  lineProblem,
  missingBatches,
  storeReceiptId,
  withBatchFallback,
} from '../../../shared/dispatch/store-receipt';
import { averageDailyUse, parLevels, suggestedQty } from '../../../renderer/features/receiving/request-hints';
import { KITCHEN, STORE, T0, batch, doc, ledgerWith, perishable } from '../domain/fixtures';

function ok(outcome: ReturnType<typeof postDocument>): PostingResult {
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}

const milk = perishable('milk', 7);
const buns = perishable('buns', 3);
const header = { storeSiteId: STORE, terminalId: 'store-t1', number: 'SH-1', businessDate: '2025-03-01', at: T0 };

function shippedDispatch() {
  const batches = [
    batch('k1', 'milk', { expiryDate: '2025-03-05', unitCost: 2 }),
    batch('k2', 'buns', { expiryDate: '2025-03-03', unitCost: 0.5 }),
  ];
  const kitchen = ledgerWith([milk, buns], batches, [
    { batchId: 'k1', qty: 20 },
    { batchId: 'k2', qty: 50 },
  ]);
  const dispatch = doc<DispatchDoc>({
    type: 'dispatch',
    siteId: KITCHEN,
    toSiteId: STORE,
    lines: [
      { productId: 'milk', qty: 10 },
      { productId: 'buns', qty: 30 },
    ],
  });
  const shipped = ok(postDispatchShip(dispatch, kitchen));
  kitchen.commit(shipped);
  return { kitchen, shipped, dispatch: shipped.document as DispatchDoc };
}

function sumPerBatch(movements: readonly MovementDoc[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const m of movements) sums.set(m.batchId, (sums.get(m.batchId) ?? 0) + m.qty);
  return sums;
}

describe('store receipt from a synced dispatch', () => {
  it('accepts all but one line short, closing out + in + loss = 0 per batch, with a deterministic id', () => {
    const { kitchen, shipped, dispatch } = shippedDispatch();
    const incoming = fromDispatchDoc(dispatch, kitchen);
    expect(incoming.lines.map((l) => [l.batchId, l.lotCode, l.expiryDate, l.qty, l.unitCost])).toEqual([
      ['k1', 'LOT-k1', '2025-03-05', 10, 2],
      ['k2', 'LOT-k2', '2025-03-03', 30, 0.5],
    ]);
    const entries = defaultEntries(incoming);
    entries[1] = { accepted: 27, rejected: 0 };
    const receipt = buildStoreReceipt(incoming, entries, header);
    expect(receipt.id).toBe(storeReceiptId(dispatch.id));
    expect(receipt.lines[1]).toMatchObject({ accepted: 27, short: 3, rejected: 0, lotCode: 'LOT-k2', expiryDate: '2025-03-03' });
    const received = ok(postDocument(receipt, kitchen));
    kitchen.commit(received);
    expect(kitchen.onHand(STORE, 'k1')).toBe(10);
    expect(kitchen.onHand(STORE, 'k2')).toBe(27);
    for (const sum of sumPerBatch([...shipped.movements, ...received.movements]).values()) expect(sum).toBe(0);
    expect(received.events).toMatchObject([{ kind: 'discrepancy', toSiteId: KITCHEN }]);
  });

  it('names lines that cannot be posted', () => {
    const line = { productId: 'milk', batchId: 'k1', qty: 10, unitCost: 2 };
    expect(lineProblem(line, { accepted: 8, rejected: 3 })).toBe('too-much');
    expect(lineProblem(line, { accepted: 8, rejected: 2 })).toBe('reason-missing');
    expect(lineProblem(line, { accepted: 8, rejected: 2, rejectReason: 'warm' })).toBeNull();
    expect(lineProblem(line, { accepted: -1, rejected: 0 })).toBe('negative');
  });
});

describe('store receipt by QR before anything synced', () => {
  it('posts against a view that answers the kitchen batches from the QR, and the same receipt id after sync', () => {
    const { kitchen, dispatch } = shippedDispatch();
    const payload = {
      dispatchId: dispatch.id,
      number: dispatch.number,
      siteId: KITCHEN,
      toSiteId: STORE,
      businessDate: dispatch.businessDate,
      shippedAt: dispatch.at,
      lines: dispatch.lines.map((l) => ({
        productId: l.productId,
        batchId: l.batchId ?? '',
        lotCode: kitchen.batch(l.batchId ?? '')?.lotCode ?? '',
        expiryDate: kitchen.batch(l.batchId ?? '')?.expiryDate,
        qty: l.qty,
        unitCost: l.unitCost ?? 0,
      })),
    };
    const incoming = fromQrPayload(decodeDispatchQr(encodeDispatchQr(payload)));
    // The store knows the products but neither the dispatch nor the kitchen's batches.
    const store = new Ledger({ products: [milk, buns] });
    expect(missingBatches(incoming, store).map((b) => b.id)).toEqual(['k1', 'k2']);
    const receipt = buildStoreReceipt(incoming, defaultEntries(incoming), header);
    expect(postDocument(receipt, store).ok).toBe(false);
    const received = ok(postDocument(receipt, withBatchFallback(store, batchesFromIncoming(incoming))));
    expect(received.batches).toEqual([]); // the store never writes the kitchen's batches
    store.commit(received);
    expect(store.onHand(STORE, 'k1')).toBe(10);
    // Synced later: the kitchen's ledger gets the store's receipt by the same id, counted once.
    kitchen.commit(received);
    kitchen.commit(received);
    expect(kitchen.onHand(STORE, 'k2')).toBe(30);
    expect(receipt.id).toBe(
      buildStoreReceipt(fromDispatchDoc(dispatch, kitchen), defaultEntries(incoming), { ...header, number: 'SH-2' }).id,
    );
  });
});

describe('QR parts collected from a scanner', () => {
  const payload = {
    dispatchId: 'd-1',
    number: 'PS-1',
    siteId: KITCHEN,
    toSiteId: STORE,
    businessDate: '2025-03-01',
    shippedAt: T0,
    lines: Array.from({ length: 30 }, (_, i) => ({
      productId: `product-${i}-with-a-long-identifier`,
      batchId: `batch-${i}-with-a-long-identifier`,
      lotCode: `LOT${i}`,
      expiryDate: '2025-03-09',
      qty: i + 1,
      unitCost: 1.5,
    })),
  };
  const parts = encodeDispatchQr(payload);

  it('asks for the next part until the dispatch is whole, in any order, ignoring repeats', () => {
    expect(parts.length).toBeGreaterThan(1);
    let collected: string[] = [];
    const first = collectQrPart(collected, parts[1] as string);
    expect(first).toMatchObject({ status: 'need-more', next: 1, total: parts.length });
    collected = first.parts;
    expect(collectQrPart(collected, parts[1] as string)).toMatchObject({ status: 'need-more', scanned: 1 });
    let last = first;
    for (const part of [parts[0], ...parts.slice(2)]) {
      last = collectQrPart(collected, part as string);
      collected = last.parts;
    }
    expect(last.status).toBe('complete');
    if (last.status === 'complete') expect(last.payload.lines).toHaveLength(30);
  });

  it('names foreign and damaged codes', () => {
    expect(collectQrPart([], '6901234567892')).toMatchObject({ status: 'error', reason: 'foreign' });
    const one = encodeDispatchQr({ ...payload, lines: payload.lines.slice(0, 2) })[0] as string;
    const damaged = one.slice(0, -6) + (one.slice(-6, -5) === 'A' ? 'B' : 'A') + one.slice(-5);
    expect(collectQrPart([], damaged)).toMatchObject({ status: 'error', reason: 'damaged' });
    expect(collectQrPart([], 'LDR1.1/1.zz')).toMatchObject({ status: 'error', reason: 'damaged' });
  });
});

describe('request hints', () => {
  it('averages sale and consumption over 14 days, reads par levels, suggests a quantity', () => {
    const move = (day: string, qty: number, kind: MovementDoc['kind'] = 'sale'): MovementDoc => ({
      id: `${day}-${kind}-${qty}`,
      siteId: STORE,
      productId: 'milk',
      batchId: 'k1',
      qty,
      kind,
      unitCost: 1,
      docType: 'sale',
      docId: 'x',
      lineNo: 0,
      at: `${day}T10:00:00.000Z`,
      terminalId: 't',
      updatedAt: T0,
    });
    const use = averageDailyUse(
      [move('2025-03-01', -14), move('2025-03-10', -14, 'consumption'), move('2025-02-10', -100), move('2025-03-12', 50, 'receipt')],
      STORE,
      '2025-03-15',
    );
    expect(use.get('milk')).toBe(2);
    const pars = parLevels([{ id: 'c', key: 'par-levels', siteId: STORE, value: { levels: { milk: 40 } }, updatedAt: T0 }], STORE);
    expect(pars.get('milk')).toBe(40);
    expect(suggestedQty(12, 40, 2)).toBe(28);
    expect(suggestedQty(2, undefined, 2)).toBe(4);
  });
});
