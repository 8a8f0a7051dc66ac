/**
 * KPIs (DOMAIN.md, KPIs) as pure functions over the stock at the start of a date range, the
 * range's movements, documents, batches, products and events, for a set of sites (HQ: every
 * site; a site: its own); `KpiInput` says what each field must hold. Each formula is
 * stated in docs/user-guide-kpis.md; ratios are fractions (0.125 = 12.5 %), null when the
 * denominator is zero, because "no sales" is not "0 % margin".
 */
import type { EventDoc, MovementDoc, MovementKind } from '../schemas';
import { businessDateOf, defaultZoneOf, lineAmounts, roundMoney } from '../domain';
import { inRange, ratio, scope, valueOut, type KpiInput } from './kpi-input';
import {
  inventoryValueKpi,
  nearExpiryKpi,
  stockoutKpi,
  turnoverKpi,
  type NearExpiryKpi,
  type StockoutKpi,
  type TurnoverKpi,
} from './kpi-stock';

export * from './kpi-input';
export * from './kpi-stock';

// ---------------------------------------------------------------- loss rate

export interface LossRateKpi {
  wasteValue: number;
  /** Sales + consumption + production consumption, at cost. */
  consumptionValue: number;
  lossRate: number | null;
}

export function lossRateKpi(input: KpiInput): LossRateKpi {
  const wasteValue = roundMoney(valueOut(input, new Set<MovementKind>(['waste'])));
  const consumptionValue = roundMoney(valueOut(input, new Set<MovementKind>(['sale', 'consumption', 'production-consume'])));
  return { wasteValue, consumptionValue, lossRate: ratio(wasteValue, consumptionValue) };
}

// ---------------------------------------------------------------- gross margin

export interface MarginRow {
  key: string;
  revenue: number;
  cogs: number;
  grossProfit: number;
  margin: number | null;
}

export interface GrossMarginKpi {
  total: MarginRow;
  byProduct: MarginRow[];
  byCategory: MarginRow[];
  bySite: MarginRow[];
}

/**
 * Revenue from posted sales (Σ qty × unit price, net of the output VAT it includes: the books' 6001), less reversed sales and customer refunds;
 * COGS from `sale` movements (reversals carry the opposite sign) less customer returns. Menu
 * consumption has cost but no line revenue, so it is left out of margin (it is in turnover).
 */
export function grossMarginKpi(input: KpiInput): GrossMarginKpi {
  const inScope = scope(input);
  const products = new Map(input.products.map((product) => [product.id, product]));
  const documents = new Map(input.documents.map((document) => [document.id, document]));
  const facts: { siteId: string; productId: string; revenue: number; cogs: number }[] = [];
  for (const document of input.documents) {
    if (document.status !== 'posted' || !inScope(document.siteId) || document.businessDate < input.from || document.businessDate > input.to)
      continue;
    const reversed =
      document.type === 'reversal' && document.reversesDocId !== undefined ? documents.get(document.reversesDocId) : undefined;
    const source = document.type === 'sale' ? document : reversed?.type === 'sale' ? reversed : undefined;
    const sign = document.type === 'sale' ? 1 : -1;
    if (source)
      for (const line of source.lines)
        facts.push({ siteId: document.siteId, productId: line.productId, revenue: sign * lineAmounts(line).net, cogs: 0 });
    if (document.type === 'return' && document.returnDirection === 'from-customer') {
      for (const line of document.lines)
        facts.push({ siteId: document.siteId, productId: line.productId, revenue: -lineAmounts(line).net, cogs: 0 });
    }
  }
  const fromCustomer = (movement: MovementDoc) => documents.get(movement.docId)?.returnDirection === 'from-customer';
  for (const movement of input.movements) {
    if (!inScope(movement.siteId) || !inRange(input, movement)) continue;
    if (movement.kind === 'sale' || (movement.kind === 'return' && fromCustomer(movement))) {
      facts.push({ siteId: movement.siteId, productId: movement.productId, revenue: 0, cogs: -movement.qty * movement.unitCost });
    }
  }
  const group = (keyOf: (fact: (typeof facts)[number]) => string): MarginRow[] => {
    const sums = new Map<string, { revenue: number; cogs: number }>();
    for (const fact of facts) {
      const key = keyOf(fact);
      const sum = sums.get(key) ?? { revenue: 0, cogs: 0 };
      sum.revenue += fact.revenue;
      sum.cogs += fact.cogs;
      sums.set(key, sum);
    }
    return [...sums]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, sum]) => ({
        key,
        revenue: roundMoney(sum.revenue),
        cogs: roundMoney(sum.cogs),
        grossProfit: roundMoney(sum.revenue - sum.cogs),
        margin: ratio(sum.revenue - sum.cogs, sum.revenue),
      }));
  };
  const total = group(() => 'total')[0] ?? { key: 'total', revenue: 0, cogs: 0, grossProfit: 0, margin: null };
  return {
    total,
    byProduct: group((fact) => fact.productId),
    byCategory: group((fact) => products.get(fact.productId)?.category ?? 'uncategorised'),
    bySite: group((fact) => fact.siteId),
  };
}

// ---------------------------------------------------------------- events

function eventsInRange(input: KpiInput, kind: EventDoc['kind']): EventDoc[] {
  const inScope = scope(input);
  const zoneOf = input.zoneOf ?? defaultZoneOf;
  return input.events.filter((event) => {
    if (event.kind !== kind || !inScope(event.siteId)) return false;
    const date = businessDateOf(event.at, zoneOf(event.siteId)); // dated at the site that recorded it
    return date >= input.from && date <= input.to;
  });
}

const countBy = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

/**
 * FIFO/FEFO overrides (强制校验 overridden with a reason). Events carry no user field: the user
 * is `data.userId` when the writer put one there, else the terminal, else 'unknown'.
 */
export function fifoOverridesKpi(input: KpiInput): { count: number; bySite: Record<string, number>; byUser: Record<string, number> } {
  const events = eventsInRange(input, 'fifo-override');
  const userOf = (event: EventDoc) => (typeof event.data.userId === 'string' ? event.data.userId : (event.terminalId ?? 'unknown'));
  return { count: events.length, bySite: countBy(events, (event) => event.siteId), byUser: countBy(events, userOf) };
}

/**
 * Price-deviation warnings and what they cost: Σ (price − reference) × qty over lines priced
 * above their reference. The posting's own events carry unit price and last price but no qty,
 * so the qty comes from the receipt line (`data.lineNo`); `data.excessAmount`, when present
 * (purchasing.ts warnings), is taken as is.
 */
export function priceDeviationsKpi(input: KpiInput): { count: number; totalExcess: number; bySite: Record<string, number> } {
  const events = eventsInRange(input, 'price-deviation');
  const documents = new Map(input.documents.map((document) => [document.id, document]));
  let excess = 0;
  for (const event of events) {
    const { excessAmount, unitCost, lastCost, lineNo } = event.data;
    if (typeof excessAmount === 'number') {
      excess += excessAmount;
      continue;
    }
    if (typeof unitCost !== 'number' || typeof lastCost !== 'number' || typeof lineNo !== 'number' || event.docId === undefined) continue;
    const qty = documents.get(event.docId)?.lines[lineNo]?.qty ?? 0;
    excess += Math.max(0, unitCost - lastCost) * qty;
  }
  return { count: events.length, totalExcess: roundMoney(excess), bySite: countBy(events, (event) => event.siteId) };
}

// ---------------------------------------------------------------- dashboard

export interface KpiDashboard {
  from: string;
  to: string;
  siteIds: readonly string[] | 'all';
  inventoryValue: ReturnType<typeof inventoryValueKpi>;
  turnover: TurnoverKpi;
  loss: LossRateKpi;
  stockout: StockoutKpi;
  grossMargin: GrossMarginKpi;
  nearExpiry: NearExpiryKpi;
  fifoOverrides: ReturnType<typeof fifoOverridesKpi>;
  priceDeviations: ReturnType<typeof priceDeviationsKpi>;
}

export function kpiDashboard(input: KpiInput): KpiDashboard {
  if (input.from > input.to) throw new RangeError(`from ${input.from} is after to ${input.to}`);
  return {
    from: input.from,
    to: input.to,
    siteIds: input.siteIds ?? 'all',
    inventoryValue: inventoryValueKpi(input),
    turnover: turnoverKpi(input),
    loss: lossRateKpi(input),
    stockout: stockoutKpi(input),
    grossMargin: grossMarginKpi(input),
    nearExpiry: nearExpiryKpi(input),
    fifoOverrides: fifoOverridesKpi(input),
    priceDeviations: priceDeviationsKpi(input),
  };
}
