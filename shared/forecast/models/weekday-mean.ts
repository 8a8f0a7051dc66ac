import { SEASON_LENGTH as WEEK_DAYS, type Forecaster } from './types';

// A module-local copy: an imported binding is a getter call in the hot loops once transpiled to CommonJS.
const SEASON_LENGTH: number = WEEK_DAYS;

/**
 * Mean of the last k same weekdays: the forecast a store manager computes by hand ("the last four
 * Mondays sold 40, 44, 38, 42, so about 41"). A candidate, not only a yardstick: when it wins the
 * backtest it is what the series is forecast with. k is chosen on the training window.
 */
export interface WeekdayMeanParams {
  readonly weeks: number;
}

const WEEKS_GRID = [4, 8, 13, 26];

/** Forecast of day origin + h from the last `weeks` same weekdays at or before origin. */
function weekdayMeanAt(values: Float64Array, origin: number, h: number, weeks: number): number {
  const back = SEASON_LENGTH * Math.ceil(h / SEASON_LENGTH);
  let sum = 0;
  let count = 0;
  for (let source = origin + h - back; source >= 0 && count < weeks; source -= SEASON_LENGTH) {
    sum += values[source]!;
    count++;
  }
  return count > 0 ? sum / count : origin >= 0 ? (values[origin] ?? 0) : 0;
}

/** Picks k by the squared error of the 7-day-ahead forecast over the second half of the training window. */
export function fitWeekdayMean(values: Float64Array, trainLength: number): WeekdayMeanParams {
  let best: WeekdayMeanParams = { weeks: WEEKS_GRID[0]! };
  let bestSse = Infinity;
  const from = Math.max(SEASON_LENGTH, Math.floor(trainLength / 2));
  for (const weeks of WEEKS_GRID) {
    let sse = 0;
    for (let t = from; t < trainLength; t++) sse += (values[t]! - weekdayMeanAt(values, t - SEASON_LENGTH, SEASON_LENGTH, weeks)) ** 2;
    if (sse < bestSse) {
      bestSse = sse;
      best = { weeks };
    }
  }
  return best;
}

export function weekdayMeanForecaster(values: Float64Array, params: WeekdayMeanParams): Forecaster {
  return {
    model: 'weekday-mean',
    forecastFrom(origin, out) {
      for (let h = 1; h <= out.length; h++) out[h - 1] = weekdayMeanAt(values, origin, h, params.weeks);
    },
  };
}
