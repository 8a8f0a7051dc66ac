/**
 * What the KPIs read, and the small helpers every KPI shares. A report over a date range reads
 * the stock at the start of its first day and the movements from then on, never every movement
 * ever posted (ARCHITECTURE.md, "One read model for stock"; issue 12).
 */
import type { BatchDoc, DocumentDoc, EventDoc, MovementDoc, MovementKind, ProductDoc } from '../schemas';
import { addDays, businessDateOf, defaultZoneOf, openingPositions, startOfBusinessDate, type StockPosition, type ZoneOf } from '../domain';
import type { PolicyLookup } from './valuation-report';

/** The stockout KPI counts demand on the same weekday up to four weeks before each day. */
export const STOCKOUT_DEMAND_LOOKBACK_DAYS = 28;

/** Kinds by which stock is sold or consumed (turnover's COGS, stockout demand). */
export const consumedKinds: ReadonlySet<MovementKind> = new Set<MovementKind>(['sale', 'consumption']);

export interface KpiInput {
  /**
   * Stock per (site, product, batch) at the start of business date `from`, before any of its
   * movements: `openingPositions(current, movementsSince, startOfBusinessDate(from, zone))` with
   * each site's own start of `from`. Whatever
   * looks before the range — inventory value at `to`, daily closing values, on-hand for
   * stockouts, near-expiry stock — starts from these instead of from older movements.
   */
  opening: readonly StockPosition[];
  /**
   * The movements whose business date at their site is `from` or later, i.e. whose `at` is at or
   * after `startOfBusinessDate(from, zoneOf(siteId))`. Those after `to` are ignored; any before `from` are ignored as
   * well, because `opening` already holds them.
   */
  movements: readonly MovementDoc[];
  /**
   * The `sale` and `consumption` movements of the STOCKOUT_DEMAND_LOOKBACK_DAYS business dates
   * before `from` (from `stockoutLookbackStart(from)` up to, not including, `from`). A day of the
   * range has demand when the product sold on the same weekday in the four weeks before, and no
   * opening position can say when something sold. Other kinds and dates are ignored.
   */
  salesBeforeFrom: readonly MovementDoc[];
  documents: readonly DocumentDoc[];
  batches: readonly BatchDoc[];
  products: readonly ProductDoc[];
  events: readonly EventDoc[];
  /** Inclusive business dates. */
  from: string;
  to: string;
  /** Absent = every site (HQ view). */
  siteIds?: readonly string[];
  policy?: PolicyLookup;
  /** The zone each site keeps time in: a movement is dated by its own site's calendar. Default Asia/Shanghai. */
  zoneOf?: ZoneOf;
}

/** The first business date whose sales `salesBeforeFrom` must hold. */
export function stockoutLookbackStart(from: string): string {
  return addDays(from, -STOCKOUT_DEMAND_LOOKBACK_DAYS);
}

/**
 * The stock fields of a KPI input from a terminal that still holds every movement in memory
 * (today's ledger): the opening worked back from the current positions, as a terminal reading
 * movements by index will do it. `log` may be in any order.
 */
export function kpiStockFromLog(
  current: Iterable<StockPosition>,
  log: readonly MovementDoc[],
  from: string,
  zoneOf: ZoneOf = defaultZoneOf,
): Pick<KpiInput, 'opening' | 'movements' | 'salesBeforeFrom'> {
  // Each site's day starts at its own midnight (a London store's `from` begins 8 h after Shanghai's).
  const cuts = new Map<string, { fromMs: number; lookbackMs: number }>();
  const cutOf = (siteId: string) => {
    let cut = cuts.get(siteId);
    if (!cut) {
      const zone = zoneOf(siteId);
      cut = {
        fromMs: Date.parse(startOfBusinessDate(from, zone)),
        lookbackMs: Date.parse(startOfBusinessDate(stockoutLookbackStart(from), zone)),
      };
      cuts.set(siteId, cut);
    }
    return cut;
  };
  const movements: MovementDoc[] = [];
  const salesBeforeFrom: MovementDoc[] = [];
  let earliestCut = Number.POSITIVE_INFINITY;
  for (const movement of log) {
    const at = Date.parse(movement.at);
    const cut = cutOf(movement.siteId);
    earliestCut = Math.min(earliestCut, cut.fromMs);
    if (at >= cut.fromMs) movements.push(movement);
    else if (at >= cut.lookbackMs && consumedKinds.has(movement.kind)) salesBeforeFrom.push(movement);
  }
  // `movements` holds only each site's own range, so the earliest cut undoes exactly those.
  const fromInstant = Number.isFinite(earliestCut) ? new Date(earliestCut).toISOString() : startOfBusinessDate(from, zoneOf(''));
  return { opening: openingPositions(current, movements, fromInstant), movements, salesBeforeFrom };
}

export const ratio = (numerator: number, denominator: number): number | null =>
  Math.abs(denominator) < 1e-9 ? null : numerator / denominator;

export function scope(input: Pick<KpiInput, 'siteIds'>): (siteId: string) => boolean {
  const sites = input.siteIds ? new Set(input.siteIds) : null;
  return (siteId) => sites === null || sites.has(siteId);
}

/** Reports read each movement's date in many passes; work it out once per movement (and zone). */
const movementDates = new WeakMap<object, { zone: string; date: string }>();
/** A movement's business date at its own site. */
export function dateOf(movement: Pick<MovementDoc, 'at' | 'siteId'>, zoneOf: ZoneOf = defaultZoneOf): string {
  const zone = zoneOf(movement.siteId);
  let known = movementDates.get(movement);
  if (known === undefined || known.zone !== zone) {
    known = { zone, date: businessDateOf(movement.at, zone) };
    movementDates.set(movement, known);
  }
  return known.date;
}

/** Whether a movement falls on a business date of the range (`from` to `to` inclusive) at its site. */
export function inRange(input: Pick<KpiInput, 'from' | 'to' | 'zoneOf'>, movement: Pick<MovementDoc, 'at' | 'siteId'>): boolean {
  const date = dateOf(movement, input.zoneOf);
  return date >= input.from && date <= input.to;
}

/** Every business date from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** Value out of stock by the movements of these kinds in range (positive = stock left). */
export function valueOut(
  input: KpiInput,
  kinds: ReadonlySet<MovementKind>,
  filter: (movement: MovementDoc) => boolean = () => true,
): number {
  const inScope = scope(input);
  let value = 0;
  for (const movement of input.movements) {
    if (!kinds.has(movement.kind) || !inScope(movement.siteId) || !inRange(input, movement) || !filter(movement)) continue;
    value -= movement.qty * movement.unitCost;
  }
  return value;
}
