import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../shared/domain';
import type { ForecastPoint } from '../../../shared/forecast';
import { overrideRecords } from '../../../shared/forecast/overrides';
import type { DocumentDoc, EventDoc, ProductDoc } from '../../../shared/schemas';
import { kitchenPlan, openRequestsTo } from '../../../renderer/features/forecast/kitchen-plan';
import { buildSuggestions, onOrderForStore, orderPackOf } from '../../../renderer/features/forecast/replenishment-plan';
import { run, stampFor } from '../commands/harness';

const at = '2026-11-30T01:00:00.000Z';
const header = { number: 'N', businessDate: '2026-11-30', at, terminalId: 't', updatedAt: at };
const doc = (fields: Record<string, unknown>): DocumentDoc => ({ ...header, ...fields }) as unknown as DocumentDoc;
const product = (id: string, fields: Partial<ProductDoc> = {}): ProductDoc => ({
  id,
  sku: id,
  name: id,
  baseUnit: '个',
  packs: [{ unit: '箱', qtyInBase: 10, barcode: '1' }],
  barcodes: [],
  category: 'x',
  perishable: false,
  nearExpiryDays: 0,
  storageClass: 'ambient',
  active: true,
  updatedAt: at,
  ...fields,
});
const flat = (qty: number, days: number): ForecastPoint[] =>
  Array.from({ length: days }, (_, i) => ({
    date: `2026-12-${String(i + 1).padStart(2, '0')}`,
    forecast: qty,
    lo: qty * 0.5,
    hi: qty * 1.5,
    coverage: 0.8,
    level: qty,
    weekdayFactor: 1,
    holidayFactor: 1,
    promoFactor: 1,
    regressorFactor: 1,
  }));

describe('on order for a store', () => {
  it('counts open requests and shipped dispatches not yet received, nothing else', () => {
    const documents = [
      doc({
        id: 'r1',
        type: 'store-request',
        siteId: 'store',
        toSiteId: 'kitchen',
        status: 'submitted',
        lines: [{ productId: 'a', qty: 5 }],
      }),
      doc({
        id: 'r2',
        type: 'store-request',
        siteId: 'store',
        toSiteId: 'kitchen',
        status: 'cancelled',
        lines: [{ productId: 'a', qty: 50 }],
      }),
      doc({
        id: 'r3',
        type: 'store-request',
        siteId: 'other',
        toSiteId: 'kitchen',
        status: 'submitted',
        lines: [{ productId: 'a', qty: 70 }],
      }),
      doc({
        id: 'd1',
        type: 'dispatch',
        siteId: 'kitchen',
        toSiteId: 'store',
        status: 'shipped',
        lines: [
          { productId: 'a', qty: 3 },
          { productId: 'b', qty: 4 },
        ],
      }),
      doc({ id: 'd2', type: 'dispatch', siteId: 'kitchen', toSiteId: 'store', status: 'shipped', lines: [{ productId: 'a', qty: 100 }] }),
      doc({ id: 'rc', type: 'store-receipt', siteId: 'store', toSiteId: 'kitchen', dispatchId: 'd2', status: 'posted', lines: [] }),
      doc({ id: 'd3', type: 'dispatch', siteId: 'kitchen', toSiteId: 'store', status: 'picked', lines: [{ productId: 'a', qty: 1000 }] }),
    ];
    expect(Object.fromEntries(onOrderForStore('store', documents))).toEqual({ a: 8, b: 4 });
  });
});

describe('suggestions', () => {
  it('orders in the smallest scannable pack and explains the arithmetic', () => {
    expect(
      orderPackOf(
        product('g', {
          baseUnit: 'g',
          packs: [
            { unit: 'kg', qtyInBase: 1000 },
            { unit: '袋', qtyInBase: 500, barcode: '2' },
            { unit: '箱', qtyInBase: 10000, barcode: '3' },
          ],
        }),
      ),
    ).toEqual({ unit: '袋', size: 500 });
    const products = new Map([['a', product('a')]]);
    const [suggestion] = buildSuggestions([{ productId: 'a', points: flat(10, 14) }], products, () => 7, new Map([['a', 3]]), {
      leadTimeDays: 1,
      reviewPeriodDays: 2,
      serviceLevel: 0.5,
    });
    // 3 days × 10 + safety 0 − 7 − 3 = 20 → 2 boxes of 10.
    expect(suggestion?.order.explanation.demandOverCover).toBe(30);
    expect(suggestion?.order.explanation.netRequirement).toBe(20);
    expect(suggestion?.order.packs).toBe(2);
    expect(suggestion?.order.quantity).toBe(20);
  });

  it('caps a perishable by what sells within its shelf life', () => {
    const products = new Map([['a', product('a', { perishable: true, shelfLifeDays: 1 })]]);
    const [suggestion] = buildSuggestions([{ productId: 'a', points: flat(10, 14) }], products, () => 0, new Map(), {
      leadTimeDays: 1,
      reviewPeriodDays: 3,
      serviceLevel: 0.5,
    });
    expect(suggestion?.order.explanation.capApplied).toBe(true);
    expect(suggestion?.order.quantity).toBe(10);
  });
});

describe('confirmation (request.submit with the forecast’s suggestions)', () => {
  const lines = [
    { productId: 'a', suggestedQty: 20, qty: 20 },
    { productId: 'b', suggestedQty: 10, qty: 30 },
    { productId: 'c', suggestedQty: 10, qty: 0 },
  ];
  const world = () => ({
    ledger: new Ledger({ products: ['a', 'b', 'c'].map((id) => product(id)) }),
    stamp: stampFor({ siteId: 'store', siteKind: 'store', terminalId: 't', at, businessDate: '2026-11-30' }),
  });

  it('submits a store request to the kitchen with the non-zero lines', () => {
    const outcome = run('request.submit', { kitchenId: 'kitchen', note: 'note', lines }, world());
    const request = outcome.writes?.documents?.[0];
    expect(request).toMatchObject({ type: 'store-request', siteId: 'store', toSiteId: 'kitchen', status: 'submitted', number: 'YH-1' });
    expect(request?.lines).toEqual([
      { productId: 'a', qty: 20 },
      { productId: 'b', qty: 30 },
    ]);
    expect(openRequestsTo('kitchen', request ? [request] : []).map((document) => document.id)).toEqual([request?.id]);
  });

  it('records one override event per changed line, readable back as history', () => {
    const outcome = run('request.submit', { kitchenId: 'kitchen', lines }, world());
    const events = outcome.writes?.events ?? [];
    expect(outcome.result.overrides).toBe(2);
    expect(events.map((event) => [event.productId, event.kind, event.data])).toEqual([
      ['b', 'audit', { type: 'forecast-override', suggestedQty: 10, confirmedQty: 30, docNumber: 'YH-1' }],
      ['c', 'audit', { type: 'forecast-override', suggestedQty: 10, confirmedQty: 0, docNumber: 'YH-1' }],
    ]);
    const unrelated = { ...events[0]!, id: 'x', data: { type: 'approval' } } as EventDoc;
    expect(overrideRecords([...events, unrelated]).map((row) => [row.productId, row.suggestedQty, row.confirmedQty])).toEqual([
      ['b', 10, 30],
      ['c', 10, 0],
    ]);
  });
});

describe('kitchen plan', () => {
  it('produces for the stores’ requests and buys the missing raw material in cases', () => {
    const products = new Map([
      ['dish', product('dish', { recipe: { outputQty: 10, lines: [{ productId: 'raw', qty: 2 }] } })],
      ['raw', product('raw', { packs: [{ unit: '箱', qtyInBase: 6, barcode: '1' }] })],
    ]);
    const requests = [
      doc({
        id: 'r',
        type: 'store-request',
        siteId: 'store',
        toSiteId: 'kitchen',
        status: 'submitted',
        lines: [{ productId: 'dish', qty: 25 }],
      }),
    ];
    const plan = kitchenPlan({
      requests,
      forecasts: new Map([['dish', flat(5, 7)]]),
      planDays: 2,
      products,
      onHand: (id) => (id === 'raw' ? 1 : 0),
      onOrder: {},
    });
    expect(plan.production).toEqual([{ productId: 'dish', demand: 25, onHand: 0, batches: 3, plannedQty: 30 }]);
    expect(plan.purchases).toEqual([{ productId: 'raw', qty: 6, packs: 1, packSize: 6 }]);
    const created = run(
      'po.create',
      { partnerId: 'sup', note: 'n', lines: [{ productId: 'raw', qty: 6, unitCost: 2, suggestedQty: 6 }] },
      { stamp: stampFor({ siteId: 'kitchen', at }) },
    );
    expect(created.writes?.events).toEqual([]); // the suggestion was taken as it was
    expect(created.writes?.documents?.[0]).toMatchObject({
      number: 'CG-1',
      type: 'purchase-order',
      status: 'draft',
      partnerId: 'sup',
      lines: [{ productId: 'raw', qty: 6, unitCost: 2 }],
    });
  });
});
