import { describe, expect, it } from 'vitest';
import { Ledger, postDocument } from '../../../shared/domain';
import type { ExpiryBoardLine } from '../../../shared/ops';
import type { BatchDoc } from '../../../shared/schemas';
import { expiredWasteDocument, markdownEvent, markdownsByBatch } from '../../../shared/ops/expiry-actions';
import { areaKeyOf, parseCelsius, rangeText, storageArea } from '../../../renderer/features/food-safety/storage-areas';
import { lotCodesOf, resolveTraceInput } from '../../../renderer/features/trace/trace-lookup';
import { batch, KITCHEN, perishable } from '../domain/fixtures';

const line = (overrides: Partial<ExpiryBoardLine> = {}): ExpiryBoardLine => ({
  batchId: 'b-old',
  productId: 'milk',
  productName: '牛奶',
  lotCode: 'LOT-OLD',
  expiryDate: '2025-02-27',
  daysLeft: -2,
  status: 'expired',
  qty: 4,
  unitCost: 1,
  valueAtRisk: 4,
  ...overrides,
});
const stamp = { id: 'w1', siteId: KITCHEN, terminalId: 'term-1', businessDate: '2025-03-01', at: '2025-03-01T08:00:00.000Z' };

describe('near-expiry board actions', () => {
  it('wastes the whole remaining quantity of expired batches, and the ledger accepts it', () => {
    const ledger = new Ledger({ products: [perishable('milk')], batches: [batch('b-old', 'milk', { expiryDate: '2025-02-27' })] });
    ledger.apply({
      id: 'm1',
      siteId: KITCHEN,
      productId: 'milk',
      batchId: 'b-old',
      qty: 4,
      kind: 'receipt',
      unitCost: 1,
      docType: 'goods-receipt',
      docId: 'gr',
      at: '2025-02-20T08:00:00.000Z',
      terminalId: 't',
      updatedAt: '2025-02-20T08:00:00.000Z',
    } as never);
    const waste = expiredWasteDocument([line()], { ...stamp, number: 'BS-1' });
    expect(waste.wasteReason).toBe('expired');
    const outcome = postDocument(waste, ledger);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.result.movements.map((m) => [m.kind, m.qty])).toEqual([['waste', -4]]);
  });

  it('keeps the latest markdown per batch', () => {
    const first = markdownEvent(line({ batchId: 'b1', status: 'near-expiry' }), { ...stamp, id: 'e1' }, 30, '');
    const later = markdownEvent(
      line({ batchId: 'b1', status: 'near-expiry' }),
      { ...stamp, id: 'e2', at: '2025-03-01T12:00:00.000Z' },
      50,
      '晚市半价',
    );
    expect(later.kind).toBe('near-expiry');
    expect(markdownsByBatch([later, first]).get('b1')).toBe(50);
  });
});

describe('storage areas and readings', () => {
  it('reads what officers type, refuses nonsense', () => {
    expect(parseCelsius(' 3,5 ')).toBe(3.5);
    expect(parseCelsius('−18')).toBe(-18);
    expect(parseCelsius('4 °C')).toBe(4);
    expect(parseCelsius('abc')).toBeNull();
    expect(parseCelsius('400')).toBeNull();
  });

  it('names areas per site and prints ranges', () => {
    const fridge = storageArea('kitchen', 'fridge', '冷藏库');
    expect(fridge).toEqual({ id: 'kitchen/fridge', siteId: 'kitchen', name: '冷藏库', areaClass: 'chilled' });
    expect(areaKeyOf(fridge.id)).toBe('fridge');
    expect(rangeText({ minC: 0, maxC: 4 })).toBe('0 – 4 °C');
    expect(rangeText({ maxC: -18 })).toBe('≤ -18 °C');
    expect(rangeText({})).toBeNull();
  });
});

describe('trace input', () => {
  const batches: BatchDoc[] = [
    batch('b1', 'pork', { lotCode: 'XD2611', supplierId: 'sup-a', receivedAt: '2025-03-01T08:00:00.000Z' }),
    batch('b2', 'pork', { lotCode: 'XD2611', supplierId: 'sup-a', siteId: 'store', receivedAt: '2025-03-02T08:00:00.000Z' }),
    batch('b3', 'flour', { lotCode: 'SAME', supplierId: 'sup-a' }),
    batch('b4', 'salt', { lotCode: 'SAME', supplierId: 'sup-b' }),
  ];

  it('resolves a lot code carried by one supplier as that supplier lot', () => {
    expect(resolveTraceInput('xd2611', batches)).toEqual({ kind: 'supplier-lot', supplierId: 'sup-a', lotCode: 'XD2611' });
  });
  it('resolves a batch id, a shared lot code, a GS1 lot, and nothing', () => {
    expect(resolveTraceInput('b3', batches)).toEqual({ kind: 'batches', batchIds: ['b3'] });
    expect(resolveTraceInput('SAME', batches)).toEqual({ kind: 'batches', batchIds: ['b3', 'b4'] });
    expect(resolveTraceInput('(01)06901234567892(10)XD2611', batches)).toEqual({
      kind: 'supplier-lot',
      supplierId: 'sup-a',
      lotCode: 'XD2611',
    });
    expect(resolveTraceInput('nope', batches)).toBeNull();
  });
  it('suggests a supplier’s lot codes once each', () => {
    expect(lotCodesOf('sup-a', batches)).toEqual(['XD2611', 'SAME']);
  });
});
