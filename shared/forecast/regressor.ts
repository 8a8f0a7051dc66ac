import { isoDateOf } from './dates';
import type { Forecaster } from './models/types';

/**
 * An external driver (e.g. daily temperature for cold drinks) as a linear effect on the residual
 * ratio actual ÷ fitted: factor = 1 + slope × (x − mean x). Fitting it after the time-series model,
 * on what that model leaves unexplained, keeps the model choice independent of whether a driver
 * was supplied, and a ratio keeps the effect proportional to the level of each series.
 */
export interface RegressorEffect {
  readonly slope: number;
  readonly meanValue: number;
  readonly tStatistic: number;
  /** Whether the effect passed the significance check and is applied. */
  readonly applied: boolean;
  /** Multiplier for a date; 1 when the driver has no value for it or the effect is not applied. */
  factorOn(date: string): number;
}

/** Fit on at most the last year, so last summer's relation is used, not one from years ago. */
const FIT_WINDOW_DAYS = 365;
const MIN_OBSERVATIONS = 30;
/** |t| ≥ 2: roughly a 5 % two-sided test; a weaker effect is more likely noise than signal. */
const MIN_T_STATISTIC = 2;
/** A driver far outside its fitted range must not zero or explode the forecast. */
const FACTOR_FLOOR = 0.2;
const FACTOR_CEILING = 3;

export function fitRegressorEffect(
  forecaster: Forecaster,
  values: Float64Array,
  adjustment: Float64Array,
  startDay: number,
  regressor: Readonly<Record<string, number>>,
): RegressorEffect {
  const xs: number[] = [];
  const ratios: number[] = [];
  const one = new Float64Array(1);
  for (let t = Math.max(7, values.length - FIT_WINDOW_DAYS); t < values.length; t++) {
    const x = regressor[isoDateOf(startDay + t)];
    if (x === undefined || !Number.isFinite(x)) continue;
    forecaster.forecastFrom(t - 1, one);
    const fitted = Math.max(0, one[0]!) * adjustment[t]!;
    if (fitted <= 0) continue;
    xs.push(x);
    ratios.push(values[t]! / fitted - 1);
  }
  const m = xs.length;
  const meanX = m > 0 ? xs.reduce((a, b) => a + b, 0) / m : 0;
  const meanR = m > 0 ? ratios.reduce((a, b) => a + b, 0) / m : 0;
  let sxx = 0;
  let sxr = 0;
  for (let i = 0; i < m; i++) {
    sxx += (xs[i]! - meanX) ** 2;
    sxr += (xs[i]! - meanX) * (ratios[i]! - meanR);
  }
  const slope = sxx > 0 ? sxr / sxx : 0;
  let residualSquares = 0;
  for (let i = 0; i < m; i++) residualSquares += (ratios[i]! - meanR - slope * (xs[i]! - meanX)) ** 2;
  const standardError = m > 2 && sxx > 0 ? Math.sqrt(residualSquares / (m - 2) / sxx) : Infinity;
  const tStatistic = standardError > 0 ? slope / standardError : slope !== 0 ? Infinity : 0;
  const applied = m >= MIN_OBSERVATIONS && Math.abs(tStatistic) >= MIN_T_STATISTIC;
  return {
    slope,
    meanValue: meanX,
    tStatistic,
    applied,
    factorOn(date) {
      const x = regressor[date];
      if (!applied || x === undefined || !Number.isFinite(x)) return 1;
      return Math.min(FACTOR_CEILING, Math.max(FACTOR_FLOOR, 1 + slope * (x - meanX)));
    },
  };
}
