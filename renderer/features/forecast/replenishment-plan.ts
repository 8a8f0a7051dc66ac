// Pure pieces of the suggestion → confirmation → order loop: what is already on its way, the
// order suggestion per product with its explanation. What a confirmation writes is the
// `request.submit` command's (shared/commands); no React and no database here.
import { safetyStock, suggestOrder, type ForecastPoint, type OrderSuggestion } from '../../../shared/forecast';
import { isShipmentType, type DocumentDoc, type ProductDoc } from '../../../shared/schemas';

/** Requests the kitchen has not answered yet still count as coming. */
const OPEN_REQUEST_STATUSES: ReadonlySet<string> = new Set(['submitted', 'approved']);

function addTo(map: Map<string, number>, productId: string, qty: number): void {
  map.set(productId, (map.get(productId) ?? 0) + qty);
}

/**
 * Quantity per product already on its way to `storeId`: its open requests to the kitchen, and
 * dispatches shipped to it that it has not received yet (no store receipt answers them).
 */
export function onOrderForStore(storeId: string, documents: readonly DocumentDoc[]): Map<string, number> {
  const received = new Set<string>();
  for (const document of documents) {
    if (document.type === 'store-receipt' && document.siteId === storeId) received.add(document.dispatchId);
  }
  const onOrder = new Map<string, number>();
  for (const document of documents) {
    const openRequest = document.type === 'store-request' && document.siteId === storeId && OPEN_REQUEST_STATUSES.has(document.status);
    const inTransit =
      isShipmentType(document.type) && document.toSiteId === storeId && document.status === 'shipped' && !received.has(document.id);
    if (!openRequest && !inTransit) continue;
    for (const line of document.lines) addTo(onOrder, line.productId, line.qty);
  }
  return onOrder;
}

export interface OrderPack {
  readonly unit: string;
  readonly size: number;
}

/**
 * The unit a store orders in: the smallest pack with a barcode (a real box or bag the kitchen
 * ships; kg and L are measures, not packs), else the smallest pack, else the base unit.
 */
export function orderPackOf(product: Pick<ProductDoc, 'packs' | 'baseUnit'>): OrderPack {
  const bySize = [...product.packs].sort((a, b) => a.qtyInBase - b.qtyInBase);
  const pack = bySize.find((candidate) => candidate.barcode) ?? bySize[0];
  return pack ? { unit: pack.unit, size: pack.qtyInBase } : { unit: product.baseUnit, size: 1 };
}

/** Shelf life for the cap, when the forecast reaches far enough to apply it. */
export function capShelfLifeDays(
  product: Pick<ProductDoc, 'perishable' | 'shelfLifeDays'>,
  leadTimeDays: number,
  forecastDays: number,
): number | undefined {
  if (!product.perishable || product.shelfLifeDays === undefined) return undefined;
  // A same-day product (shelf life in hours only) still sells for the day it arrives.
  const days = Math.max(1, product.shelfLifeDays);
  return leadTimeDays + days <= forecastDays ? days : undefined;
}

export interface ReplenishmentSettings {
  readonly leadTimeDays: number;
  readonly reviewPeriodDays: number;
  /** Cycle service level for the safety stock, e.g. 0.95. */
  readonly serviceLevel: number;
}

export interface Suggestion {
  readonly productId: string;
  readonly pack: OrderPack;
  readonly shelfLifeDays: number | undefined;
  readonly order: OrderSuggestion;
}

export interface SuggestionInput {
  readonly productId: string;
  /** Forecast days starting today: on-hand must still serve the rest of today's trade. */
  readonly points: readonly ForecastPoint[];
}

export function buildSuggestions(
  series: readonly SuggestionInput[],
  products: ReadonlyMap<string, ProductDoc>,
  onHand: (productId: string) => number,
  onOrder: ReadonlyMap<string, number>,
  settings: ReplenishmentSettings,
): Suggestion[] {
  const coverDays = settings.leadTimeDays + settings.reviewPeriodDays;
  const suggestions: Suggestion[] = [];
  for (const entry of series) {
    const product = products.get(entry.productId);
    if (!product || entry.points.length < coverDays) continue;
    const pack = orderPackOf(product);
    const shelfLifeDays = capShelfLifeDays(product, settings.leadTimeDays, entry.points.length);
    const order = suggestOrder({
      forecast: entry.points,
      leadTimeDays: settings.leadTimeDays,
      reviewPeriodDays: settings.reviewPeriodDays,
      safetyStock: safetyStock(entry.points.slice(0, coverDays), settings.serviceLevel),
      onHand: Math.max(0, onHand(entry.productId)),
      onOrder: onOrder.get(entry.productId) ?? 0,
      packSize: pack.size,
      ...(shelfLifeDays === undefined ? {} : { shelfLifeDays }),
    });
    suggestions.push({ productId: entry.productId, pack, shelfLifeDays, order });
  }
  // Something to order first, the biggest first; the "nothing needed" rows stay visible below.
  return suggestions.sort((a, b) => b.order.packs - a.order.packs || a.productId.localeCompare(b.productId));
}
