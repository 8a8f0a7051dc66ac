/**
 * The KPIs that need stock on hand (inventory value, daily closing values, turnover, stockouts,
 * near-expiry): each starts from `opening` — the stock at the start of `from` — and adds the
 * range's movements, which gives the same figures as summing every movement since the first.
 */
import type { MovementDoc, MovementKind } from '../schemas';
import { addDays, affectsOnHand, daysBetween, defaultSitePolicy, expiryStatus, QTY_EPSILON, roundMoney } from '../domain';
import { consumedKinds, datesBetween, dateOf, inRange, ratio, scope, stockoutLookbackStart, valueOut, type KpiInput } from './kpi-input';
import { movementValue, positionValue, valuationReport, type ValuationReport } from './valuation-report';

/** Stock at the end of `to`: the opening plus the range's movements (earlier ones are in the opening). */
function closingValuation(input: KpiInput): ValuationReport {
  return valuationReport({
    opening: input.opening,
    movements: input.movements.filter((movement) => dateOf(movement, input.zoneOf) >= input.from),
    batches: input.batches,
    products: input.products,
    asOf: input.to,
    ...(input.siteIds ? { siteIds: input.siteIds } : {}),
    ...(input.policy ? { policy: input.policy } : {}),
    ...(input.zoneOf ? { zoneOf: input.zoneOf } : {}),
  });
}

// ---------------------------------------------------------------- inventory value

export function inventoryValueKpi(input: KpiInput): {
  asOf: string;
  total: number;
  bySite: Record<string, number>;
  byCategory: Record<string, number>;
  bySiteCategory: Record<string, Record<string, number>>;
} {
  const report = closingValuation(input);
  return {
    asOf: input.to,
    total: report.total,
    bySite: report.bySite,
    byCategory: report.byCategory,
    bySiteCategory: report.bySiteCategory,
  };
}

/** Closing inventory value at the end of each day of the range (valued as the valuation report). */
export function dailyClosingValues(input: KpiInput): { date: string; value: number }[] {
  const inScope = scope(input);
  const policy = input.policy ?? (() => defaultSitePolicy);
  const batches = new Map(input.batches.map((batch) => [batch.id, batch]));
  const lookupBatch = (id: string) => batches.get(id);
  let opening = 0;
  for (const position of input.opening) {
    if (inScope(position.siteId)) opening += positionValue(position, policy(position.siteId).costing, lookupBatch);
  }
  const deltas = new Map<string, number>();
  for (const movement of input.movements) {
    if (!affectsOnHand(movement.kind) || !inScope(movement.siteId) || !inRange(input, movement)) continue;
    const date = dateOf(movement, input.zoneOf);
    deltas.set(date, (deltas.get(date) ?? 0) + movementValue(movement, policy(movement.siteId).costing, lookupBatch));
  }
  let running = opening;
  return datesBetween(input.from, input.to).map((date) => {
    running += deltas.get(date) ?? 0;
    return { date, value: roundMoney(running) };
  });
}

// ---------------------------------------------------------------- turnover

/** Customer returns put cost back (Dr Inventory / Cr COGS), so they reduce COGS. */
function customerReturnCost(input: KpiInput): number {
  const fromCustomer = new Set(
    input.documents
      .filter((document) => document.type === 'return' && document.returnDirection === 'from-customer')
      .map((document) => document.id),
  );
  return -valueOut(input, new Set<MovementKind>(['return']), (movement) => fromCustomer.has(movement.docId));
}

export interface TurnoverKpi {
  days: number;
  /** Cost of sales + consumption at cost in range, net of customer returns. */
  cogs: number;
  /** Mean of the daily closing values. */
  averageInventory: number;
  turnover: number | null;
  daysOfStock: number | null;
}

export function turnoverKpi(input: KpiInput): TurnoverKpi {
  const closing = dailyClosingValues(input);
  const days = closing.length;
  const cogs = roundMoney(valueOut(input, consumedKinds) - customerReturnCost(input));
  const averageInventory = days === 0 ? 0 : closing.reduce((sum, day) => sum + day.value, 0) / days;
  const dailyCogs = days === 0 ? 0 : cogs / days;
  return {
    days,
    cogs,
    averageInventory: roundMoney(averageInventory),
    turnover: ratio(cogs, averageInventory),
    daysOfStock: ratio(averageInventory, dailyCogs),
  };
}

// ---------------------------------------------------------------- stockout rate

export interface StockoutKpi {
  /** (site, product, day) with demand: sold that day, or on the same weekday in any of the 4 weeks before. */
  itemDaysWithDemand: number;
  /** Of those, the days the product closed at zero (or below) on-hand at the site. */
  itemDaysAtZero: number;
  stockoutRate: number | null;
}

export function stockoutKpi(input: KpiInput): StockoutKpi {
  const inScope = scope(input);
  const keyOf = (row: { siteId: string; productId: string }) => `${row.siteId}\u0000${row.productId}`;
  const earliest = stockoutLookbackStart(input.from);
  const soldOn = new Map<string, Set<string>>();
  const noteSale = (movement: MovementDoc, date: string) => {
    const dates = soldOn.get(keyOf(movement)) ?? new Set<string>();
    dates.add(date);
    soldOn.set(keyOf(movement), dates);
  };
  for (const movement of input.salesBeforeFrom) {
    const date = dateOf(movement, input.zoneOf);
    if (inScope(movement.siteId) && consumedKinds.has(movement.kind) && movement.qty < 0 && date >= earliest && date < input.from)
      noteSale(movement, date);
  }
  const openingQty = new Map<string, number>();
  for (const position of input.opening) {
    if (inScope(position.siteId)) openingQty.set(keyOf(position), (openingQty.get(keyOf(position)) ?? 0) + position.qty);
  }
  const onHandMoves = new Map<string, { date: string; qty: number }[]>();
  for (const movement of input.movements) {
    if (!inScope(movement.siteId) || !inRange(input, movement)) continue;
    const date = dateOf(movement, input.zoneOf);
    if (consumedKinds.has(movement.kind) && movement.qty < 0) noteSale(movement, date);
    if (affectsOnHand(movement.kind)) {
      const moves = onHandMoves.get(keyOf(movement)) ?? [];
      moves.push({ date, qty: movement.qty });
      onHandMoves.set(keyOf(movement), moves);
    }
  }
  const dates = datesBetween(input.from, input.to);
  let withDemand = 0;
  let atZero = 0;
  for (const [key, sold] of soldOn) {
    const moves = (onHandMoves.get(key) ?? []).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let index = 0;
    let onHand = openingQty.get(key) ?? 0;
    for (const date of dates) {
      while (index < moves.length && (moves[index]?.date ?? '') <= date) onHand += moves[index++]?.qty ?? 0;
      const demand = [0, 7, 14, 21, 28].some((back) => sold.has(addDays(date, -back)));
      if (!demand) continue;
      withDemand += 1;
      if (onHand <= QTY_EPSILON) atZero += 1;
    }
  }
  return { itemDaysWithDemand: withDemand, itemDaysAtZero: atZero, stockoutRate: ratio(atZero, withDemand) };
}

// ---------------------------------------------------------------- near-expiry

export interface NearExpiryKpi {
  asOf: string;
  nearExpiryValue: number;
  expiredValue: number;
  batches: {
    siteId: string;
    productId: string;
    batchId: string;
    expiryDate: string;
    status: 'near-expiry' | 'expired';
    qty: number;
    value: number;
    daysLeft: number;
  }[];
}

/** Stock on hand at the end of `to`, by expiry status at `to` (near-expiry window per product). */
export function nearExpiryKpi(input: KpiInput): NearExpiryKpi {
  const report = closingValuation(input);
  const batches = new Map(input.batches.map((batch) => [batch.id, batch]));
  const products = new Map(input.products.map((product) => [product.id, product]));
  const rows: NearExpiryKpi['batches'] = [];
  for (const row of report.rows) {
    for (const position of row.batches) {
      const batch = batches.get(position.batchId);
      const product = products.get(position.productId);
      if (!batch || !product || batch.expiryDate === undefined || position.qty <= QTY_EPSILON) continue;
      const status = expiryStatus(batch, product, input.to);
      if (status === 'ok') continue;
      rows.push({ ...position, expiryDate: batch.expiryDate, status, daysLeft: daysBetween(input.to, batch.expiryDate) });
    }
  }
  const sum = (status: 'near-expiry' | 'expired') =>
    roundMoney(rows.filter((row) => row.status === status).reduce((total, row) => total + row.value, 0));
  return {
    asOf: input.to,
    nearExpiryValue: sum('near-expiry'),
    expiredValue: sum('expired'),
    batches: rows.sort((a, b) => (a.expiryDate < b.expiryDate ? -1 : a.expiryDate > b.expiryDate ? 1 : 0)),
  };
}
