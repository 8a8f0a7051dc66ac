import type { Forecaster } from './types';

/**
 * Croston (1972) for intermittent demand: smooth the non-zero demand sizes and the intervals
 * between them separately; forecast = size ÷ interval per day. Croston's estimate is biased
 * upwards, so the Syntetos–Boylan approximation (SBA, 2005) multiplies it by (1 − α/2).
 */
export interface CrostonParams {
  readonly alpha: number;
  readonly sba: boolean;
}

const ALPHA_GRID = [0.05, 0.1, 0.2, 0.3];

/** Average inter-demand interval (ADI); above 1.32 a series counts as intermittent (Syntetos, Boylan & Croston 2005). */
export function averageDemandInterval(values: Float64Array, length: number): number {
  let nonZero = 0;
  for (let i = 0; i < length; i++) if (values[i]! > 0) nonZero++;
  return nonZero === 0 ? Infinity : length / nonZero;
}

/** Forecast per day after each time t (flat over the horizon), from one pass. */
function crostonPath(values: Float64Array, params: CrostonParams, initialLength: number): Float64Array {
  const n = values.length;
  const path = new Float64Array(n);
  // Initialise with the training means rather than the first demand, which is one noisy draw.
  let sizeSum = 0;
  let nonZero = 0;
  for (let i = 0; i < initialLength; i++) {
    if (values[i]! > 0) {
      sizeSum += values[i]!;
      nonZero++;
    }
  }
  let size = nonZero > 0 ? sizeSum / nonZero : 0;
  let interval = nonZero > 0 ? initialLength / nonZero : 1;
  let sinceLast = 1;
  const correction = params.sba ? 1 - params.alpha / 2 : 1;
  for (let t = 0; t < n; t++) {
    const demand = values[t]!;
    if (demand > 0) {
      size += params.alpha * (demand - size);
      interval += params.alpha * (sinceLast - interval);
      sinceLast = 1;
    } else {
      sinceLast++;
    }
    path[t] = interval > 0 ? (correction * size) / interval : 0;
  }
  return path;
}

/** Picks α on one-step squared error over `values[0..trainLength)` from a small grid. */
export function fitCroston(values: Float64Array, trainLength: number, sba: boolean): CrostonParams {
  const training = values.subarray(0, trainLength);
  let best: CrostonParams = { alpha: ALPHA_GRID[0]!, sba };
  let bestSse = Infinity;
  for (const alpha of ALPHA_GRID) {
    const params = { alpha, sba };
    const path = crostonPath(training, params, trainLength);
    let sse = 0;
    for (let t = 1; t < trainLength; t++) sse += (training[t]! - path[t - 1]!) ** 2;
    if (sse < bestSse) {
      bestSse = sse;
      best = params;
    }
  }
  return best;
}

export function crostonForecaster(values: Float64Array, params: CrostonParams, initialLength: number): Forecaster {
  const path = crostonPath(values, params, initialLength);
  return {
    model: params.sba ? 'sba' : 'croston',
    forecastFrom(origin, out) {
      out.fill(origin >= 0 ? path[origin]! : 0);
    },
  };
}
