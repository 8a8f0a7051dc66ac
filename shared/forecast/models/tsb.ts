import type { Forecaster } from './types';

/**
 * Teunter–Syntetos–Babai (2011) for intermittent demand: the probability of a demand day is
 * updated every day (not only when demand occurs, as in Croston), so a product that stops
 * selling sees its forecast decay towards zero instead of staying at its old rate (obsolescence).
 */
export interface TsbParams {
  /** Smoothing of the demand size, on demand days. */
  readonly alpha: number;
  /** Smoothing of the demand probability, every day. */
  readonly beta: number;
}

const ALPHA_GRID = [0.05, 0.1, 0.2];
const BETA_GRID = [0.02, 0.05, 0.1, 0.2];

function tsbPath(values: Float64Array, params: TsbParams, initialLength: number): Float64Array {
  let sizeSum = 0;
  let nonZero = 0;
  for (let i = 0; i < initialLength; i++) {
    if (values[i]! > 0) {
      sizeSum += values[i]!;
      nonZero++;
    }
  }
  let size = nonZero > 0 ? sizeSum / nonZero : 0;
  let probability = initialLength > 0 ? nonZero / initialLength : 0;
  const path = new Float64Array(values.length);
  for (let t = 0; t < values.length; t++) {
    const demand = values[t]!;
    probability += params.beta * ((demand > 0 ? 1 : 0) - probability);
    if (demand > 0) size += params.alpha * (demand - size);
    path[t] = probability * size;
  }
  return path;
}

export function fitTsb(values: Float64Array, trainLength: number): TsbParams {
  const training = values.subarray(0, trainLength);
  let best: TsbParams = { alpha: ALPHA_GRID[0]!, beta: BETA_GRID[0]! };
  let bestSse = Infinity;
  for (const alpha of ALPHA_GRID) {
    for (const beta of BETA_GRID) {
      const path = tsbPath(training, { alpha, beta }, trainLength);
      let sse = 0;
      for (let t = 1; t < trainLength; t++) sse += (training[t]! - path[t - 1]!) ** 2;
      if (sse < bestSse) {
        bestSse = sse;
        best = { alpha, beta };
      }
    }
  }
  return best;
}

export function tsbForecaster(values: Float64Array, params: TsbParams, initialLength: number): Forecaster {
  const path = tsbPath(values, params, initialLength);
  return {
    model: 'tsb',
    forecastFrom(origin, out) {
      out.fill(origin >= 0 ? path[origin]! : 0);
    },
  };
}
