// Kitchen side of the loop, pure: the stores' open requests and the kitchen's own forecast become a
// production plan (planProduction explodes the recipes on the products), and raw materials short
// of stock become draft purchase orders, one per supplier.
import { planProduction, type ForecastPoint, type ProductionPlan, type Recipe, type StoreRequest } from '../../../shared/forecast';
import type { DocumentDoc, ProductDoc } from '../../../shared/schemas';

export function recipesOf(products: Iterable<ProductDoc>): Recipe[] {
  const recipes: Recipe[] = [];
  for (const product of products) {
    if (product.recipe) recipes.push({ outputProductId: product.id, yieldQty: product.recipe.outputQty, lines: product.recipe.lines });
  }
  return recipes;
}

/** Store requests addressed to the kitchen that it has not answered yet. */
export function openRequestsTo(kitchenId: string, documents: readonly DocumentDoc[]): DocumentDoc[] {
  return documents
    .filter(
      (document) =>
        document.type === 'store-request' &&
        document.toSiteId === kitchenId &&
        (document.status === 'submitted' || document.status === 'approved'),
    )
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** Purchase orders not yet received count as coming (drafts too: a draft made here is about to be sent). */
export function rawOnOrder(kitchenId: string, documents: readonly DocumentDoc[]): Record<string, number> {
  const onOrder: Record<string, number> = {};
  for (const document of documents) {
    if (document.type !== 'purchase-order' || document.siteId !== kitchenId) continue;
    if (document.status !== 'draft' && document.status !== 'submitted' && document.status !== 'approved') continue;
    for (const line of document.lines) onOrder[line.productId] = (onOrder[line.productId] ?? 0) + line.qty;
  }
  return onOrder;
}

/** The largest pack: suppliers quote and deliver by the case. */
export function purchasePackSize(product: Pick<ProductDoc, 'packs'>): number {
  return product.packs.reduce((largest, pack) => Math.max(largest, pack.qtyInBase), 1);
}

export interface KitchenPlanInput {
  readonly requests: readonly DocumentDoc[];
  /** The kitchen's forecast per product (shipments and recipe use), days from today. */
  readonly forecasts: ReadonlyMap<string, readonly ForecastPoint[]>;
  readonly planDays: number;
  readonly products: ReadonlyMap<string, ProductDoc>;
  readonly onHand: (productId: string) => number;
  readonly onOrder: Readonly<Record<string, number>>;
}

export function kitchenPlan(input: KitchenPlanInput): ProductionPlan {
  const storeRequests: StoreRequest[] = input.requests.flatMap((document) =>
    document.lines.map((line) => ({ storeId: document.siteId, productId: line.productId, qty: line.qty })),
  );
  const recipes = recipesOf(input.products.values());
  const madeHere = new Set(recipes.map((recipe) => recipe.outputProductId));
  // Forecast only for what the kitchen makes: raw materials follow from the recipes, not from their own history.
  const forecasts: Record<string, number> = {};
  for (const [productId, points] of input.forecasts) {
    if (!madeHere.has(productId)) continue;
    forecasts[productId] = points.slice(0, input.planDays).reduce((sum, point) => sum + point.forecast, 0);
  }
  const involved = new Set<string>([...storeRequests.map((request) => request.productId), ...Object.keys(forecasts)]);
  for (const recipe of recipes) for (const line of recipe.lines) involved.add(line.productId);
  const onHand: Record<string, number> = {};
  const packSizes: Record<string, number> = {};
  for (const productId of involved) {
    onHand[productId] = Math.max(0, input.onHand(productId));
    const product = input.products.get(productId);
    if (product) packSizes[productId] = purchasePackSize(product);
  }
  return planProduction({ storeRequests, forecasts, recipes, onHand, onOrder: input.onOrder, packSizes });
}

/** The supplier who last delivered each product to the site (from its goods receipts). */
export function lastSupplierByProduct(siteId: string, documents: readonly DocumentDoc[]): Map<string, string> {
  const latest = new Map<string, { partnerId: string; at: string }>();
  for (const document of documents) {
    if (document.type !== 'goods-receipt' || document.siteId !== siteId || document.status !== 'posted') continue;
    for (const line of document.lines) {
      const known = latest.get(line.productId);
      if (!known || known.at < document.at) latest.set(line.productId, { partnerId: document.partnerId, at: document.at });
    }
  }
  return new Map([...latest].map(([productId, entry]) => [productId, entry.partnerId]));
}
