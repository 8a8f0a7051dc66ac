import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ledger, postStockCount } from '../../../shared/domain';
import {
  countDocument,
  expectedForDisplay,
  recordCount,
  startCountSession,
  uncountedLines,
  varianceCsv,
  varianceReview,
  type CountSession,
  type StartCountParams,
} from '../../../shared/ops/count-session';
import { gs1CheckDigit, parseScan, resolveScan } from '../../../shared/ops/scan';
import { batch, movement, product, STORE } from './fixtures';

const rice = product('rice', { sku: 'RICE', name: '大米', category: 'dry', baseUnit: 'kg' });
const milk = product('milk', { sku: 'MILK', name: '牛奶, 全脂', category: 'dairy', storageClass: 'chilled' });
const beef = product('beef', { sku: 'BEEF', name: '牛肉', category: 'meat', storageClass: 'frozen' });
const products = [rice, milk, beef];

function ledger(): Ledger {
  const batches = [
    batch('rice-1', 'rice', { lotCode: 'R1', unitCost: 5 }),
    batch('milk-1', 'milk', { lotCode: 'M1', unitCost: 8 }),
    batch('milk-2', 'milk', { lotCode: 'M2', unitCost: 8.5 }),
    batch('beef-1', 'beef', { lotCode: 'B1', unitCost: 60 }),
  ];
  return Ledger.fromMovements({ products, batches }, [
    movement({
      siteId: STORE,
      productId: 'rice',
      batchId: 'rice-1',
      qty: 100,
      kind: 'receipt',
      unitCost: 5,
      at: '2025-03-01T01:00:00.000Z',
    }),
    movement({
      siteId: STORE,
      productId: 'milk',
      batchId: 'milk-1',
      qty: 20,
      kind: 'receipt',
      unitCost: 8,
      at: '2025-03-01T01:00:00.000Z',
    }),
    movement({
      siteId: STORE,
      productId: 'milk',
      batchId: 'milk-2',
      qty: 10,
      kind: 'receipt',
      unitCost: 8.5,
      at: '2025-03-01T01:00:00.000Z',
    }),
    movement({
      siteId: STORE,
      productId: 'beef',
      batchId: 'beef-1',
      qty: 4,
      kind: 'receipt',
      unitCost: 60,
      at: '2025-03-01T01:00:00.000Z',
    }),
    // A sale rung up while the count runs, after milk-1 was counted at 10:00.
    movement({ siteId: STORE, productId: 'milk', batchId: 'milk-1', qty: -2, kind: 'sale', unitCost: 8, at: '2025-03-01T10:30:00.000Z' }),
  ]);
}

const params: StartCountParams = {
  id: 'count-1',
  number: 'PD-001',
  siteId: STORE,
  terminalId: 'term-1',
  businessDate: '2025-03-01',
  startedAt: '2025-03-01T09:00:00.000Z',
  scope: { kind: 'full' },
  blind: false,
};

function record(session: CountSession, batchId: string, qty: number, countedAt: string, mode: 'add' | 'set' = 'add'): CountSession {
  const outcome = recordCount(session, { batchId, qty, countedAt }, mode, ledger());
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.session;
}

describe('count session', () => {
  it('expects the in-scope batches with stock; cycle scope filters by category or storage class', () => {
    const view = ledger();
    expect(startCountSession(params, view, products).expected.map((line) => [line.batchId, line.onHand])).toEqual([
      ['beef-1', 4],
      ['milk-1', 18],
      ['milk-2', 10],
      ['rice-1', 100],
    ]);
    const chilled = startCountSession({ ...params, scope: { kind: 'cycle', storageClasses: ['chilled'] } }, view, products);
    expect(chilled.expected.map((line) => line.batchId)).toEqual(['milk-1', 'milk-2']);
    const dry = startCountSession({ ...params, scope: { kind: 'cycle', categories: ['dry', 'meat'] } }, view, products);
    expect(dry.expected.map((line) => line.batchId)).toEqual(['beef-1', 'rice-1']);
  });

  it('a blind count hides expected quantities', () => {
    const blind = startCountSession({ ...params, blind: true }, ledger(), products);
    expect(expectedForDisplay(blind)[0]).toEqual({ productId: 'beef', batchId: 'beef-1', lotCode: 'B1' });
  });

  it('re-scanning adds in add mode and replaces in set mode; the later moment is kept', () => {
    let session = startCountSession(params, ledger(), products);
    session = record(session, 'milk-1', 6, '2025-03-01T09:50:00.000Z');
    session = record(session, 'milk-1', 4, '2025-03-01T10:00:00.000Z');
    expect(session.counted).toEqual([{ productId: 'milk', batchId: 'milk-1', qty: 10, countedAt: '2025-03-01T10:00:00.000Z', scans: 2 }]);
    session = record(session, 'milk-1', 9, '2025-03-01T09:55:00.000Z', 'set');
    expect(session.counted[0]).toMatchObject({ qty: 9, countedAt: '2025-03-01T10:00:00.000Z', scans: 3 });
  });

  it('refuses negative quantities, unknown batches and out-of-scope products', () => {
    const cycle = startCountSession({ ...params, scope: { kind: 'cycle', categories: ['dairy'] } }, ledger(), products);
    expect(recordCount(cycle, { batchId: 'milk-1', qty: -1, countedAt: params.startedAt }, 'add', ledger())).toEqual({
      ok: false,
      code: 'negative-qty',
      reason: 'quantity must be zero or more, got -1',
    });
    expect(recordCount(cycle, { batchId: 'nope', qty: 1, countedAt: params.startedAt }, 'add', ledger())).toEqual({
      ok: false,
      code: 'unknown-batch',
      reason: 'unknown batch nope',
    });
    expect(recordCount(cycle, { batchId: 'rice-1', qty: 1, countedAt: params.startedAt }, 'add', ledger())).toEqual({
      ok: false,
      code: 'out-of-scope',
      reason: "product RICE 大米 is outside this count's scope",
      productId: expect.any(String),
    });
  });

  it('a full count posts zero lines for uncounted batches; a cycle count does not', () => {
    let session = startCountSession(params, ledger(), products);
    session = record(session, 'milk-1', 10, '2025-03-01T10:00:00.000Z');
    session = record(session, 'rice-1', 98, '2025-03-01T10:05:00.000Z');
    const closedAt = '2025-03-01T11:00:00.000Z';
    const doc = countDocument(session, closedAt);
    expect(doc.lines).toEqual([
      { productId: 'milk', batchId: 'milk-1', qty: 10, countedAt: '2025-03-01T10:00:00.000Z' },
      { productId: 'rice', batchId: 'rice-1', qty: 98, countedAt: '2025-03-01T10:05:00.000Z' },
      { productId: 'beef', batchId: 'beef-1', qty: 0, countedAt: closedAt, note: 'not found in count' },
      { productId: 'milk', batchId: 'milk-2', qty: 0, countedAt: closedAt, note: 'not found in count' },
    ]);
    expect(doc).toMatchObject({ id: 'count-1', type: 'stock-count', countScope: 'full', blind: false });
    const cycle = { ...session, scope: { kind: 'cycle' as const, categories: ['dairy', 'dry'] } };
    expect(countDocument(cycle, closedAt).lines).toHaveLength(2);
    expect(uncountedLines(session).map((line) => line.batchId)).toEqual(['beef-1', 'milk-2']);

    // The posting adjusts milk-1 by 10 − 20 (on-hand at 10:00, before the sale), so on-hand ends at 8.
    const view = ledger();
    const posted = postStockCount(doc, view);
    expect(posted.ok).toBe(true);
    if (posted.ok) view.commit(posted.result);
    expect([
      view.onHand(STORE, 'milk-1'),
      view.onHand(STORE, 'milk-2'),
      view.onHand(STORE, 'beef-1'),
      view.onHand(STORE, 'rice-1'),
    ]).toEqual([8, 0, 0, 98]);
  });

  it('variance review: value by batch cost, largest absolute value first, totals; CSV for Excel', () => {
    let session = startCountSession(params, ledger(), products);
    session = record(session, 'milk-1', 10, '2025-03-01T10:00:00.000Z'); // −10 × 8 = −80
    session = record(session, 'rice-1', 101, '2025-03-01T10:05:00.000Z'); // +1 × 5 = +5
    session = record(session, 'milk-2', 10, '2025-03-01T10:06:00.000Z'); // 0
    session = record(session, 'beef-1', 2.5, '2025-03-01T10:07:00.000Z'); // −1.5 × 60 = −90
    const review = varianceReview(countDocument(session, '2025-03-01T11:00:00.000Z'), ledger());
    expect(review.lines.map((line) => [line.batchId, line.expected, line.counted, line.varianceQty, line.varianceValue])).toEqual([
      ['beef-1', 4, 2.5, -1.5, -90],
      ['milk-1', 20, 10, -10, -80],
      ['rice-1', 100, 101, 1, 5],
      ['milk-2', 10, 10, 0, 0],
    ]);
    expect(review.totals).toEqual({ lines: 4, linesDiffering: 3, gainValue: 5, lossValue: -170, netValue: -165 });
    const csv = varianceCsv(review);
    expect(csv.startsWith('\uFEFFSKU 商品编码,')).toBe(true);
    expect(csv).toContain('\r\nMILK,"牛奶, 全脂",M1,2025-03-01T10:00:00.000Z,20,10,-10,8,-80.00\r\n');
    expect(csv.endsWith(',Total 合计,,,,,,,-165.00\r\n')).toBe(true);
  });

  it('property: in add mode the line equals the sum of its scans, in set mode the last scan', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 8 }), (scans) => {
        let added = startCountSession(params, ledger(), products);
        let set = added;
        scans.forEach((qty, i) => {
          const at = `2025-03-01T10:0${i}:00.000Z`;
          added = record(added, 'rice-1', qty, at, 'add');
          set = record(set, 'rice-1', qty, at, 'set');
        });
        return added.counted[0]?.qty === scans.reduce((a, b) => a + b, 0) && set.counted[0]?.qty === scans[scans.length - 1];
      }),
      { numRuns: 50 },
    );
  });
});

describe('count session: a weighed product scanned adds its weight, never 1 g', () => {
  const pork = product('pork', {
    sku: 'PORK',
    name: '猪肉',
    baseUnit: 'g',
    barcodes: ['6901234567892'],
    scale: { plu: '12', pricePerKg: 30 },
  });
  const porkBatch = batch('pork-1', 'pork', { lotCode: 'P1', unitCost: 0.03 });
  const view = Ledger.fromMovements({ products: [pork], batches: [porkBatch] }, [
    movement({
      siteId: STORE,
      productId: 'pork',
      batchId: 'pork-1',
      qty: 5000,
      kind: 'receipt',
      unitCost: 0.03,
      at: '2025-03-01T01:00:00.000Z',
    }),
  ]);
  const scanned = (code: string) => {
    const resolution = resolveScan(parseScan(code), [pork], [porkBatch]);
    if (resolution.status !== 'resolved') throw new Error(`not resolved: ${resolution.status}`);
    return resolution;
  };
  const add = (session: CountSession, qty: number, at: string) => {
    const outcome = recordCount(session, { batchId: 'pork-1', qty, countedAt: at }, 'add', view);
    if (!outcome.ok) throw new Error(outcome.reason);
    return outcome.session;
  };

  it('scale labels (weight, or amount ÷ price per kg) and a GS1 (3202) pound label add their weight in g', () => {
    let session = startCountSession(params, view, [pork]);
    // 18-digit label: PLU 12, ¥37.50, 1.250 kg.
    const label18 = '26000120375001250';
    session = add(session, scanned(label18 + String(gs1CheckDigit(label18))).quantity, '2025-03-01T09:10:00.000Z');
    // 13-digit amount label: ¥18.75 at ¥30/kg = 625 g.
    const label13 = '210001201875';
    session = add(session, scanned(label13 + String(gs1CheckDigit(label13))).quantity, '2025-03-01T09:11:00.000Z');
    expect(session.counted).toEqual([expect.objectContaining({ batchId: 'pork-1', qty: 1875, scans: 2 })]);
    // (3202) 002.00 lb = 907.18474 g.
    session = add(session, scanned('(01)06901234567892(3202)000200').quantity, '2025-03-01T09:12:00.000Z');
    expect(session.counted[0]?.qty).toBe(2782.18474);
  });

  it('the plain EAN of a weighed product carries no weight: flagged, quantity 0, not 1 g', () => {
    const plain = scanned('6901234567892');
    expect(plain.quantity).not.toBe(1);
    expect(plain).toMatchObject({ quantity: 0, needsWeight: true });
  });
});
