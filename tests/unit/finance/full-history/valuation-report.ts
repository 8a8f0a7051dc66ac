// Frozen copy of shared/finance/valuation-report.ts as it stood at 41090c3, before issue 12: the full-history
// computation (every movement ever posted) that the range functions must still equal. Only
// imports and comments were changed; do not edit, it is the oracle of kpi-range.property.test.ts.
import type { BatchDoc, MovementDoc, ProductDoc } from '../../../../shared/schemas';
import {
  affectsOnHand,
  businessDateOf,
  defaultSitePolicy,
  QTY_EPSILON,
  roundMoney,
  roundQty,
  type SitePolicy,
} from '../../../../shared/domain';

export type PolicyLookup = (siteId: string) => SitePolicy;

export function asOfPredicate(asOf: string): (movement: Pick<MovementDoc, 'at'>) => boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return (movement) => businessDateOf(movement.at) <= asOf;
  const cutoff = Date.parse(asOf);
  if (Number.isNaN(cutoff)) throw new RangeError(`Not a business date or instant: ${asOf}`);
  return (movement) => Date.parse(movement.at) <= cutoff;
}

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

export interface ValuationInput {
  movements: readonly MovementDoc[];
  batches: readonly BatchDoc[];
  products: readonly ProductDoc[];
  asOf: string;
  siteIds?: readonly string[];
  policy?: PolicyLookup;
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
  unitCost: number;
  value: number;
  batches: ValuationBatchRow[];
}

export interface ValuationReport {
  asOf: string;
  rows: ValuationRow[];
  bySite: Record<string, number>;
  bySiteCategory: Record<string, Record<string, number>>;
  byCategory: Record<string, number>;
  total: number;
}

interface Accumulator {
  qty: number;
  value: number;
  batches: Map<string, { qty: number; value: number }>;
}

export function valuationReport(input: ValuationInput): ValuationReport {
  const include = asOfPredicate(input.asOf);
  const policy = input.policy ?? (() => defaultSitePolicy);
  const batches = new Map(input.batches.map((batch) => [batch.id, batch]));
  const products = new Map(input.products.map((product) => [product.id, product]));
  const lookupBatch = (id: string) => batches.get(id);
  const sites = input.siteIds ? new Set(input.siteIds) : null;
  const acc = new Map<string, Map<string, Accumulator>>();
  for (const movement of input.movements) {
    if (!affectsOnHand(movement.kind) || (sites !== null && !sites.has(movement.siteId)) || !include(movement)) continue;
    let site = acc.get(movement.siteId);
    if (!site) acc.set(movement.siteId, (site = new Map()));
    let product = site.get(movement.productId);
    if (!product) site.set(movement.productId, (product = { qty: 0, value: 0, batches: new Map() }));
    const value = movementValue(movement, policy(movement.siteId).costing, lookupBatch);
    product.qty += movement.qty;
    product.value += value;
    const batch = product.batches.get(movement.batchId) ?? { qty: 0, value: 0 };
    batch.qty += movement.qty;
    batch.value += value;
    product.batches.set(movement.batchId, batch);
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
        batches: [...product.batches]
          .filter(([, batch]) => Math.abs(batch.qty) > QTY_EPSILON)
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
