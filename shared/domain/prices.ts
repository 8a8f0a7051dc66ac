/**
 * Sale prices (价目表, issue 14): each product carries its price list — entries of a price per base
 * unit, from a business date on, for one store or (without `siteId`) for every store. HQ writes
 * it with the product; every site reads it. On a business date a store's price is the latest of
 * its own entries from on or before that date; without one, the latest entry for every store.
 * A customer may have agreed prices of its own (协议价, partners v5 `prices`): its orders and
 * sales on account take the latest of those first, then the store's list (issue 17).
 */
import type { PartnerDoc, ProductDoc } from '../schemas';
import { NoSalePriceError } from './errors';

export type SalePriceEntry = NonNullable<ProductDoc['salePrices']>[number];

function latestFrom(entries: readonly SalePriceEntry[], businessDate: string): SalePriceEntry | undefined {
  let best: SalePriceEntry | undefined;
  for (const entry of entries) if (entry.from <= businessDate && (!best || entry.from >= best.from)) best = entry;
  return best;
}

/** The price in force for `siteId` on `businessDate`, or undefined when the list has none. */
export function salePriceOn(product: Pick<ProductDoc, 'salePrices'>, siteId: string, businessDate: string): number | undefined {
  const entries = product.salePrices ?? [];
  const own = latestFrom(
    entries.filter((entry) => entry.siteId === siteId),
    businessDate,
  );
  return (
    own ??
    latestFrom(
      entries.filter((entry) => entry.siteId === undefined),
      businessDate,
    )
  )?.price;
}

/** The price in force, or a NoSalePriceError naming the product, store and date. */
export function requireSalePrice(product: Pick<ProductDoc, 'id' | 'salePrices'>, siteId: string, businessDate: string): number {
  const price = salePriceOn(product, siteId, businessDate);
  if (price === undefined || price <= 0) throw new NoSalePriceError(product.id, siteId, businessDate);
  return price;
}

/** A customer's agreed price for `productId` in force on `businessDate`, or undefined. */
export function agreedPriceOn(
  customer: Pick<PartnerDoc, 'prices'> | undefined,
  productId: string,
  businessDate: string,
): number | undefined {
  let best: { price: number; from: string } | undefined;
  for (const entry of customer?.prices ?? [])
    if (entry.productId === productId && entry.from <= businessDate && (!best || entry.from >= best.from)) best = entry;
  return best?.price;
}

/** What a customer pays (its agreed price, else the store's list), or undefined when neither has one. */
export function customerPriceOn(
  product: Pick<ProductDoc, 'id' | 'salePrices'>,
  customer: Pick<PartnerDoc, 'prices'> | undefined,
  siteId: string,
  businessDate: string,
): number | undefined {
  return agreedPriceOn(customer, product.id, businessDate) ?? salePriceOn(product, siteId, businessDate);
}

/** The customer's price in force, or a NoSalePriceError naming the product, store and date. */
export function requireCustomerPrice(
  product: Pick<ProductDoc, 'id' | 'salePrices'>,
  customer: Pick<PartnerDoc, 'prices'> | undefined,
  siteId: string,
  businessDate: string,
): number {
  const price = customerPriceOn(product, customer, siteId, businessDate);
  if (price === undefined || price <= 0) throw new NoSalePriceError(product.id, siteId, businessDate);
  return price;
}
