/** Row shapes of the demo catalog tables (catalog-fresh.ts, catalog-pantry.ts, catalog-recipes.ts). */

/** A = ambient, C = chilled, F = frozen (the schema's storage classes). */
export type StorageCode = 'A' | 'C' | 'F';

/**
 * One raw product: [中文名, English name, base unit, packs, contract price per largest pack (元),
 * shelf life days (0 = none), near-expiry window days, storage, use per store per weekday in
 * largest packs (0 = kitchen only)].
 *
 * Packs read left to right, each counted in the one before: `瓶500 箱12` is a 500 ml bottle and
 * a case of 12 bottles; the first pack is also what the kitchen ships in.
 */
export type RawRow = readonly [
  zh: string,
  en: string,
  baseUnit: string,
  packs: string,
  packPrice: number,
  shelfLifeDays: number,
  nearExpiryDays: number,
  storage: StorageCode,
  storeUsePacks: number,
];

/** How a store takes stock out: over the till (销售, with revenue) or used in its kitchen (消耗). */
export type StoreChannel = 'sale' | 'consumption';

export interface CategoryTable {
  /** Stored in `products.category`. */
  key: string;
  zh: string;
  en: string;
  /** SKU prefix. */
  code: string;
  /** Partner code of the supplier that delivers this category. */
  supplier: string;
  channel: StoreChannel;
  /** Menu price ÷ cost for till sales. */
  markup: number;
  rows: readonly RawRow[];
}

/** A kitchen semi-finished product (半成品) made by recipe from raw products named in Chinese. */
export interface SemiRow {
  zh: string;
  en: string;
  baseUnit: 'g' | 'ml';
  packs: string;
  /** Base units one recipe makes. */
  outputQty: number;
  shelfLifeDays: number;
  /** Prepared food kept by the hour (e.g. salads): expiry counted from the production instant. */
  shelfLifeHours?: number;
  nearExpiryDays: number;
  storeUsePacks: number;
  /** [raw product 中文名, base units per recipe]. */
  lines: readonly (readonly [string, number])[];
}
