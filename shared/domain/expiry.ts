import type { BatchDoc, ProductDoc } from '../schemas';
import { addDays, businessDateOf, daysBetween } from './dates';
import { DEFAULT_SITE_TIME_ZONE } from './site-time';

export type ExpiryStatus = 'ok' | 'near-expiry' | 'expired';

export interface ComputedExpiry {
  expiryDate?: string;
  expiresAt?: string;
}

/**
 * Expiry from production date and shelf life: usable through `productionDate + shelfLifeDays`.
 * With a shelf life in hours the exact instant is kept too (prepared food made in the morning
 * and thrown away at night), counted from `producedAt`, and `expiryDate` is the last site day on
 * which it is usable at all: one ending at 00:00 is dated the day before, so a screen that knows
 * only the business date also shows it expired from that midnight.
 */
export function computeExpiry(
  product: ProductDoc,
  productionDate: string,
  producedAt?: string,
  timeZone: string = DEFAULT_SITE_TIME_ZONE,
): ComputedExpiry {
  const days = product.shelfLifeDays;
  const hours = product.shelfLifeHours ?? 0;
  if (days === undefined && hours === 0) return {};
  if (hours > 0 && producedAt) {
    const expiresAtMs = Date.parse(producedAt) + ((days ?? 0) * 24 + hours) * 3_600_000;
    const expiresAt = new Date(expiresAtMs).toISOString();
    const lastUsable = new Date(expiresAtMs - 1).toISOString();
    return { expiryDate: businessDateOf(lastUsable, timeZone), expiresAt };
  }
  return { expiryDate: addDays(productionDate, (days ?? 0) + Math.floor(hours / 24)) };
}

/** Expired means the expiry date is before the business date (DOMAIN.md); from `expiresAt` on for hour shelf lives. */
export function isExpired(batch: Pick<BatchDoc, 'expiryDate' | 'expiresAt'>, businessDate: string, at?: string): boolean {
  if (batch.expiresAt !== undefined && at !== undefined) return Date.parse(at) >= Date.parse(batch.expiresAt);
  return batch.expiryDate !== undefined && batch.expiryDate < businessDate;
}

export function expiryStatus(
  batch: Pick<BatchDoc, 'expiryDate' | 'expiresAt'>,
  product: Pick<ProductDoc, 'nearExpiryDays'>,
  businessDate: string,
  at?: string,
): ExpiryStatus {
  if (isExpired(batch, businessDate, at)) return 'expired';
  if (batch.expiryDate === undefined) return 'ok';
  return daysBetween(businessDate, batch.expiryDate) <= product.nearExpiryDays ? 'near-expiry' : 'ok';
}

export interface ExpiryAlert {
  siteId: string;
  productId: string;
  batchId: string;
  expiryDate: string;
  status: Exclude<ExpiryStatus, 'ok'>;
  onHand: number;
  value: number;
  daysLeft: number;
}

/** Near-expiry and expired stock at one site (临期/过期 list), soonest first. */
export function expiryAlerts(
  stock: Iterable<{ siteId: string; productId: string; batchId: string; qty: number; value: number }>,
  lookup: { batch(id: string): BatchDoc | undefined; product(id: string): ProductDoc | undefined },
  businessDate: string,
): ExpiryAlert[] {
  const alerts: ExpiryAlert[] = [];
  for (const position of stock) {
    if (position.qty <= 0) continue;
    const batch = lookup.batch(position.batchId);
    const product = lookup.product(position.productId);
    if (!batch || !product || batch.expiryDate === undefined) continue;
    const status = expiryStatus(batch, product, businessDate);
    if (status === 'ok') continue;
    alerts.push({
      siteId: position.siteId,
      productId: position.productId,
      batchId: position.batchId,
      expiryDate: batch.expiryDate,
      status,
      onHand: position.qty,
      value: position.value,
      daysLeft: daysBetween(businessDate, batch.expiryDate),
    });
  }
  return alerts.sort((a, b) => (a.expiryDate < b.expiryDate ? -1 : a.expiryDate > b.expiryDate ? 1 : a.batchId < b.batchId ? -1 : 1));
}
