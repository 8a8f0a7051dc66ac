/**
 * 收发存汇总 (stock movement summary): for a range of business dates, per product, category or
 * site — opening stock, what came in by kind, what went out by kind, closing stock — in quantity
 * and value. Opening is the stock at the start of `from`, closing the stock at the end of `to`,
 * both valued as the valuation report values them, so opening + in − out = closing and each end
 * equals the valuation report at that moment (tests/unit/finance/stock-summary.property.test.ts).
 *
 * A movement lands in the column of its kind: arrivals (receipt, opening, dispatch-in, production
 * output) add to "in", departures (sale, consumption, dispatch-out, production use, waste) to
 * "out"; a return and a count adjustment go in or out by their sign. A reversal (红冲) nets
 * against the column of what it reverses — a reversed sale lowers "sold", it is no arrival. A
 * kind this version does not know goes to "other" by its sign. Transit losses hold no stock at
 * any site and are not in it.
 */
import type { MovementDoc, ProductDoc } from '../schemas';
import { affectsOnHand, defaultSitePolicy, roundMoney, roundQty } from '../domain';
import { inRange, scope, type KpiInput } from './kpi-input';
import { movementValue, positionValue } from './valuation-report';

export const inColumns = ['opening', 'receipt', 'dispatch-in', 'production-output', 'return-in', 'count-gain', 'other-in'] as const;
export const outColumns = [
  'sale',
  'consumption',
  'dispatch-out',
  'production-consume',
  'waste',
  'return-out',
  'count-loss',
  'other-out',
] as const;
export type InColumn = (typeof inColumns)[number];
export type OutColumn = (typeof outColumns)[number];
export type SummaryColumn = InColumn | OutColumn;

export type SummaryGrouping = 'product' | 'category' | 'site';

export interface Amount {
  /** In the product's base unit; null where rows add up different products (category, site). */
  qty: number | null;
  value: number;
}

export interface StockSummaryRow {
  /** Product id, category id or site id, by the grouping. */
  key: string;
  opening: Amount;
  in: Record<InColumn, Amount>;
  out: Record<OutColumn, Amount>;
  totalIn: Amount;
  totalOut: Amount;
  closing: Amount;
}

export interface StockSummary {
  from: string;
  to: string;
  grouping: SummaryGrouping;
  rows: StockSummaryRow[];
  totals: StockSummaryRow;
  /** The columns any row has a movement in: a screen shows these, an export too. */
  usedColumns: SummaryColumn[];
}

export type StockSummaryInput = Pick<
  KpiInput,
  'opening' | 'movements' | 'batches' | 'products' | 'from' | 'to' | 'siteIds' | 'policy' | 'zoneOf'
>;

const natural: Readonly<Record<string, SummaryColumn>> = {
  opening: 'opening',
  receipt: 'receipt',
  'dispatch-in': 'dispatch-in',
  'production-output': 'production-output',
  sale: 'sale',
  consumption: 'consumption',
  'dispatch-out': 'dispatch-out',
  'production-consume': 'production-consume',
  waste: 'waste',
};
const bySign: Readonly<Record<string, readonly [InColumn, OutColumn]>> = {
  return: ['return-in', 'return-out'],
  'count-adjust': ['count-gain', 'count-loss'],
};
const inSet: ReadonlySet<string> = new Set(inColumns);

/** The column a movement's quantity belongs to. */
export function summaryColumn(movement: Pick<MovementDoc, 'kind' | 'qty' | 'reversalOf'>): SummaryColumn {
  const known = natural[movement.kind];
  if (known) return known;
  // A reversal runs against what it reverses: a reversed customer return (−) still nets "returned in".
  const direction = Math.sign(movement.qty) * (movement.reversalOf === undefined ? 1 : -1);
  const [into, outOf] = bySign[movement.kind] ?? ['other-in', 'other-out'];
  return direction >= 0 ? into : outOf;
}

interface Sums {
  opening: { qty: number; value: number };
  columns: Map<SummaryColumn, { qty: number; value: number }>;
}

function emptySums(): Sums {
  return { opening: { qty: 0, value: 0 }, columns: new Map() };
}

export function stockSummary(input: StockSummaryInput, grouping: SummaryGrouping): StockSummary {
  const inScope = scope(input);
  const policy = input.policy ?? (() => defaultSitePolicy);
  const batches = new Map(input.batches.map((batch) => [batch.id, batch]));
  const lookupBatch = (id: string) => batches.get(id);
  const products = new Map<string, ProductDoc>(input.products.map((product) => [product.id, product]));
  const keyOf = (siteId: string, productId: string): string =>
    grouping === 'site' ? siteId : grouping === 'category' ? (products.get(productId)?.category ?? 'uncategorised') : productId;
  const groups = new Map<string, Sums>();
  const total = emptySums();
  const sumsOf = (key: string): Sums => {
    let sums = groups.get(key);
    if (!sums) groups.set(key, (sums = emptySums()));
    return sums;
  };
  const add = (target: { qty: number; value: number }, qty: number, value: number) => {
    target.qty += qty;
    target.value += value;
  };

  for (const position of input.opening) {
    if (!inScope(position.siteId)) continue;
    const value = positionValue(position, policy(position.siteId).costing, lookupBatch);
    add(sumsOf(keyOf(position.siteId, position.productId)).opening, position.qty, value);
    add(total.opening, position.qty, value);
  }
  const used = new Set<SummaryColumn>();
  for (const movement of input.movements) {
    if (!affectsOnHand(movement.kind) || !inScope(movement.siteId) || !inRange(input, movement)) continue;
    const column = summaryColumn(movement);
    used.add(column);
    // Out columns count what left as a positive amount.
    const sign = inSet.has(column) ? 1 : -1;
    const value = sign * movementValue(movement, policy(movement.siteId).costing, lookupBatch);
    for (const sums of [sumsOf(keyOf(movement.siteId, movement.productId)), total]) {
      let cell = sums.columns.get(column);
      if (!cell) sums.columns.set(column, (cell = { qty: 0, value: 0 }));
      add(cell, sign * movement.qty, value);
    }
  }

  const withQty = grouping === 'product';
  const rows = [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, sums]) => toRow(key, sums, withQty))
    .filter((row) => !isEmptyRow(row));
  return {
    from: input.from,
    to: input.to,
    grouping,
    rows,
    totals: toRow('total', total, false),
    usedColumns: [...inColumns, ...outColumns].filter((column) => used.has(column)),
  };
}

function amount(raw: { qty: number; value: number }, withQty: boolean): Amount {
  return { qty: withQty ? roundQty(raw.qty) : null, value: roundMoney(raw.value) };
}

/** Sums stay unrounded until here, so opening + in − out = closing holds on the unrounded figures. */
function toRow(key: string, sums: Sums, withQty: boolean): StockSummaryRow {
  const zero = { qty: 0, value: 0 };
  const totalIn = { qty: 0, value: 0 };
  const totalOut = { qty: 0, value: 0 };
  const inCells = {} as Record<InColumn, Amount>;
  const outCells = {} as Record<OutColumn, Amount>;
  for (const column of inColumns) {
    const cell = sums.columns.get(column) ?? zero;
    inCells[column] = amount(cell, withQty);
    totalIn.qty += cell.qty;
    totalIn.value += cell.value;
  }
  for (const column of outColumns) {
    const cell = sums.columns.get(column) ?? zero;
    outCells[column] = amount(cell, withQty);
    totalOut.qty += cell.qty;
    totalOut.value += cell.value;
  }
  const closing = { qty: sums.opening.qty + totalIn.qty - totalOut.qty, value: sums.opening.value + totalIn.value - totalOut.value };
  return {
    key,
    opening: amount(sums.opening, withQty),
    in: inCells,
    out: outCells,
    totalIn: amount(totalIn, withQty),
    totalOut: amount(totalOut, withQty),
    closing: amount(closing, withQty),
  };
}

/** A group with nothing at either end and nothing moved (a batch emptied before the range). */
function isEmptyRow(row: StockSummaryRow): boolean {
  const nothing = (a: Amount) => (a.qty === null || a.qty === 0) && a.value === 0;
  return nothing(row.opening) && nothing(row.totalIn) && nothing(row.totalOut) && nothing(row.closing);
}
