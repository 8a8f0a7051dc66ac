import { describe, expect, it } from 'vitest';
import { planProduction, suggestOrder, type DemandDay } from '../../../shared/forecast';

const flat = (qty: number, days: number): DemandDay[] => Array.from({ length: days }, () => ({ forecast: qty }));

describe('suggestOrder', () => {
  it('orders cover demand + safety stock − stock, rounded up to whole packs', () => {
    // Lead time 2 + review 3 = 5 days × 10 = 50; + 8 safety − 12 on hand − 6 on order = 40 → 4 packs of 12 = 48.
    const order = suggestOrder({
      forecast: flat(10, 14),
      leadTimeDays: 2,
      reviewPeriodDays: 3,
      safetyStock: 8,
      onHand: 12,
      onOrder: 6,
      packSize: 12,
    });
    expect(order.quantity).toBe(48);
    expect(order.packs).toBe(4);
    expect(order.explanation).toMatchObject({
      coverDays: 5,
      demandOverCover: 50,
      netRequirement: 40,
      onHand: 12,
      onOrder: 6,
      safetyStock: 8,
      capApplied: false,
      shelfLifeCap: null,
    });
  });

  it('does not order an extra pack for an exact multiple, nor anything when stock covers the need', () => {
    expect(
      suggestOrder({ forecast: flat(6, 7), leadTimeDays: 1, reviewPeriodDays: 3, safetyStock: 0, onHand: 0, onOrder: 0, packSize: 6 })
        .quantity,
    ).toBe(24);
    const none = suggestOrder({
      forecast: flat(6, 7),
      leadTimeDays: 1,
      reviewPeriodDays: 3,
      safetyStock: 4,
      onHand: 30,
      onOrder: 0,
      packSize: 6,
    });
    expect(none.quantity).toBe(0);
    expect(none.explanation.netRequirement).toBe(-2);
  });

  it('caps at what sells within the shelf life after arrival, rounding down to packs', () => {
    // Days: [5, 5, 20, 20, 20, 20, 5, …]. Lead time 2, review 4 → cover = 5+5+20+20+20+20 = 90, need 90 + 10 = 100.
    // Arrives for day index 2; shelf life 3 days → cap = 20+20+20 = 60 → floor(60 / 25) = 2 packs = 50.
    const forecast = [5, 5, 20, 20, 20, 20, 5, 5].map((qty) => ({ forecast: qty }));
    const order = suggestOrder({
      forecast,
      leadTimeDays: 2,
      reviewPeriodDays: 4,
      safetyStock: 10,
      onHand: 0,
      onOrder: 0,
      packSize: 25,
      shelfLifeDays: 3,
    });
    expect(order.explanation.shelfLifeCap).toBe(60);
    expect(order.explanation.capApplied).toBe(true);
    expect(order.quantity).toBe(50);
  });

  it('explains the order with the mean level, weekday and holiday factors over the cover days', () => {
    const forecast: DemandDay[] = [
      { forecast: 12, level: 10, weekdayFactor: 1.2, holidayFactor: 1 },
      { forecast: 16, level: 10, weekdayFactor: 0.8, holidayFactor: 2 },
      { forecast: 99, level: 99, weekdayFactor: 9, holidayFactor: 9 },
    ];
    const order = suggestOrder({ forecast, leadTimeDays: 1, reviewPeriodDays: 1, safetyStock: 0, onHand: 0, onOrder: 0, packSize: 1 });
    expect(order.quantity).toBe(28);
    expect(order.explanation).toMatchObject({ level: 10, weekdayFactor: 1, holidayFactor: 1.5 });
  });

  it('rejects a forecast shorter than lead time + review period', () => {
    expect(() =>
      suggestOrder({ forecast: flat(1, 3), leadTimeDays: 2, reviewPeriodDays: 2, safetyStock: 0, onHand: 0, onOrder: 0, packSize: 1 }),
    ).toThrow(/4 are needed/);
  });
});

describe('planProduction (MRP-lite)', () => {
  // Dumplings: batch of 100 pcs uses 2 kg dough + 1.5 kg filling. Filling: batch of 5 kg uses 3 kg pork + 2 kg cabbage.
  // Dough is bought in (no recipe). A second dish uses filling too, so filling is netted once for both.
  const recipes = [
    {
      outputProductId: 'dumpling',
      yieldQty: 100,
      lines: [
        { productId: 'dough', qty: 2 },
        { productId: 'filling', qty: 1.5 },
      ],
    },
    {
      outputProductId: 'bun',
      yieldQty: 50,
      lines: [
        { productId: 'dough', qty: 3 },
        { productId: 'filling', qty: 2 },
      ],
    },
    {
      outputProductId: 'filling',
      yieldQty: 5,
      lines: [
        { productId: 'pork', qty: 3 },
        { productId: 'cabbage', qty: 2 },
      ],
    },
  ];

  it('explodes requests and forecasts through two recipe levels into purchases net of stock', () => {
    const plan = planProduction({
      storeRequests: [
        { storeId: 'A', productId: 'dumpling', qty: 180 },
        { storeId: 'B', productId: 'dumpling', qty: 150 },
        { storeId: 'A', productId: 'bun', qty: 40 },
      ],
      // Dumplings: max(330 requested, 300 forecast) = 330; buns: max(40, 90) = 90.
      forecasts: { dumpling: 300, bun: 90 },
      recipes,
      onHand: { dumpling: 30, filling: 1, pork: 4, dough: 2 },
      onOrder: { cabbage: 1 },
      packSizes: { pork: 5, dough: 10 },
    });
    // Dumpling: 330 − 30 = 300 → 3 batches; bun: 90 → 2 batches (100 pcs).
    expect(plan.production.find((line) => line.productId === 'dumpling')).toMatchObject({
      demand: 330,
      onHand: 30,
      batches: 3,
      plannedQty: 300,
    });
    expect(plan.production.find((line) => line.productId === 'bun')).toMatchObject({ demand: 90, batches: 2, plannedQty: 100 });
    // Filling: 3 × 1.5 + 2 × 2 = 8.5 kg − 1 on hand = 7.5 → 2 batches (10 kg).
    expect(plan.production.find((line) => line.productId === 'filling')).toMatchObject({
      demand: 8.5,
      onHand: 1,
      batches: 2,
      plannedQty: 10,
    });
    // Dough: 3 × 2 + 2 × 3 = 12 − 2 = 10 → 1 pack of 10. Pork: 2 × 3 = 6 − 4 = 2 → 1 pack of 5. Cabbage: 4 − 1 on order = 3.
    expect(plan.requirements).toEqual(
      expect.arrayContaining([
        { productId: 'dough', gross: 12, onHand: 2, onOrder: 0, net: 10 },
        { productId: 'pork', gross: 6, onHand: 4, onOrder: 0, net: 2 },
        { productId: 'cabbage', gross: 4, onHand: 0, onOrder: 1, net: 3 },
      ]),
    );
    expect(plan.purchases).toEqual(
      expect.arrayContaining([
        { productId: 'dough', qty: 10, packs: 1, packSize: 10 },
        { productId: 'pork', qty: 5, packs: 1, packSize: 5 },
        { productId: 'cabbage', qty: 3, packs: 3, packSize: 1 },
      ]),
    );
    expect(plan.purchases).toHaveLength(3);
  });

  it('rejects a recipe cycle instead of looping', () => {
    const cyclic = [
      { outputProductId: 'a', yieldQty: 1, lines: [{ productId: 'b', qty: 1 }] },
      { outputProductId: 'b', yieldQty: 1, lines: [{ productId: 'a', qty: 1 }] },
    ];
    expect(() => planProduction({ storeRequests: [{ productId: 'a', qty: 1 }], recipes: cyclic })).toThrow(/cycle/);
  });
});
