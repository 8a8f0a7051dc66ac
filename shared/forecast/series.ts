import { businessDateOf, DEFAULT_SITE_TIME_ZONE, type ZoneOf } from '../domain';
import { dayNumberOf, isoDateOf, parseIsoDate } from './dates';

/** One day of demand for one (site, product) series. */
export interface DailyPoint {
  readonly date: string;
  readonly qty: number;
}

/** A dense daily series: values[i] is the demand on day `startDay + i`. */
export interface DenseSeries {
  readonly startDay: number;
  readonly values: Float64Array;
}

/**
 * Sorts points, sums duplicates and fills missing days with 0 (no record = no sale).
 * `endDate` extends the series with zeros up to that day, so a product that stopped selling
 * is forecast from the same origin as the rest.
 */
export function toDenseSeries(points: readonly DailyPoint[], endDate?: string): DenseSeries {
  let first = Infinity;
  let last = -Infinity;
  const days = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    const day = parseIsoDate(point.date);
    if (day === undefined) throw new RangeError(`point ${i}: not a calendar date (YYYY-MM-DD): "${point.date}"`);
    if (!Number.isFinite(point.qty)) throw new RangeError(`point ${i} (${point.date}): quantity is not a finite number`);
    days[i] = day;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  if (endDate !== undefined) last = Math.max(last, dayNumberOf(endDate));
  // No history: an empty series whose next day is the day after endDate (or 1970-01-01 without one).
  if (points.length === 0) return { startDay: endDate === undefined ? 0 : last + 1, values: new Float64Array(0) };
  const values = new Float64Array(last - first + 1);
  for (let i = 0; i < points.length; i++) values[days[i]! - first] += points[i]!.qty;
  return { startDay: first, values };
}

/** The same series back as `{date, qty}` rows, one per day. */
export function fromDenseSeries(series: DenseSeries): DailyPoint[] {
  return Array.from(series.values, (qty, i) => ({ date: isoDateOf(series.startDay + i), qty }));
}

/** Fills missing days with 0 and merges duplicate dates; the engine does this itself. */
export function fillMissingDays(points: readonly DailyPoint[], endDate?: string): DailyPoint[] {
  return fromDenseSeries(toDenseSeries(points, endDate));
}

export type DemandMovementKind = 'sale' | 'production-consume';

/** The fields of a stock movement that demand forecasting needs. */
export interface DemandMovement {
  readonly siteId: string;
  readonly productId: string;
  readonly kind: DemandMovementKind | (string & {});
  /** Signed stock change: negative = stock consumed (sold or used in production). */
  readonly qty: number;
  /** ISO timestamp (with offset or Z) or epoch milliseconds. */
  readonly at: string | number;
}

export interface SiteProductSeries {
  readonly siteId: string;
  readonly productId: string;
  readonly points: DailyPoint[];
}

export interface MovementsToSeriesOptions {
  /** The zone each site keeps time in: a movement's day is its site's business date (default Asia/Shanghai). */
  readonly zoneOf?: ZoneOf;
  /** Extend every series with zeros up to this date (default: the latest day seen in any series). */
  readonly endDate?: string;
}

const DEMAND_KINDS: ReadonlySet<string> = new Set<DemandMovementKind>(['sale', 'production-consume']);

/**
 * Turns stock movements into daily demand per (site, product): demand = −qty summed per local
 * day, so a positive `sale` (a customer return) reduces that day's demand. A day whose returns
 * exceed its sales counts as 0, because negative demand would drag the level of every model
 * below what is actually sold. Other kinds (receipts, transfers, waste) are ignored: they are not demand.
 */
export function movementsToDailySeries(movements: readonly DemandMovement[], options: MovementsToSeriesOptions = {}): SiteProductSeries[] {
  const zoneOf = options.zoneOf ?? ((): string => DEFAULT_SITE_TIME_ZONE);
  const bySeries = new Map<string, { siteId: string; productId: string; days: Map<number, number> }>();
  let latest = -Infinity;
  for (const movement of movements) {
    if (!DEMAND_KINDS.has(movement.kind)) continue;
    const ms = typeof movement.at === 'number' ? movement.at : Date.parse(movement.at);
    if (!Number.isFinite(ms))
      throw new RangeError(`movement for ${movement.siteId}/${movement.productId}: bad timestamp "${String(movement.at)}"`);
    const instant = typeof movement.at === 'number' ? new Date(ms).toISOString() : movement.at;
    const day = dayNumberOf(businessDateOf(instant, zoneOf(movement.siteId)));
    const key = `${movement.siteId}\u0000${movement.productId}`;
    let entry = bySeries.get(key);
    if (!entry) {
      entry = { siteId: movement.siteId, productId: movement.productId, days: new Map() };
      bySeries.set(key, entry);
    }
    entry.days.set(day, (entry.days.get(day) ?? 0) - movement.qty);
    if (day > latest) latest = day;
  }
  const endDay = options.endDate === undefined ? latest : dayNumberOf(options.endDate);
  const result: SiteProductSeries[] = [];
  for (const { siteId, productId, days } of bySeries.values()) {
    const first = Math.min(...days.keys());
    const points: DailyPoint[] = [];
    for (let day = first; day <= endDay; day++) points.push({ date: isoDateOf(day), qty: Math.max(0, days.get(day) ?? 0) });
    result.push({ siteId, productId, points });
  }
  return result;
}
