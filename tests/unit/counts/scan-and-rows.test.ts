import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, type CountSession } from '../../../shared/ops';
import type { BatchDoc, ProductDoc } from '../../../shared/schemas';
import { countProgress, countRows } from '../../../renderer/features/counts/count-rows';
import { createSessionSaver, loadSession } from '../../../renderer/features/counts/count-store';
import { buildScanCatalog, lookupScan, splitQuantityPrefix } from '../../../renderer/features/counts/scan-lookup';
import { scanEntry } from '../../../renderer/features/sales/scan-entry';

const AT = '2025-03-01T08:00:00.000Z';
const ean = (twelve: string) => `${twelve}${gs1CheckDigit(twelve)}`;
const product = (id: string, barcode: string, extra: Partial<ProductDoc> = {}): ProductDoc => ({
  id,
  sku: id.toUpperCase(),
  name: id,
  baseUnit: 'pcs',
  packs: [],
  barcodes: [barcode],
  category: 'c',
  perishable: false,
  nearExpiryDays: 2,
  storageClass: 'ambient',
  active: true,
  updatedAt: AT,
  ...extra,
});
const batch = (id: string, productId: string, lotCode: string, expiryDate?: string): BatchDoc => ({
  id,
  productId,
  siteId: 's',
  lotCode,
  receivedAt: AT,
  unitCost: 1,
  certificateHashes: [],
  qcStatus: 'released',
  sourceDocId: 'd',
  updatedAt: AT,
  ...(expiryDate ? { expiryDate } : {}),
});

describe('scan lookup', () => {
  const milk = product('milk', ean('690123400001'), { packs: [{ unit: 'case', qtyInBase: 12, barcode: ean('690123400009') }] });
  const catalog = buildScanCatalog(
    [milk, product('rice', ean('690123400002'))],
    [batch('b1', 'milk', 'A1', '2025-03-06'), batch('b2', 'milk', 'B2', '2025-03-09')],
  );

  it('finds a product by EAN and a pack by its barcode (12 base units)', () => {
    const byEan = lookupScan(milk.barcodes[0] as string, catalog);
    expect(byEan.status === 'resolved' && byEan.product.id).toBe('milk');
    const byPack = lookupScan(ean('690123400009'), catalog);
    expect(byPack.status === 'resolved' && byPack.quantity).toBe(12);
  });

  it('lands on the batch a GS1 lot names, with the (30) count', () => {
    const hit = lookupScan(`(01)0${milk.barcodes[0] as string}(10)B2(30)7`, catalog);
    expect(hit.status === 'resolved' && [hit.batch?.id, hit.quantity]).toEqual(['b2', 7]);
  });

  it('names unknown codes and unknown lots instead of missing silently', () => {
    expect(lookupScan(ean('690999999999'), catalog).status).toBe('unknown-product');
    expect(lookupScan('garbage!', catalog).status).toBe('unknown-code');
    expect(lookupScan(`(01)0${milk.barcodes[0] as string}(10)ZZ`, catalog).status).toBe('no-batch');
  });

  it('finds a product by SKU through the slow path', () => {
    const hit = lookupScan('RICE', catalog);
    expect(hit.status === 'resolved' && hit.product.id).toBe('rice');
  });

  it('reads a typed quantity before the code', () => {
    expect(splitQuantityPrefix('12*6901234')).toEqual({ multiplier: 12, code: '6901234' });
    expect(splitQuantityPrefix('2.5x ABC')).toEqual({ multiplier: 2.5, code: 'ABC' });
    expect(splitQuantityPrefix('(01)123')).toEqual({ multiplier: 1, code: '(01)123' });
  });
});

const session = (blind: boolean): CountSession => ({
  id: 'c1',
  number: 'PD-1',
  siteId: 's',
  terminalId: 't',
  businessDate: '2025-03-01',
  startedAt: AT,
  scope: { kind: 'full' },
  blind,
  expected: [
    { productId: 'p1', batchId: 'b1', lotCode: 'A', onHand: 5 },
    { productId: 'p2', batchId: 'b2', lotCode: 'B', onHand: 7 },
    { productId: 'p3', batchId: 'b3', lotCode: 'C', onHand: 1 },
  ],
  counted: [
    { productId: 'p2', batchId: 'b2', qty: 6, countedAt: '2025-03-01T09:00:00.000Z', scans: 6 },
    { productId: 'p9', batchId: 'b9', qty: 2, countedAt: '2025-03-01T09:05:00.000Z', scans: 2 },
  ],
});

describe("scan lookup with the site's scale label layouts", () => {
  const pork = product('pork', ean('690123400003'), { baseUnit: 'g', scale: { plu: '123', pricePerKg: 40 } });
  const products = [pork, product('rice', ean('690123400002'))];

  it('reads weight labels when the site says its scales print them, amount labels by default', () => {
    const label = ean('220012301250'); // 22 + PLU 00123 + 01250
    const weighing = buildScanCatalog(products, [], { scaleBarcodeLayouts: ['2FPPPPPWWWWWC'] });
    expect(lookupScan(label, weighing)).toMatchObject({ status: 'resolved', product: { id: 'pork' }, quantity: 1250 });
    // The default layout reads the same digits as ¥12.50, at ¥40/kg 312.5 g.
    expect(lookupScan(label, buildScanCatalog(products, []))).toMatchObject({ product: { id: 'pork' }, quantity: 312.5 });
  });

  it("sale and waste: a weighed product's plain EAN gives no quantity to add (the weight is typed)", () => {
    const entry = scanEntry(`3*${pork.barcodes[0] as string}`, buildScanCatalog(products, []));
    expect(entry).toMatchObject({ ok: true, product: { id: 'pork' } });
    expect(entry.ok && entry.qty).toBeUndefined();
    expect(scanEntry(ean('690123400002'), buildScanCatalog(products, []))).toMatchObject({ ok: true, qty: 1 });
  });
});

describe('count rows', () => {
  it('puts the latest scan on top, then uncounted lines in order; blind rows carry no expected figure', () => {
    const rows = countRows(session(true), () => ({ lotCode: 'X' }));
    expect(rows.map((r) => r.batchId)).toEqual(['b9', 'b2', 'b1', 'b3']);
    expect(rows.every((r) => r.expected === undefined)).toBe(true);
    const open = countRows(session(false), () => ({ lotCode: 'X' }));
    expect(open.map((r) => r.expected)).toEqual([0, 7, 5, 1]);
  });

  it('counts progress against expected batches and extra finds', () => {
    expect(countProgress(session(true))).toEqual({ counted: 1, expected: 3, extra: 1 });
  });
});

describe('session store', () => {
  it('coalesces saves, flushes on demand and removes a closed session at once', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
    const saver = createSessionSaver(storage, 's', 10_000);
    saver.save(session(true));
    expect(loadSession(storage, 's')).toBeNull();
    saver.flush();
    expect(loadSession(storage, 's')?.counted).toHaveLength(2);
    expect(loadSession(storage, 'other')).toBeNull();
    saver.save(null);
    expect(loadSession(storage, 's')).toBeNull();
  });
});
