// Hints beside each requested product: on-hand now, the par level when the site has one
// (config key `par-levels`), else the average daily use over the last 14 days from sale and
// consumption movements — so the store manager orders from figures, not from memory.
import type { ConfigDoc, MovementDoc } from '../../../shared/schemas';
import { addDays, businessDateOf } from '../../../shared/domain';
import { siteTimeZoneNow } from '../../state/site-clock-store';

export const useWindowDays = 14;

/** Average base units used per day per product at a site over the `days` before `today`. */
export function averageDailyUse(
  movements: Iterable<MovementDoc>,
  siteId: string,
  today: string,
  days = useWindowDays,
): Map<string, number> {
  const from = addDays(today, -days);
  const used = new Map<string, number>();
  const zone = siteTimeZoneNow();
  for (const movement of movements) {
    if (movement.siteId !== siteId || (movement.kind !== 'sale' && movement.kind !== 'consumption')) continue;
    const day = businessDateOf(movement.at, zone); // the site's day, not UTC's
    if (day < from || day >= today) continue;
    used.set(movement.productId, (used.get(movement.productId) ?? 0) - movement.qty);
  }
  for (const [productId, total] of used) used.set(productId, Math.max(0, total) / days);
  return used;
}

/**
 * Par levels from the `par-levels` config of the site (or the organisation's): accepts
 * `{ levels: { productId: qty } }` or `{ productId: qty }`.
 */
export function parLevels(configs: readonly ConfigDoc[], siteId: string): Map<string, number> {
  const levels = new Map<string, number>();
  const relevant = configs.filter((c) => c.key === 'par-levels' && (c.siteId === undefined || c.siteId === siteId));
  // Organisation-wide first, so the site's own levels override them.
  relevant.sort((a, b) => (a.siteId === undefined ? -1 : 0) - (b.siteId === undefined ? -1 : 0));
  for (const config of relevant) {
    const value = config.value as Record<string, unknown>;
    const source = typeof value.levels === 'object' && value.levels !== null ? (value.levels as Record<string, unknown>) : value;
    for (const [productId, qty] of Object.entries(source)) if (typeof qty === 'number' && qty >= 0) levels.set(productId, qty);
  }
  return levels;
}

/** Suggested quantity to request: up to par, else enough for `coverDays` of average use. */
export function suggestedQty(onHand: number, par: number | undefined, dailyUse: number | undefined, coverDays = 3): number {
  const target = par ?? (dailyUse !== undefined ? dailyUse * coverDays : 0);
  return Math.max(0, Math.ceil(target - onHand));
}
