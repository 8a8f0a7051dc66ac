/**
 * Inventory valuation report (存货估值表) at any date: opening stock plus Σ movements up to that
 * moment per site and product, valued at batch cost, or at the moving average where the site's
 * policy says so (DOMAIN.md, Valuation and bookkeeping).
 */
import type { BatchDoc, ConfigDoc, MovementDoc, ProductDoc } from '../schemas';
import {
  affectsOnHand,
  businessDateOf,
  defaultSitePolicy,
  defaultZoneOf,
  QTY_EPSILON,
  roundMoney,
  roundQty,
  sitePolicyFromConfig,
  type SitePolicy,
  type StockPosition,
  type ZoneOf,
} from '../domain';

export type PolicyLookup = (siteId: string) => SitePolicy;

/** Site policies from `site-policy` config docs (the same reading the Ledger does). */
export function policyLookupFromConfig(configs: readonly ConfigDoc[]): PolicyLookup {
  const policies = new Map<string, SitePolicy>();
  for (const config of configs) {
    if (config.key === 'site-policy' && config.siteId !== undefined) policies.set(config.siteId, sitePolicyFromConfig(config));
  }
  return (siteId) => policies.get(siteId) ?? defaultSitePolicy;
}

/**
 * `YYYY-MM-DD` means the end of that business date at each movement's own site (`businessDateOf`
 * in the site's zone: a London store's day ends 8 h after a Shanghai one's); a full instant means
 * movements at or before it, wherever they happened.
 */
export function asOfPredicate(asOf: string, zoneOf: ZoneOf = defaultZoneOf): (movement: Pick<MovementDoc, 'at' | 'siteId'>) => boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return (movement) => businessDateOf(movement.at, zoneOf(movement.siteId)) <= asOf;
  const cutoff = Date.parse(asOf);
  if (Number.isNaN(cutoff)) throw new RangeError(`Not a business date or instant: ${asOf}`);
  return (movement) => Date.parse(movement.at) <= cutoff;
}

/**
 * The stock value a movement adds or removes. Under batch costing every unit of a batch is worth
 * the batch's cost, so the value is qty × batch cost whatever cost the movement carried; under
 * moving average it is the cost the movement carried (issues leave at the average). Movements of
 * unknown batches fall back to their own cost.
 */
export function movementValue(
  movement: Pick<MovementDoc, 'qty' | 'unitCost' | 'batchId'>,
  costing: SitePolicy['costing'],
  batch: (id: string) => BatchDoc | undefined,
): number {
  if (costing === 'batch') {
    const known = batch(movement.batchId);
    if (known) return movement.qty * known.unitCost;
  }
  return movement.qty * movement.unitCost;
}

/**
 * The stock value of an opening position, equal to Σ `movementValue` over the movements that
 * built it: under batch costing every one of them is valued at the batch's cost, so the sum is
 * qty × batch cost; otherwise it is Σ qty × the cost each carried, which the position keeps as
 * `value`. Positions are per batch, so no cost layer older than the range is needed.
 */
export function positionValue(
  position: Pick<StockPosition, 'qty' | 'value' | 'batchId'>,
  costing: SitePolicy['costing'],
  batch: (id: string) => BatchDoc | undefined,
): number {
  if (costing === 'batch') {
    const known = batch(position.batchId);
    if (known) return position.qty * known.unitCost;
  }
  return position.value;
}

export interface ValuationInput {
  /**
   * Stock per (site, product, batch) at the instant `movements` start from (for a report over
   * every movement: none). `asOf` must not be before that instant: the report adds movements to
   * the opening, it never takes them back.
   */
  opening: readonly StockPosition[];
  /** Every movement since the opening's instant; those after `asOf` are ignored. */
  movements: readonly MovementDoc[];
  batches: readonly BatchDoc[];
  products: readonly ProductDoc[];
  asOf: string;
  /** Absent = every site (HQ). */
  siteIds?: readonly string[];
  policy?: PolicyLookup;
  /** The zone each site keeps time in, for a date `asOf`. Default Asia/Shanghai. */
  zoneOf?: ZoneOf;
}

export interface ValuationBatchRow {
  siteId: string;
  productId: string;
  batchId: string;
  qty: number;
  unitCost: number;
  value: number;
}

export interface ValuationRow {
  siteId: string;
  productId: string;
  productName: string;
  category: string;
  costing: SitePolicy['costing'];
  qty: number;
  /** Value ÷ qty: the moving average, or the batch costs' weighted mean. */
  unitCost: number;
  value: number;
  batches: ValuationBatchRow[];
}

export interface ValuationReport {
  asOf: string;
  rows: ValuationRow[];
  bySite: Record<string, number>;
  /** Site → category → value. */
  bySiteCategory: Record<string, Record<string, number>>;
  byCategory: Record<string, number>;
  total: number;
}

interface Accumulator {
  qty: number;
  value: number;
  batches: Map<string, { qty: number; value: number }>;
}

/**
 * Rows keep full precision until the end: totals are rounded once from the unrounded sums, so
 * that they agree with the books to the cent instead of drifting by per-row rounding.
 */
export function valuationReport(input: ValuationInput): ValuationReport {
  const include = asOfPredicate(input.asOf, input.zoneOf);
  const policy = input.policy ?? (() => defaultSitePolicy);
  const batches = new Map(input.batches.map((batch) => [batch.id, batch]));
  const products = new Map(input.products.map((product) => [product.id, product]));
  const lookupBatch = (id: string) => batches.get(id);
  const sites = input.siteIds ? new Set(input.siteIds) : null;
  const acc = new Map<string, Map<string, Accumulator>>();
  const add = (key: Pick<StockPosition, 'siteId' | 'productId' | 'batchId'>, qty: number, value: number) => {
    let site = acc.get(key.siteId);
    if (!site) acc.set(key.siteId, (site = new Map()));
    let product = site.get(key.productId);
    if (!product) site.set(key.productId, (product = { qty: 0, value: 0, batches: new Map() }));
    product.qty += qty;
    product.value += value;
    const batch = product.batches.get(key.batchId) ?? { qty: 0, value: 0 };
    batch.qty += qty;
    batch.value += value;
    product.batches.set(key.batchId, batch);
  };
  const inScope = (siteId: string) => sites === null || sites.has(siteId);
  for (const position of input.opening) {
    if (inScope(position.siteId)) add(position, position.qty, positionValue(position, policy(position.siteId).costing, lookupBatch));
  }
  for (const movement of input.movements) {
    if (!affectsOnHand(movement.kind) || !inScope(movement.siteId) || !include(movement)) continue;
    add(movement, movement.qty, movementValue(movement, policy(movement.siteId).costing, lookupBatch));
  }

  const rows: ValuationRow[] = [];
  const bySite: Record<string, number> = {};
  const bySiteCategory: Record<string, Record<string, number>> = {};
  const byCategory: Record<string, number> = {};
  let total = 0;
  const siteTotals = new Map<string, number>();
  const siteCategoryTotals = new Map<string, Map<string, number>>();
  const categoryTotals = new Map<string, number>();
  for (const [siteId, site] of [...acc].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const costing = policy(siteId).costing;
    for (const [productId, product] of [...site].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const qty = roundQty(product.qty);
      if (Math.abs(qty) <= QTY_EPSILON && Math.abs(product.value) < 0.005) continue;
      const info = products.get(productId);
      const category = info?.category ?? 'uncategorised';
      rows.push({
        siteId,
        productId,
        productName: info?.name ?? productId,
        category,
        costing,
        qty,
        unitCost: Math.abs(qty) > QTY_EPSILON ? product.value / qty : 0,
        value: roundMoney(product.value),
        // By batch id: the order of first movements would depend on how far back the caller read.
        batches: [...product.batches]
          .filter(([, batch]) => Math.abs(batch.qty) > QTY_EPSILON)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([batchId, batch]) => ({
            siteId,
            productId,
            batchId,
            qty: roundQty(batch.qty),
            unitCost: batch.value / batch.qty,
            value: roundMoney(batch.value),
          })),
      });
      total += product.value;
      siteTotals.set(siteId, (siteTotals.get(siteId) ?? 0) + product.value);
      categoryTotals.set(category, (categoryTotals.get(category) ?? 0) + product.value);
      const perCategory = siteCategoryTotals.get(siteId) ?? new Map<string, number>();
      perCategory.set(category, (perCategory.get(category) ?? 0) + product.value);
      siteCategoryTotals.set(siteId, perCategory);
    }
  }
  for (const [siteId, value] of siteTotals) bySite[siteId] = roundMoney(value);
  for (const [category, value] of categoryTotals) byCategory[category] = roundMoney(value);
  for (const [siteId, perCategory] of siteCategoryTotals) {
    bySiteCategory[siteId] = Object.fromEntries([...perCategory].map(([category, value]) => [category, roundMoney(value)]));
  }
  return { asOf: input.asOf, rows, bySite, bySiteCategory, byCategory, total: roundMoney(total) };
}
