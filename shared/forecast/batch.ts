import { buildDayTable, estimateCalendarProfile, type CalendarInputs } from './calendar-effects';
import { dayNumberOf } from './dates';
import { forecastSeries, type ForecastOptions, type SeriesForecast, type SeriesInput } from './engine';
import { chinaHolidayCalendar, mergeCalendarCaveats, type CalendarCaveat } from './holidays';
import { backtestTotals, type BacktestTotals } from './review';
import { toDenseSeries } from './series';

export interface ForecastBatch {
  readonly series: readonly SeriesForecast[];
  readonly totals: BacktestTotals;
  /** Some series' forecast reaches a year with provisional or no holiday data. */
  readonly calendarCaveat: CalendarCaveat | null;
}

/**
 * Forecasts many series with the same options and pools their backtest accuracy. Series with a
 * category lend each other holiday effects: a product with less than two years of a holiday
 * takes its category's effect, the mean over the category's series weighted by breaks seen.
 */
export function forecastMany(inputs: readonly SeriesInput[], options: ForecastOptions = {}): ForecastBatch {
  const byCategory = categoryHolidayFactors(inputs, options);
  const series = inputs.map((input) => {
    const fallback = input.category === undefined ? undefined : byCategory.get(input.category);
    return forecastSeries(input, fallback ? { ...options, fallbackHolidayFactors: fallback } : options);
  });
  return { series, totals: backtestTotals(series), calendarCaveat: mergeCalendarCaveats(series.map((entry) => entry.calendarCaveat)) };
}

/** A history shorter than this cannot hold two breaks of every holiday. */
const TWO_YEARS_DAYS = 730;

function spanDays(input: SeriesInput): number {
  let first = '9999-12-31';
  let last = input.endDate ?? '0000-01-01';
  for (const point of input.history) {
    if (point.date < first) first = point.date;
    if (point.date > last) last = point.date;
  }
  return input.history.length === 0 ? 0 : dayNumberOf(last) - dayNumberOf(first) + 1;
}

/**
 * Holiday multipliers per category from the series that name one; only for categories where some
 * series is shorter than two years (the others have every holiday twice and use their own).
 */
export function categoryHolidayFactors(inputs: readonly SeriesInput[], options: ForecastOptions = {}): Map<string, Map<string, number>> {
  const needed = new Set<string>();
  for (const input of inputs) if (input.category !== undefined && spanDays(input) < TWO_YEARS_DAYS) needed.add(input.category);
  const sums = new Map<string, Map<string, { weighted: number; weight: number }>>();
  for (const input of inputs) {
    if (input.category === undefined || !needed.has(input.category) || input.history.length === 0) continue;
    const { startDay, values } = toDenseSeries(input.history, input.endDate);
    const calendarInputs: CalendarInputs = {
      calendar: options.calendar ?? chinaHolidayCalendar(),
      promoDays: new Set((input.promoDates ?? []).map(dayNumberOf)),
    };
    // Same length as forecastSeries asks for, so the day table cached for the series is reused.
    const table = buildDayTable(startDay, values.length + (options.horizon ?? 14), calendarInputs);
    const profile = estimateCalendarProfile(values, values.length, table, calendarInputs);
    let category = sums.get(input.category);
    if (!category) sums.set(input.category, (category = new Map()));
    for (const [name, occurrences] of profile.holidayOccurrences) {
      const entry = category.get(name) ?? { weighted: 0, weight: 0 };
      entry.weighted += (profile.holidayFactors.get(name) ?? 1) * occurrences;
      entry.weight += occurrences;
      category.set(name, entry);
    }
  }
  const factors = new Map<string, Map<string, number>>();
  for (const [category, holidays] of sums) {
    const byName = new Map<string, number>();
    for (const [name, { weighted, weight }] of holidays) if (weight > 0) byName.set(name, weighted / weight);
    factors.set(category, byName);
  }
  return factors;
}
