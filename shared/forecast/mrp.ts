/**
 * MRP-lite for a central kitchen (Orlicky-style explosion, one period): store requests and
 * forecasts set the demand for kitchen-made products, recipes explode production into
 * ingredients level by level (low-level coding, so a sauce used by two dishes is netted once
 * against its stock), and raw materials net of stock become purchase suggestions in whole packs.
 */

export interface RecipeLine {
  readonly productId: string;
  /** Quantity per batch of the recipe. */
  readonly qty: number;
}

export interface Recipe {
  readonly outputProductId: string;
  /** Output of one batch. Production is planned in whole batches. */
  readonly yieldQty: number;
  readonly lines: readonly RecipeLine[];
}

export interface StoreRequest {
  readonly storeId?: string;
  readonly productId: string;
  readonly qty: number;
}

export interface ProductionPlanInput {
  readonly storeRequests: readonly StoreRequest[];
  /** Forecast demand per kitchen-made product over the plan period. */
  readonly forecasts?: Readonly<Record<string, number>>;
  readonly recipes: readonly Recipe[];
  /** Stock per product: finished, intermediate and raw. */
  readonly onHand?: Readonly<Record<string, number>>;
  /** Raw material already ordered and due within the period. */
  readonly onOrder?: Readonly<Record<string, number>>;
  /** Purchase pack size per raw material (default 1). */
  readonly packSizes?: Readonly<Record<string, number>>;
}

export interface ProductionLine {
  readonly productId: string;
  /** Requests/forecast for finished goods, plus what parent recipes consume for intermediates. */
  readonly demand: number;
  readonly onHand: number;
  readonly batches: number;
  readonly plannedQty: number;
}

export interface MaterialRequirement {
  readonly productId: string;
  readonly gross: number;
  readonly onHand: number;
  readonly onOrder: number;
  readonly net: number;
}

export interface PurchaseSuggestion {
  readonly productId: string;
  readonly qty: number;
  readonly packs: number;
  readonly packSize: number;
}

export interface ProductionPlan {
  readonly production: readonly ProductionLine[];
  readonly requirements: readonly MaterialRequirement[];
  readonly purchases: readonly PurchaseSuggestion[];
}

const EPSILON = 1e-9;

/** Depth of each product in the recipe graph (0 = only ordered, never an ingredient of a deeper use). */
function lowLevelCodes(recipes: ReadonlyMap<string, Recipe>, roots: Iterable<string>): Map<string, number> {
  const codes = new Map<string, number>();
  const visit = (productId: string, depth: number, path: Set<string>): void => {
    if (path.has(productId)) throw new RangeError(`recipe cycle through ${[...path, productId].join(' → ')}`);
    if ((codes.get(productId) ?? -1) >= depth) return;
    codes.set(productId, depth);
    const recipe = recipes.get(productId);
    if (!recipe) return;
    path.add(productId);
    for (const line of recipe.lines) visit(line.productId, depth + 1, path);
    path.delete(productId);
  };
  for (const root of roots) visit(root, 0, new Set());
  return codes;
}

export function planProduction(input: ProductionPlanInput): ProductionPlan {
  const recipes = new Map<string, Recipe>();
  for (const recipe of input.recipes) {
    if (!(recipe.yieldQty > 0)) throw new RangeError(`recipe ${recipe.outputProductId}: yieldQty must be > 0`);
    recipes.set(recipe.outputProductId, recipe);
  }
  const requested = new Map<string, number>();
  for (const request of input.storeRequests) requested.set(request.productId, (requested.get(request.productId) ?? 0) + request.qty);
  // Forecast consumption: firm requests use up the forecast, so demand = max(requests, forecast),
  // not their sum — the requests are part of the demand the forecast predicted.
  const gross = new Map<string, number>();
  for (const productId of new Set([...requested.keys(), ...Object.keys(input.forecasts ?? {})])) {
    gross.set(productId, Math.max(requested.get(productId) ?? 0, input.forecasts?.[productId] ?? 0));
  }
  const codes = lowLevelCodes(recipes, gross.keys());
  const ordered = [...codes.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([productId]) => productId);

  const production: ProductionLine[] = [];
  const requirements: MaterialRequirement[] = [];
  const purchases: PurchaseSuggestion[] = [];
  for (const productId of ordered) {
    const demand = gross.get(productId) ?? 0;
    const onHand = input.onHand?.[productId] ?? 0;
    const recipe = recipes.get(productId);
    if (recipe) {
      const net = Math.max(0, demand - onHand);
      const batches = net > EPSILON ? Math.ceil(net / recipe.yieldQty - EPSILON) : 0;
      production.push({ productId, demand, onHand, batches, plannedQty: batches * recipe.yieldQty });
      for (const line of recipe.lines) gross.set(line.productId, (gross.get(line.productId) ?? 0) + batches * line.qty);
      continue;
    }
    const onOrder = input.onOrder?.[productId] ?? 0;
    const net = Math.max(0, demand - onHand - onOrder);
    requirements.push({ productId, gross: demand, onHand, onOrder, net });
    if (net > EPSILON) {
      const packSize = input.packSizes?.[productId] ?? 1;
      const packs = Math.ceil(net / packSize - EPSILON);
      purchases.push({ productId, qty: packs * packSize, packs, packSize });
    }
  }
  return { production, requirements, purchases };
}
