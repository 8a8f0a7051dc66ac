// Frozen copy of shared/finance/kpi.ts as it stood at 41090c3, before issue 12: the full-history
// computation (every movement ever posted) that the range functions must still equal. Only
// imports and comments were changed; do not edit, it is the oracle of kpi-range.property.test.ts.
import type { BatchDoc, DocumentDoc, EventDoc, MovementDoc, MovementKind, ProductDoc } from '../../../../shared/schemas';
import {
  addDays,
  affectsOnHand,
  businessDateOf,
  daysBetween,
  defaultSitePolicy,
  expiryStatus,
  QTY_EPSILON,
  roundMoney,
} from '../../../../shared/domain';
import { movementValue, valuationReport, type PolicyLookup } from './valuation-report';

export interface KpiInput {
  movements: readonly MovementDoc[];
  documents: readonly DocumentDoc[];
  batches: readonly BatchDoc[];
  products: readonly ProductDoc[];
  events: readonly EventDoc[];
  from: string;
  to: string;
  siteIds?: readonly string[];
  policy?: PolicyLookup;
}

const ratio = (numerator: number, denominator: number): number | null => (Math.abs(denominator) < 1e-9 ? null : numerator / denominator);

function scope(input: Pick<KpiInput, 'siteIds'>): (siteId: string) => boolean {
  const sites = input.siteIds ? new Set(input.siteIds) : null;
  return (siteId) => sites === null || sites.has(siteId);
}

const movementDates = new WeakMap<object, string>();
function dateOf(movement: Pick<MovementDoc, 'at'>): string {
  let date = movementDates.get(movement);
  if (date === undefined) {
    date = businessDateOf(movement.at);
    movementDates.set(movement, date);
  }
  return date;
}

export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

function valueOut(input: KpiInput, kinds: ReadonlySet<MovementKind>, filter: (movement: MovementDoc) => boolean = () => true): number {
  const inScope = scope(input);
  let value = 0;
  for (const movement of input.movements) {
    const date = dateOf(movement);
    if (!kinds.has(movement.kind) || !inScope(movement.siteId) || date < input.from || date > input.to || !filter(movement)) continue;
    value -= movement.qty * movement.unitCost;
  }
  return value;
}

// ---------------------------------------------------------------- inventory value

export function inventoryValueKpi(input: KpiInput): {
  asOf: string;
  total: number;
  bySite: Record<string, number>;
  byCategory: Record<string, number>;
  bySiteCategory: Record<string, Record<string, number>>;
} {
  const report = valuationReport({
    movements: input.movements,
    batches: input.batches,
    products: input.products,
    asOf: input.to,
    ...(input.siteIds ? { siteIds: input.siteIds } : {}),
    ...(input.policy ? { policy: input.policy } : {}),
  });
  return {
    asOf: input.to,
    total: report.total,
    bySite: report.bySite,
    byCategory: report.byCategory,
    bySiteCategory: report.bySiteCategory,
  };
}

export function dailyClosingValues(input: KpiInput): { date: string; value: number }[] {
  const inScope = scope(input);
  const policy = input.policy ?? (() => defaultSitePolicy);
  const batches = new Map(input.batches.map((batch) => [batch.id, batch]));
  let opening = 0;
  const deltas = new Map<string, number>();
  for (const movement of input.movements) {
    if (!affectsOnHand(movement.kind) || !inScope(movement.siteId)) continue;
    const date = dateOf(movement);
    if (date > input.to) continue;
    const value = movementValue(movement, policy(movement.siteId).costing, (id) => batches.get(id));
    if (date < input.from) opening += value;
    else deltas.set(date, (deltas.get(date) ?? 0) + value);
  }
  let running = opening;
  return datesBetween(input.from, input.to).map((date) => {
    running += deltas.get(date) ?? 0;
    return { date, value: roundMoney(running) };
  });
}

// ---------------------------------------------------------------- turnover

const consumedKinds: ReadonlySet<MovementKind> = new Set<MovementKind>(['sale', 'consumption']);

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
  cogs: number;
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

// ---------------------------------------------------------------- loss rate

export interface LossRateKpi {
  wasteValue: number;
  consumptionValue: number;
  lossRate: number | null;
}

export function lossRateKpi(input: KpiInput): LossRateKpi {
  const wasteValue = roundMoney(valueOut(input, new Set<MovementKind>(['waste'])));
  const consumptionValue = roundMoney(valueOut(input, new Set<MovementKind>(['sale', 'consumption', 'production-consume'])));
  return { wasteValue, consumptionValue, lossRate: ratio(wasteValue, consumptionValue) };
}

// ---------------------------------------------------------------- stockout rate

export interface StockoutKpi {
  itemDaysWithDemand: number;
  itemDaysAtZero: number;
  stockoutRate: number | null;
}

export function stockoutKpi(input: KpiInput): StockoutKpi {
  const inScope = scope(input);
  const earliest = addDays(input.from, -28);
  const soldOn = new Map<string, Set<string>>();
  const onHandMoves = new Map<string, { date: string; qty: number }[]>();
  for (const movement of input.movements) {
    if (!inScope(movement.siteId)) continue;
    const key = `${movement.siteId}\u0000${movement.productId}`;
    const date = dateOf(movement);
    if (consumedKinds.has(movement.kind) && movement.qty < 0 && date >= earliest && date <= input.to) {
      const dates = soldOn.get(key) ?? new Set<string>();
      dates.add(date);
      soldOn.set(key, dates);
    }
    if (affectsOnHand(movement.kind) && date <= input.to) {
      const moves = onHandMoves.get(key) ?? [];
      moves.push({ date, qty: movement.qty });
      onHandMoves.set(key, moves);
    }
  }
  const dates = datesBetween(input.from, input.to);
  let withDemand = 0;
  let atZero = 0;
  for (const [key, sold] of soldOn) {
    const moves = (onHandMoves.get(key) ?? []).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let index = 0;
    let onHand = 0;
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

export function grossMarginKpi(input: KpiInput): GrossMarginKpi {
  const inScope = scope(input);
  const products = new Map(input.products.map((product) => [product.id, product]));
  const documents = new Map(input.documents.map((document) => [document.id, document]));
  const facts: { siteId: string; productId: string; revenue: number; cogs: number }[] = [];
  const inRange = (date: string) => date >= input.from && date <= input.to;
  for (const document of input.documents) {
    if (document.status !== 'posted' || !inScope(document.siteId) || !inRange(document.businessDate)) continue;
    const reversed =
      document.type === 'reversal' && document.reversesDocId !== undefined ? documents.get(document.reversesDocId) : undefined;
    const source = document.type === 'sale' ? document : reversed?.type === 'sale' ? reversed : undefined;
    const sign = document.type === 'sale' ? 1 : -1;
    if (source)
      for (const line of source.lines)
        facts.push({ siteId: document.siteId, productId: line.productId, revenue: sign * line.qty * (line.unitPrice ?? 0), cogs: 0 });
    if (document.type === 'return' && document.returnDirection === 'from-customer') {
      for (const line of document.lines)
        facts.push({ siteId: document.siteId, productId: line.productId, revenue: -line.qty * (line.unitPrice ?? 0), cogs: 0 });
    }
  }
  const fromCustomer = (movement: MovementDoc) => documents.get(movement.docId)?.returnDirection === 'from-customer';
  for (const movement of input.movements) {
    if (!inScope(movement.siteId) || !inRange(dateOf(movement))) continue;
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

export function nearExpiryKpi(input: KpiInput): NearExpiryKpi {
  const report = valuationReport({
    movements: input.movements,
    batches: input.batches,
    products: input.products,
    asOf: input.to,
    ...(input.siteIds ? { siteIds: input.siteIds } : {}),
    ...(input.policy ? { policy: input.policy } : {}),
  });
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

// ---------------------------------------------------------------- events

function eventsInRange(input: KpiInput, kind: EventDoc['kind']): EventDoc[] {
  const inScope = scope(input);
  return input.events.filter(
    (event) =>
      event.kind === kind && inScope(event.siteId) && businessDateOf(event.at) >= input.from && businessDateOf(event.at) <= input.to,
  );
}

const countBy = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

export function fifoOverridesKpi(input: KpiInput): { count: number; bySite: Record<string, number>; byUser: Record<string, number> } {
  const events = eventsInRange(input, 'fifo-override');
  const userOf = (event: EventDoc) => (typeof event.data.userId === 'string' ? event.data.userId : (event.terminalId ?? 'unknown'));
  return { count: events.length, bySite: countBy(events, (event) => event.siteId), byUser: countBy(events, userOf) };
}

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
