import { describe, expect, it } from 'vitest';
import type { DispatchDoc, StoreRequestDoc } from '../../../shared/schemas';
import { parseScan } from '../../../shared/ops/scan';
import { aggregatePickingList, draftDispatchesFromRequests, openRequests } from '../../../shared/ops/store-requests';
import { batchLabelCode } from '../../../shared/ops/batch-label';

const at = '2026-11-30T00:00:00.000Z';
function request(
  number: string,
  siteId: string,
  deliveryDate: string,
  lines: [string, number][],
  status: StoreRequestDoc['status'] = 'submitted',
): StoreRequestDoc {
  return {
    id: `id-${number}`,
    type: 'store-request',
    siteId,
    toSiteId: 'kitchen',
    number,
    status,
    // Asked the day before the delivery: the picking list groups by the delivery date, not this one.
    businessDate: '2026-11-29',
    deliveryDate,
    at,
    terminalId: 't',
    updatedAt: at,
    lines: lines.map(([productId, qty]) => ({ productId, qty })),
  };
}
const dispatch = (
  toSiteId: string,
  requestIds: string[],
  status: DispatchDoc['status'] = 'draft',
): Pick<DispatchDoc, 'toSiteId' | 'status' | 'requestIds'> => ({ toSiteId, status, requestIds });

describe('store requests in the kitchen inbox', () => {
  const a = request('YH-1', 'store-a', '2026-11-30', [
    ['beef', 2000],
    ['sauce', 1000],
  ]);
  const b = request('YH-2', 'store-b', '2026-11-30', [
    ['beef', 1000],
    ['rice', 500],
  ]);
  const c = request('YH-3', 'store-a', '2026-12-01', [['beef', 500]]);

  it('aggregates per delivery date and product with each store’s share', () => {
    const rows = aggregatePickingList([a, b, c]);
    expect(rows.map((row) => [row.deliveryDate, row.productId, row.total])).toEqual([
      ['2026-11-30', 'beef', 3000],
      ['2026-11-30', 'rice', 500],
      ['2026-11-30', 'sauce', 1000],
      ['2026-12-01', 'beef', 500],
    ]);
    expect(rows[0]?.byStore).toEqual({ 'store-a': 2000, 'store-b': 1000 });
    expect(rows[0]?.requestNumbers).toEqual(['YH-1', 'YH-2']);
  });

  it('lists only submitted requests to this kitchen that no dispatch answers yet', () => {
    const draft = request('YH-4', 'store-b', '2026-11-30', [['rice', 1]], 'draft');
    const elsewhere = { ...request('YH-5', 'store-b', '2026-11-30', [['rice', 1]]), toSiteId: 'kitchen-2' };
    const dispatches = [dispatch('store-a', [a.id]), dispatch('store-b', [b.id], 'cancelled')];
    expect(openRequests([c, a, b, draft, elsewhere], 'kitchen', dispatches).map((r) => r.number)).toEqual(['YH-2', 'YH-3']);
    // A dispatch to another store naming the request does not answer it.
    expect(openRequests([b], 'kitchen', [dispatch('store-a', [b.id])]).map((r) => r.number)).toEqual(['YH-2']);
    // The note is free text: a v0-style tag in it answers nothing.
    const tagged: Pick<DispatchDoc, 'toSiteId' | 'status' | 'note'> = { toSiteId: 'store-b', status: 'draft', note: '要货单 YH-2' };
    expect(openRequests([b], 'kitchen', [tagged]).map((r) => r.number)).toEqual(['YH-2']);
  });

  it('builds one draft dispatch per store, lines merged per product, naming its requests', () => {
    let n = 0;
    const drafts = draftDispatchesFromRequests([a, b, c], {
      kitchenId: 'kitchen',
      terminalId: 'tk',
      businessDate: '2026-11-30',
      at,
      identify: (storeId) => ({ id: `d-${storeId}`, number: `PS-${++n}` }),
    });
    expect(drafts).toHaveLength(2);
    const [first, second] = drafts;
    expect(first).toMatchObject({
      id: 'd-store-a',
      type: 'dispatch',
      siteId: 'kitchen',
      toSiteId: 'store-a',
      status: 'draft',
      number: 'PS-1',
      requestIds: [a.id, c.id],
    });
    expect(first?.note).toBeUndefined();
    expect(first?.lines).toEqual([
      { productId: 'beef', qty: 2500 },
      { productId: 'sauce', qty: 1000 },
    ]);
    expect(second?.lines).toEqual([
      { productId: 'beef', qty: 1000 },
      { productId: 'rice', qty: 500 },
    ]);
    expect(openRequests([a, b, c], 'kitchen', drafts)).toEqual([]);
  });
});

describe('batch label code', () => {
  it('is a GS1 string a scanner reads back to product, expiry and lot', () => {
    const code = batchLabelCode(['6921581000309'], 'P20261130ABCD001', '2026-12-03');
    expect(code).toBe('(01)06921581000309(17)261203(10)P20261130ABCD001');
    const scan = parseScan(code);
    expect(scan).toMatchObject({ kind: 'gs1', gtin14: '06921581000309', lot: 'P20261130ABCD001', expiryDate: '2026-12-03' });
  });

  it('falls back to the lot code without a barcode', () => {
    expect(batchLabelCode([], 'L1', undefined)).toBe('L1');
  });
});
