// Hand-computed KPI fixture: every expected figure below is worked out in the comments.
import { describe, expect, it } from 'vitest';
import type { DocumentDoc, EventDoc, MovementDoc } from '../../../shared/schemas';
import {
  dailyClosingValues,
  fifoOverridesKpi,
  grossMarginKpi,
  inventoryValueKpi,
  kpiDashboard,
  lossRateKpi,
  nearExpiryKpi,
  priceDeviationsKpi,
  stockoutKpi,
  turnoverKpi,
  kpiStockFromLog,
  type KpiInput,
} from '../../../shared/finance/kpi';
import { recomputePositions } from '../../../shared/domain';
import { KITCHEN, STORE, batch, doc, movement, perishable, product } from './fixtures';

const products = [perishable('a', 7, { category: 'veg', nearExpiryDays: 2 }), product('b', { category: 'meat' })];
const batches = [
  batch('ba0', 'a', { unitCost: 1, expiryDate: '2025-03-02' }),
  batch('ba1', 'a', { unitCost: 2, expiryDate: '2025-03-06' }),
  batch('bb0', 'b', { unitCost: 10 }),
  batch('bb1', 'b', { unitCost: 10 }),
];
const mv = (siteId: string, kind: MovementDoc['kind'], batchId: string, qty: number, unitCost: number, date: string): MovementDoc =>
  movement({ siteId, kind, batchId, productId: batchId.startsWith('ba') ? 'a' : 'b', qty, unitCost }, date);

const movements: MovementDoc[] = [
  // Before the range: b sold on Tue 02-25, the same weekday as 03-04 → demand for b on 03-04.
  mv(KITCHEN, 'receipt', 'bb0', 1, 10, '2025-02-20'),
  mv(KITCHEN, 'sale', 'bb0', -1, 10, '2025-02-25'),
  // Kitchen. Closing values: 03-01 2+20+50 = 72; 03-02 72−8 = 64; 03-03 64−2−50 = 12; 03-04 12−4 = 8.
  mv(KITCHEN, 'receipt', 'ba0', 2, 1, '2025-03-01'),
  mv(KITCHEN, 'receipt', 'ba1', 10, 2, '2025-03-01'),
  mv(KITCHEN, 'receipt', 'bb1', 5, 10, '2025-03-01'),
  mv(KITCHEN, 'sale', 'ba1', -4, 2, '2025-03-02'),
  mv(KITCHEN, 'waste', 'ba1', -1, 2, '2025-03-03'),
  mv(KITCHEN, 'sale', 'bb1', -5, 10, '2025-03-03'),
  mv(KITCHEN, 'production-consume', 'ba1', -2, 2, '2025-03-04'),
  // Store. Closing values: 03-01 6; 03-02 4; 03-03 4; 03-04 4.
  mv(STORE, 'dispatch-in', 'ba1', 3, 2, '2025-03-01'),
  mv(STORE, 'sale', 'ba1', -1, 2, '2025-03-02'),
  // After the range: ignored everywhere.
  mv(KITCHEN, 'waste', 'ba1', -1, 2, '2025-03-05'),
];

const posted = (fields: Partial<DocumentDoc> & Pick<DocumentDoc, 'siteId' | 'businessDate' | 'lines'>): DocumentDoc =>
  doc<DocumentDoc>({ type: 'sale', status: 'posted', ...fields } as DocumentDoc);
const receipt = {
  ...posted({ siteId: KITCHEN, businessDate: '2025-03-01', lines: [{ productId: 'a', qty: 10, unitCost: 2.4 }] }),
  type: 'goods-receipt',
  partnerId: 'sup',
} as DocumentDoc;
const documents: DocumentDoc[] = [
  posted({ siteId: KITCHEN, businessDate: '2025-03-02', lines: [{ productId: 'a', qty: 4, unitPrice: 5 }] }),
  posted({ siteId: KITCHEN, businessDate: '2025-03-03', lines: [{ productId: 'b', qty: 5, unitPrice: 15 }] }),
  posted({ siteId: STORE, businessDate: '2025-03-02', lines: [{ productId: 'a', qty: 1, unitPrice: 6 }] }),
  // A draft sale is not revenue.
  { ...posted({ siteId: KITCHEN, businessDate: '2025-03-02', lines: [{ productId: 'a', qty: 100, unitPrice: 5 }] }), status: 'draft' },
  receipt,
];

const event = (
  id: string,
  siteId: string,
  kind: EventDoc['kind'],
  date: string,
  data: Record<string, unknown>,
  extra: Partial<EventDoc> = {},
): EventDoc => ({
  id,
  siteId,
  kind,
  severity: 'warning',
  at: `${date}T09:00:00.000Z`,
  message: kind,
  data,
  updatedAt: `${date}T09:00:00.000Z`,
  ...extra,
});
const events: EventDoc[] = [
  event('e1', KITCHEN, 'fifo-override', '2025-03-02', { userId: 'u1' }),
  event('e2', KITCHEN, 'fifo-override', '2025-03-03', {}, { terminalId: 't2' }),
  event('e3', STORE, 'fifo-override', '2025-03-04', { userId: 'u1' }),
  event('e4', STORE, 'fifo-override', '2025-03-09', { userId: 'u1' }),
  // 10 units at 2.4 against a last price of 2 → excess 4; the other says 1.5 itself.
  event('e5', KITCHEN, 'price-deviation', '2025-03-01', { unitCost: 2.4, lastCost: 2, lineNo: 0, deviationPct: 20 }, { docId: receipt.id }),
  event('e6', KITCHEN, 'price-deviation', '2025-03-04', { excessAmount: 1.5 }),
];

// The range's stock as a terminal reading by index gets it: the opening at 03-01 and the movements since.
const stock = kpiStockFromLog(recomputePositions(movements).values(), movements, '2025-03-01');
const base: KpiInput = { ...stock, documents, batches, products, events, from: '2025-03-01', to: '2025-03-04' };
const kitchen: KpiInput = { ...base, siteIds: [KITCHEN] };

describe('KPIs, kitchen only', () => {
  it('inventory value at the end of the range, by category', () => {
    // ba0 2×1 + ba1 3×2 = 8, all veg; meat sold out.
    expect(inventoryValueKpi(kitchen)).toMatchObject({ total: 8, bySite: { [KITCHEN]: 8 }, byCategory: { veg: 8 } });
  });

  it('daily closing values, turnover and days of stock', () => {
    expect(dailyClosingValues(kitchen).map((day) => day.value)).toEqual([72, 64, 12, 8]);
    const turnover = turnoverKpi(kitchen);
    // COGS = 8 + 50; average = (72+64+12+8)/4 = 39; daily COGS = 58/4 = 14.5.
    expect(turnover.cogs).toBe(58);
    expect(turnover.averageInventory).toBe(39);
    expect(turnover.turnover).toBeCloseTo(58 / 39, 10);
    expect(turnover.daysOfStock).toBeCloseTo(39 / 14.5, 10);
  });

  it('loss rate = waste ÷ (sales + production consumption) at cost', () => {
    // waste 2 (03-05 is out of range); consumption 8 + 50 + 4 = 62.
    expect(lossRateKpi(kitchen)).toEqual({ wasteValue: 2, consumptionValue: 62, lossRate: 2 / 62 });
  });

  it('stockout rate over item-days with demand', () => {
    // Demand: a 03-02 (closes 6), b 03-03 (closes 0), b 03-04 (02-25 sale; closes 0) → 2 of 3.
    expect(stockoutKpi(kitchen)).toEqual({ itemDaysWithDemand: 3, itemDaysAtZero: 2, stockoutRate: 2 / 3 });
  });

  it('gross margin by product, category and site', () => {
    const margin = grossMarginKpi(kitchen);
    // Revenue 20 + 75 = 95 (the draft is ignored); COGS 8 + 50 = 58.
    expect(margin.total).toEqual({ key: 'total', revenue: 95, cogs: 58, grossProfit: 37, margin: 37 / 95 });
    expect(margin.byProduct).toEqual([
      { key: 'a', revenue: 20, cogs: 8, grossProfit: 12, margin: 0.6 },
      { key: 'b', revenue: 75, cogs: 50, grossProfit: 25, margin: 25 / 75 },
    ]);
    expect(margin.byCategory.map((row) => row.key)).toEqual(['meat', 'veg']);
  });

  it('near-expiry and expired value at the end of the range', () => {
    // ba1 expires 03-06: 2 days ≤ window 2 → near-expiry, 3 × 2 = 6. ba0 expired 03-02: 2 × 1 = 2.
    const expiry = nearExpiryKpi(kitchen);
    expect(expiry.nearExpiryValue).toBe(6);
    expect(expiry.expiredValue).toBe(2);
    expect(expiry.batches.map((row) => [row.batchId, row.status])).toEqual([
      ['ba0', 'expired'],
      ['ba1', 'near-expiry'],
    ]);
  });

  it('FIFO overrides by user (terminal when no user) and price deviations with their excess', () => {
    expect(fifoOverridesKpi(kitchen)).toEqual({ count: 2, bySite: { [KITCHEN]: 2 }, byUser: { u1: 1, t2: 1 } });
    expect(priceDeviationsKpi(kitchen)).toEqual({ count: 2, totalExcess: 5.5, bySite: { [KITCHEN]: 2 } });
  });
});

describe('KPIs, HQ (every site)', () => {
  it('adds the store to every figure', () => {
    const dashboard = kpiDashboard(base);
    expect(dashboard.siteIds).toBe('all');
    // Closing: 72+6, 64+4, 12+4, 8+4 = 174 → average 43.5; COGS 58 + 2.
    expect(dashboard.turnover).toMatchObject({ cogs: 60, averageInventory: 43.5 });
    expect(dashboard.inventoryValue.bySite).toEqual({ [KITCHEN]: 8, [STORE]: 4 });
    // Store demand for a on 03-02 with 2 left: 2 of 4 item-days at zero.
    expect(dashboard.stockout.stockoutRate).toBe(0.5);
    expect(dashboard.grossMargin.bySite.map((row) => [row.key, row.revenue])).toEqual([
      [KITCHEN, 95],
      [STORE, 6],
    ]);
    expect(dashboard.nearExpiry.nearExpiryValue).toBe(10);
    expect(dashboard.fifoOverrides.byUser).toEqual({ u1: 2, t2: 1 });
  });

  it('ratios are null, not zero, without a denominator', () => {
    const empty: KpiInput = { ...base, opening: [], movements: [], salesBeforeFrom: [], documents: [], events: [] };
    const dashboard = kpiDashboard(empty);
    expect([
      dashboard.turnover.turnover,
      dashboard.loss.lossRate,
      dashboard.stockout.stockoutRate,
      dashboard.grossMargin.total.margin,
    ]).toEqual([null, null, null, null]);
    expect(() => kpiDashboard({ ...base, from: '2025-03-05' })).toThrow(RangeError);
  });
});
