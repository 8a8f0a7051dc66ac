import { SEASON_LENGTH as WEEK_DAYS, type Forecaster } from './types';

// A module-local copy: an imported binding is a getter call in the hot loops once transpiled to CommonJS.
const SEASON_LENGTH: number = WEEK_DAYS;

/**
 * Holt–Winters exponential smoothing with a weekly season (Winters 1960), additive or
 * multiplicative season, with a damped additive trend (Gardner & McKenzie 1985) so a trend fitted
 * on a few noisy weeks is not extrapolated at full slope for 14 days.
 * α, β, γ are chosen by a small grid on one-step-ahead SSE of the training window: cheap
 * enough for thousands of series, and the SSE surface is flat near its optimum anyway.
 */
export type Seasonality = 'additive' | 'multiplicative';

export interface HoltWintersParams {
  readonly seasonality: Seasonality;
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

interface InitialState {
  readonly level: number;
  readonly trend: number;
  readonly season: Float64Array;
}

const ALPHA_GRID = [0.02, 0.06, 0.15, 0.35];
// β = 0 lets the damped initial trend fade out: the "no trend" member of the family.
const BETA_GRID = [0, 0.02, 0.1];
const GAMMA_GRID = [0.02, 0.08, 0.2];
const PHI = 0.98;
/** Keeps multiplicative state away from division by zero. */
const TINY = 1e-6;
/** Weeks used to initialise level, trend and season. */
const INIT_WEEKS = 4;

/** Multiplicative seasonality needs strictly positive demand (a zero day would zero a season index). */
export function supportsMultiplicative(values: Float64Array, length: number): boolean {
  for (let i = 0; i < length; i++) if (!(values[i]! > 0)) return false;
  return true;
}

/** Classical start: level and trend from the first weekly means, season from deviations around them. */
function initialState(values: Float64Array, length: number, seasonality: Seasonality): InitialState {
  const weeks = Math.max(1, Math.min(INIT_WEEKS, Math.floor(length / SEASON_LENGTH)));
  const weekMeans: number[] = [];
  for (let w = 0; w < weeks; w++) {
    let sum = 0;
    for (let j = 0; j < SEASON_LENGTH; j++) sum += values[w * SEASON_LENGTH + j] ?? 0;
    weekMeans.push(sum / SEASON_LENGTH);
  }
  const trend = weeks >= 2 ? (weekMeans[weeks - 1]! - weekMeans[0]!) / (SEASON_LENGTH * (weeks - 1)) : 0;
  const season = new Float64Array(SEASON_LENGTH);
  for (let j = 0; j < SEASON_LENGTH; j++) {
    let sum = 0;
    for (let w = 0; w < weeks; w++) {
      const value = values[w * SEASON_LENGTH + j] ?? 0;
      const mean = weekMeans[w]!;
      sum += seasonality === 'additive' ? value - mean : mean > 0 ? value / mean : 1;
    }
    season[j] = seasonality === 'additive' ? sum / weeks : Math.max(TINY, sum / weeks);
  }
  // Week 0's mean sits at its middle (index 3); step the level back to "just before day 0".
  return { level: weekMeans[0]! - 4 * trend, trend, season };
}

/** One filter pass over values[0..length) without storing states: the hot loop of the grid search. */
function oneStepSse(values: Float64Array, length: number, p: HoltWintersParams, init: InitialState, season: Float64Array): number {
  season.set(init.season);
  const { alpha, beta, gamma, phi } = p;
  const multiplicative = p.seasonality === 'multiplicative';
  let level = init.level;
  let trend = init.trend;
  let sse = 0;
  let phase = 0;
  for (let t = 0; t < length; t++) {
    const y = values[t]!;
    const s = season[phase]!;
    const damped = phi * trend;
    const base = level + damped;
    let predicted: number;
    let newLevel: number;
    if (multiplicative) {
      predicted = base * s;
      newLevel = Math.max(TINY, alpha * (y / s) + (1 - alpha) * base);
      season[phase] = Math.max(TINY, gamma * (y / newLevel) + (1 - gamma) * s);
    } else {
      predicted = base + s;
      newLevel = alpha * (y - s) + (1 - alpha) * base;
      season[phase] = gamma * (y - newLevel) + (1 - gamma) * s;
    }
    trend = beta * (newLevel - level) + (1 - beta) * damped;
    level = newLevel;
    // The first week only re-learns what the initialisation was computed from.
    if (t >= SEASON_LENGTH) sse += (y - predicted) * (y - predicted);
    phase = phase === SEASON_LENGTH - 1 ? 0 : phase + 1;
  }
  return sse;
}

/** Grid search for α, β, γ on values[0..trainLength). */
export function fitHoltWinters(values: Float64Array, trainLength: number, seasonality: Seasonality): HoltWintersParams {
  const init = initialState(values, trainLength, seasonality);
  const scratch = new Float64Array(SEASON_LENGTH);
  let best: HoltWintersParams = { seasonality, alpha: ALPHA_GRID[0]!, beta: BETA_GRID[0]!, gamma: GAMMA_GRID[0]!, phi: PHI };
  let bestSse = Infinity;
  for (const alpha of ALPHA_GRID) {
    for (const beta of BETA_GRID) {
      for (const gamma of GAMMA_GRID) {
        const params = { seasonality, alpha, beta, gamma, phi: PHI };
        const sse = oneStepSse(values, trainLength, params, init, scratch);
        if (sse < bestSse) {
          bestSse = sse;
          best = params;
        }
      }
    }
  }
  return best;
}

/**
 * Runs the filter over all values with fixed parameters, keeping level, trend and season at every
 * step. `initLength` is the prefix the initial state is computed from (the training window in a backtest).
 */
export function holtWintersForecaster(values: Float64Array, params: HoltWintersParams, initLength: number): Forecaster {
  const n = values.length;
  const init = initialState(values, initLength, params.seasonality);
  const levels = new Float64Array(n);
  const trends = new Float64Array(n);
  // seasons[t + 7] is the season index estimated at time t; seasons[0..7) are the initial ones.
  const seasons = new Float64Array(n + SEASON_LENGTH);
  seasons.set(init.season);
  const { alpha, beta, gamma, phi } = params;
  const multiplicative = params.seasonality === 'multiplicative';
  let level = init.level;
  let trend = init.trend;
  for (let t = 0; t < n; t++) {
    const y = values[t]!;
    const s = seasons[t]!;
    const damped = phi * trend;
    const base = level + damped;
    let newLevel: number;
    if (multiplicative) {
      newLevel = Math.max(TINY, alpha * (y / s) + (1 - alpha) * base);
      seasons[t + SEASON_LENGTH] = Math.max(TINY, gamma * (y / newLevel) + (1 - gamma) * s);
    } else {
      newLevel = alpha * (y - s) + (1 - alpha) * base;
      seasons[t + SEASON_LENGTH] = gamma * (y - newLevel) + (1 - gamma) * s;
    }
    trend = beta * (newLevel - level) + (1 - beta) * damped;
    level = newLevel;
    levels[t] = level;
    trends[t] = trend;
  }
  const model = multiplicative ? 'holt-winters-multiplicative' : 'holt-winters-additive';
  return {
    model,
    forecastFrom(origin, out) {
      let dampedSum = 0;
      let phiPower = 1;
      for (let h = 1; h <= out.length; h++) {
        phiPower *= phi;
        dampedSum += phiPower;
        const base = levels[origin]! + dampedSum * trends[origin]!;
        // Latest estimate of the season index for the weekday of origin + h.
        const s = seasons[origin + h - SEASON_LENGTH * Math.ceil(h / SEASON_LENGTH) + SEASON_LENGTH]!;
        out[h - 1] = multiplicative ? base * s : base + s;
      }
    },
  };
}
