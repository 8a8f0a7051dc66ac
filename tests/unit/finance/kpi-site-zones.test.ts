// Sites in different zones (DOMAIN.md "Site time"): a Shanghai store and a London store in one
// HQ report. Each movement is dated by its own site's calendar, and a range starts at each site's
// own midnight: 23:30 in London is still that day in London, though 07:30 the next day in Shanghai.
import { describe, expect, it } from 'vitest';
import { recomputePositions, zoneLookup } from '../../../shared/domain';
import { dailyClosingValues, inventoryValueKpi, kpiStockFromLog, lossRateKpi, type KpiInput } from '../../../shared/finance/kpi';
import { valuationReport } from '../../../shared/finance/valuation-report';
import type { MovementDoc } from '../../../shared/schemas';
import { batch, movement, product } from './fixtures';

const SHANGHAI = 'store-shanghai';
const LONDON = 'store-london';
const zoneOf = zoneLookup([
  { id: SHANGHAI, timeZone: 'Asia/Shanghai' },
  { id: LONDON, timeZone: 'Europe/London' },
]);
const products = [product('p')];
const batches = [batch('b-sh', 'p', { unitCost: 1 }), batch('b-ldn', 'p', { unitCost: 2 })];
const mv = (siteId: string, kind: MovementDoc['kind'], qty: number, at: string): MovementDoc =>
  movement({ siteId, kind, qty, at, productId: 'p', batchId: siteId === LONDON ? 'b-ldn' : 'b-sh', unitCost: siteId === LONDON ? 2 : 1 });

const movements: MovementDoc[] = [
  mv(SHANGHAI, 'receipt', 10, '2026-03-01T02:00:00.000Z'), // 03-01 10:00 Shanghai
  mv(SHANGHAI, 'sale', -2, '2026-03-03T15:30:00.000Z'), // 03-03 23:30 Shanghai
  mv(SHANGHAI, 'sale', -3, '2026-03-03T16:30:00.000Z'), // 03-04 00:30 Shanghai: after the range
  mv(LONDON, 'receipt', 10, '2026-02-28T20:00:00.000Z'), // 02-28 20:00 London (03-01 in Shanghai)
  mv(LONDON, 'waste', -1, '2026-03-02T20:00:00.000Z'), // 03-02 20:00 London (03-03 in Shanghai)
  mv(LONDON, 'sale', -4, '2026-03-03T23:30:00.000Z'), // 03-03 23:30 London (03-04 in Shanghai)
];

const input = (from: string, to: string): KpiInput => ({
  ...kpiStockFromLog(recomputePositions(movements).values(), movements, from, zoneOf),
  documents: [],
  batches,
  products,
  events: [],
  from,
  to,
  zoneOf,
});

describe('KPIs over sites in different zones', () => {
  it('dates each movement by its own site: closing values per day', () => {
    // 03-01: SH 10×1 + LDN 10×2 = 30 · 03-02: LDN waste 1 → 28 · 03-03: SH −2, LDN −4 → 8 + 10 = 18.
    expect(dailyClosingValues(input('2026-03-01', '2026-03-03')).map((day) => day.value)).toEqual([30, 28, 18]);
    expect(inventoryValueKpi(input('2026-03-01', '2026-03-03'))).toMatchObject({ total: 18, bySite: { [SHANGHAI]: 8, [LONDON]: 10 } });
  });

  it('starts a range at each site own midnight', () => {
    // From 03-03: London's waste (03-02 London) is before the range, its 23:30 sale inside; Shanghai's 00:30 sale after.
    const day = input('2026-03-03', '2026-03-03');
    expect(lossRateKpi(day)).toEqual({ wasteValue: 0, consumptionValue: 2 + 8, lossRate: 0 });
    expect(dailyClosingValues(day).map((row) => row.value)).toEqual([18]);
    expect(day.opening.find((position) => position.siteId === LONDON)?.qty).toBe(9);
  });

  it('values stock at the end of a date at each site', () => {
    const report = valuationReport({ opening: [], movements, batches, products, asOf: '2026-03-03', zoneOf });
    expect(report.bySite).toEqual({ [SHANGHAI]: 8, [LONDON]: 10 });
    // The same instant for both: 2026-03-03T16:00Z is 00:00 on 03-04 in Shanghai, 16:00 on 03-03 in London.
    const atInstant = valuationReport({ opening: [], movements, batches, products, asOf: '2026-03-03T16:00:00.000Z', zoneOf });
    expect(atInstant.bySite).toEqual({ [SHANGHAI]: 8, [LONDON]: 18 });
  });
});
