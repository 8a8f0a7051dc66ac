/**
 * Periodic-review order-up-to replenishment (Silver, Pyke & Thomas, ch. 6) as a pure function:
 * order = demand over (lead time + review period) + safety stock − on hand − on order,
 * rounded up to whole packs and capped by what can be sold before the goods expire.
 */

/** One forecast day; the component fields (as the engine's ForecastPoint has them) feed the explanation. */
export interface DemandDay {
  readonly forecast: number;
  readonly level?: number;
  readonly weekdayFactor?: number;
  readonly holidayFactor?: number;
}

export interface OrderInput {
  /** Daily forecast starting tomorrow: forecast[0] is the first day after the order is placed. */
  readonly forecast: readonly DemandDay[];
  /** Days until an order placed today can be sold: it covers forecast[leadTimeDays…]. */
  readonly leadTimeDays: number;
  /** Days until the next order is placed. */
  readonly reviewPeriodDays: number;
  readonly safetyStock: number;
  readonly onHand: number;
  readonly onOrder: number;
  /** Order multiple (case size); 1 for loose units. */
  readonly packSize: number;
  /** Days the goods stay sellable after they arrive; omit for non-perishables. */
  readonly shelfLifeDays?: number;
}

export interface OrderExplanation {
  /** Mean of the days' normal-day level over the cover period. */
  readonly level: number;
  /** Mean weekday and holiday factors over the cover period. */
  readonly weekdayFactor: number;
  readonly holidayFactor: number;
  readonly coverDays: number;
  readonly demandOverCover: number;
  readonly safetyStock: number;
  readonly onHand: number;
  readonly onOrder: number;
  /** Cover demand + safety stock − on hand − on order, before rounding (may be negative). */
  readonly netRequirement: number;
  /** Forecast over the shelf-life days after arrival; null without a shelf life. */
  readonly shelfLifeCap: number | null;
  readonly capApplied: boolean;
}

export interface OrderSuggestion {
  readonly quantity: number;
  readonly packs: number;
  readonly explanation: OrderExplanation;
}

/** Tolerance so that 2.0000000001 packs from float sums does not order a whole extra case. */
const EPSILON = 1e-9;

function mean(days: readonly DemandDay[], pick: (day: DemandDay) => number | undefined, fallback: number): number {
  if (days.length === 0) return fallback;
  let sum = 0;
  for (const day of days) sum += pick(day) ?? fallback;
  return sum / days.length;
}

function sumForecast(days: readonly DemandDay[]): number {
  let sum = 0;
  for (const day of days) sum += day.forecast;
  return sum;
}

export function suggestOrder(input: OrderInput): OrderSuggestion {
  const { leadTimeDays, reviewPeriodDays, packSize, shelfLifeDays } = input;
  if (!Number.isInteger(leadTimeDays) || leadTimeDays < 0) throw new RangeError(`leadTimeDays must be an integer ≥ 0, got ${leadTimeDays}`);
  if (!Number.isInteger(reviewPeriodDays) || reviewPeriodDays < 1)
    throw new RangeError(`reviewPeriodDays must be an integer ≥ 1, got ${reviewPeriodDays}`);
  if (!(packSize > 0)) throw new RangeError(`packSize must be > 0, got ${packSize}`);
  const coverDays = leadTimeDays + reviewPeriodDays;
  const needDays = shelfLifeDays === undefined ? coverDays : Math.max(coverDays, leadTimeDays + shelfLifeDays);
  if (input.forecast.length < needDays)
    throw new RangeError(
      `forecast has ${input.forecast.length} days; ${needDays} are needed (lead time + review period, and shelf life after arrival)`,
    );

  const cover = input.forecast.slice(0, coverDays);
  const demandOverCover = sumForecast(cover);
  const netRequirement = demandOverCover + input.safetyStock - input.onHand - input.onOrder;
  let packs = netRequirement > EPSILON ? Math.ceil(netRequirement / packSize - EPSILON) : 0;

  // Goods arriving after the lead time can only be sold for shelfLifeDays; more than that demand is waste.
  const shelfLifeCap = shelfLifeDays === undefined ? null : sumForecast(input.forecast.slice(leadTimeDays, leadTimeDays + shelfLifeDays));
  let capApplied = false;
  if (shelfLifeCap !== null && packs * packSize > shelfLifeCap + EPSILON) {
    // Round down here: the cap is a hard "never more than can be sold", even if that is zero packs.
    packs = Math.floor(shelfLifeCap / packSize + EPSILON);
    capApplied = true;
  }
  return {
    quantity: packs * packSize,
    packs,
    explanation: {
      level: mean(cover, (day) => day.level ?? day.forecast, 0),
      weekdayFactor: mean(cover, (day) => day.weekdayFactor, 1),
      holidayFactor: mean(cover, (day) => day.holidayFactor, 1),
      coverDays,
      demandOverCover,
      safetyStock: input.safetyStock,
      onHand: input.onHand,
      onOrder: input.onOrder,
      netRequirement,
      shelfLifeCap,
      capApplied,
    },
  };
}
