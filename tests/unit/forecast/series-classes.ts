/**
 * The kinds of demand series the engine must beat the hand-made baselines on (issue 18), seeded so
 * the bench and the tests see the same data: smooth weekly-seasonal, trending, level-shifted,
 * intermittent, low-volume and holiday-affected. Each comes with the rolling origins (index of the
 * last history day) it is scored from; every origin is followed by at least `HORIZON` days.
 */
import { chinaHolidayCalendar, dayNumberOf } from '../../../shared/forecast';
import { expectedDemand, gaussian, seededRandom, syntheticValues, type SyntheticSpec } from './synthetic';

export const HORIZON = 14;
export const ORIGINS = 3;

export type SeriesClass = 'smooth' | 'trending' | 'level-shift' | 'intermittent' | 'low-volume' | 'holiday';
export const SERIES_CLASSES: readonly SeriesClass[] = ['smooth', 'trending', 'level-shift', 'intermittent', 'low-volume', 'holiday'];

export interface ClassSeries {
  readonly id: string;
  readonly seriesClass: SeriesClass;
  readonly start: string;
  readonly values: readonly number[];
  /** Index of the last history day of each scored forecast. */
  readonly origins: readonly number[];
  /** Category of the product, for category-level holiday effects. */
  readonly category: string;
}

const START = '2023-01-02';
const HISTORY_DAYS = 730;
const WEEKLY_SHAPES: readonly (readonly number[])[] = [
  [1.4, 0.8, 0.85, 0.9, 1.0, 1.25, 1.5],
  [1.1, 0.95, 0.95, 1.0, 1.0, 1.05, 1.15],
  [0.6, 1.1, 1.15, 1.15, 1.1, 1.1, 0.7],
];

/** Origins at the ends of the last `ORIGINS` non-overlapping 14-day windows of a series of `length` days. */
function trailingOrigins(length: number): number[] {
  return Array.from({ length: ORIGINS }, (_, k) => length - 1 - (ORIGINS - k) * HORIZON);
}

function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
  const limit = Math.exp(-mean);
  let product = random();
  let count = 0;
  while (product > limit) {
    product *= random();
    count++;
  }
  return count;
}

function between(random: () => number, low: number, high: number): number {
  return low + (high - low) * random();
}

const HOLIDAY_ORIGIN_DATES = ['2024-09-25', '2025-01-22', '2025-04-24'];
/** Category holiday multipliers; each product varies around its category's. */
const CATEGORY_HOLIDAYS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  snacks: { 'spring-festival': 1.6, 'national-day': 1.5, 'labour-day': 1.3, 'mid-autumn': 1.4, 'new-year': 1.2 },
  office: { 'spring-festival': 0.4, 'national-day': 0.5, 'labour-day': 0.6, 'mid-autumn': 0.8, qingming: 0.8, 'dragon-boat': 0.8 },
};

function makeSeries(seriesClass: SeriesClass, index: number): ClassSeries {
  const seed = 7919 * (SERIES_CLASSES.indexOf(seriesClass) + 1) + index;
  const random = seededRandom(seed ^ 0x5bd1e995);
  const weekly = WEEKLY_SHAPES[index % WEEKLY_SHAPES.length]!;
  const id = `${seriesClass}-${String(index).padStart(4, '0')}`;
  const days = HISTORY_DAYS + ORIGINS * HORIZON;
  const level = Math.round(between(random, 20, 200));
  const base = { id, seriesClass, start: START, origins: trailingOrigins(days), category: 'general' };
  switch (seriesClass) {
    case 'smooth':
      return { ...base, values: syntheticValues({ seed, start: START, days, level, weekly, noiseSd: level * between(random, 0.08, 0.2) }) };
    case 'trending': {
      const growth = (random() < 0.5 ? -1 : 1) * between(random, 0.4, 0.7);
      const spec: SyntheticSpec = { seed, start: START, days, level, weekly, trendPerDay: (level * growth) / days, noiseSd: level * 0.1 };
      // The trend is in the level; noise stays proportional to the starting level.
      return { ...base, values: syntheticValues(growth < 0 ? { ...spec, level: level * 1.2 } : spec) };
    }
    case 'level-shift': {
      const firstOrigin = base.origins[0]!;
      const shiftAt = firstOrigin - Math.round(between(random, 21, 120));
      const factor = random() < 0.5 ? between(random, 0.5, 0.7) : between(random, 1.4, 1.8);
      const spec: SyntheticSpec = { seed, start: START, days, level, weekly, noiseSd: level * 0.12 };
      const shiftRandom = seededRandom(seed + 1);
      const values = Array.from({ length: days }, (_, i) => {
        const expected = expectedDemand(spec, i) * (i >= shiftAt ? factor : 1);
        return Math.max(0, Math.round(expected + level * 0.12 * gaussian(shiftRandom)));
      });
      return { ...base, values };
    }
    case 'intermittent': {
      const probability = between(random, 0.08, 0.45);
      const size = between(random, 1, 6);
      return { ...base, values: syntheticValues({ seed, start: START, days, level: size, demandProbability: probability }) };
    }
    case 'low-volume': {
      const mean = between(random, 1.5, 6);
      const spec: SyntheticSpec = { seed, start: START, days, level: mean, weekly };
      const countRandom = seededRandom(seed + 2);
      return { ...base, values: Array.from({ length: days }, (_, i) => poisson(countRandom, expectedDemand(spec, i))) };
    }
    case 'holiday': {
      const category = index % 2 === 0 ? 'snacks' : 'office';
      const holidayFactors: Record<string, number> = {};
      for (const [name, factor] of Object.entries(CATEGORY_HOLIDAYS[category]!))
        holidayFactors[name] = factor * between(random, 0.85, 1.15);
      const start = '2022-01-03';
      const startDay = dayNumberOf(start);
      const origins = HOLIDAY_ORIGIN_DATES.map((date) => dayNumberOf(date) - startDay);
      const length = origins[origins.length - 1]! + HORIZON + 1;
      const spec: SyntheticSpec = {
        seed,
        start,
        days: length,
        level,
        weekly,
        noiseSd: level * 0.1,
        calendar: chinaHolidayCalendar(),
        holidayFactors,
      };
      return { ...base, start, origins, category, values: syntheticValues(spec) };
    }
  }
}

/** `count` seeded series of one class, from series number `offset` on (another offset = unseen series). */
export function classSeries(seriesClass: SeriesClass, count: number, offset = 0): ClassSeries[] {
  return Array.from({ length: count }, (_, i) => makeSeries(seriesClass, offset + i));
}

/** Seasonal naive from `origin`: the latest same weekday at or before the origin. */
export function seasonalNaive(values: readonly number[], origin: number, horizon: number): number[] {
  return Array.from({ length: horizon }, (_, i) => values[origin + i + 1 - 7 * Math.ceil((i + 1) / 7)] ?? 0);
}

/** Mean of the last `weeks` same weekdays at or before the origin: what a store manager computes by hand. */
export function sameWeekdayMean(values: readonly number[], origin: number, horizon: number, weeks = 4): number[] {
  return Array.from({ length: horizon }, (_, i) => {
    const h = i + 1;
    let sum = 0;
    let count = 0;
    for (let k = Math.ceil(h / 7); k < Math.ceil(h / 7) + weeks; k++) {
      const source = origin + h - 7 * k;
      if (source < 0) break;
      sum += values[source]!;
      count++;
    }
    return count > 0 ? sum / count : 0;
  });
}
