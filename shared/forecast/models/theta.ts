import { SEASON_LENGTH as WEEK_DAYS, type Forecaster } from './types';

// A module-local copy: an imported binding is a getter call in the hot loops once transpiled to CommonJS.
const SEASON_LENGTH: number = WEEK_DAYS;

/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000) in Hyndman & Billah's form: simple
 * exponential smoothing of the seasonally adjusted series plus half the slope of its linear
 * trend, re-seasonalised by weekday indices from a classical multiplicative decomposition.
 * It wins on series with a steady trend, where Holt–Winters' trend chases the noise.
 */
export interface ThetaParams {
  readonly alpha: number;
  /** Slope of the least-squares line through the adjusted training data, per day. */
  readonly slope: number;
  /** Weekday index by position modulo 7 in the series (index 0 = the weekday of values[0]). */
  readonly indices: readonly number[];
}

const ALPHA_GRID = [0.02, 0.05, 0.1, 0.2, 0.35, 0.5];
const MIN_INDEX = 0.05;
/** Weeks of history the weekday indices come from: recent enough to follow a changing pattern. */
const INDEX_WEEKS = 52;

function weekdayIndices(values: Float64Array, length: number): number[] {
  const sum = new Float64Array(SEASON_LENGTH);
  const base = new Float64Array(SEASON_LENGTH);
  const from = Math.max(3, length - INDEX_WEEKS * SEASON_LENGTH);
  let windowSum = 0;
  for (let j = from - 3; j <= from + 3 && j < length; j++) windowSum += values[j]!;
  for (let t = from; t + 3 < length; t++) {
    // windowSum is Σ values[t−3..t+3]: the centred 7-day moving average × 7.
    sum[t % SEASON_LENGTH] += values[t]!;
    base[t % SEASON_LENGTH] += windowSum / SEASON_LENGTH;
    if (t + 4 < length) windowSum += values[t + 4]! - values[t - 3]!;
  }
  const raw = Array.from(sum, (s, i) => (base[i]! > 0 ? s / base[i]! : 1));
  const mean = raw.reduce((a, b) => a + b, 0) / SEASON_LENGTH;
  return raw.map((index) => Math.max(MIN_INDEX, mean > 0 ? index / mean : 1));
}

function deseasonalised(values: Float64Array, indices: readonly number[]): Float64Array {
  return values.map((value, t) => value / indices[t % SEASON_LENGTH]!);
}

function slopeOf(adjusted: Float64Array, length: number): number {
  if (length < 2) return 0;
  const meanT = (length - 1) / 2;
  let meanY = 0;
  for (let t = 0; t < length; t++) meanY += adjusted[t]!;
  meanY /= length;
  let sty = 0;
  let stt = 0;
  for (let t = 0; t < length; t++) {
    sty += (t - meanT) * (adjusted[t]! - meanY);
    stt += (t - meanT) * (t - meanT);
  }
  return stt > 0 ? sty / stt : 0;
}

function initialLevel(adjusted: Float64Array, length: number): number {
  const days = Math.min(length, SEASON_LENGTH);
  let sum = 0;
  for (let t = 0; t < days; t++) sum += adjusted[t]!;
  return days > 0 ? sum / days : 0;
}

export function fitTheta(values: Float64Array, trainLength: number): ThetaParams {
  const indices = weekdayIndices(values, trainLength);
  const adjusted = deseasonalised(values.subarray(0, trainLength), indices);
  const slope = slopeOf(adjusted, trainLength);
  let best: ThetaParams = { alpha: ALPHA_GRID[0]!, slope, indices };
  let bestSse = Infinity;
  for (const alpha of ALPHA_GRID) {
    const drift = (slope / 2) * (1 / alpha);
    let level = initialLevel(adjusted, trainLength);
    let sse = 0;
    for (let t = 0; t < trainLength; t++) {
      if (t >= SEASON_LENGTH) sse += (adjusted[t]! - level - drift) ** 2;
      level += alpha * (adjusted[t]! - level);
    }
    if (sse < bestSse) {
      bestSse = sse;
      best = { alpha, slope, indices };
    }
  }
  return best;
}

export function thetaForecaster(values: Float64Array, params: ThetaParams, initLength: number): Forecaster {
  const adjusted = deseasonalised(values, params.indices);
  const levels = new Float64Array(values.length);
  let level = initialLevel(adjusted, initLength);
  for (let t = 0; t < values.length; t++) {
    level += params.alpha * (adjusted[t]! - level);
    levels[t] = level;
  }
  const halfSlope = params.slope / 2;
  return {
    model: 'theta',
    forecastFrom(origin, out) {
      const start = origin >= 0 ? levels[origin]! : 0;
      for (let h = 1; h <= out.length; h++)
        out[h - 1] = (start + halfSlope * (h - 1 + 1 / params.alpha)) * params.indices[(origin + h) % SEASON_LENGTH]!;
    },
  };
}
