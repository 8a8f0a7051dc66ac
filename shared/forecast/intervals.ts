/**
 * Prediction intervals from the backtest's own errors (split-conformal style): the interval for
 * h days ahead is the forecast plus empirical quantiles of the residuals the chosen model made
 * h days ahead (pooled with neighbouring horizons for a steadier estimate), not a model's
 * theoretical variance, which assumes the model is right. When the lower end would fall below
 * zero the interval becomes one-sided [0, upper c-quantile], so slow movers with many zero days
 * are not covered far more often than asked.
 */
export interface ResidualPools {
  /** Sorted residuals (actual − forecast, model scale) per horizon step; index 0 = 1 day ahead. */
  readonly byHorizon: readonly Float64Array[];
}

/** Horizons either side of h whose residuals are pooled with h's. */
const POOL_HALF_WIDTH = 3;
/**
 * Widening for the optimism of a model chosen because its backtest errors were the smallest,
 * and for the few origins each series has; set on the bench's held-out origins (issue 18).
 */
export const SELECTION_WIDENING = 1.05;

/** Residuals laid out origin-major (residuals[o × horizon + h − 1]) into sorted pools per horizon. */
export function residualPools(residuals: Float64Array, origins: number, horizon: number): ResidualPools {
  const byHorizon: Float64Array[] = [];
  for (let h = 1; h <= horizon; h++) {
    const from = Math.max(1, h - POOL_HALF_WIDTH);
    const to = Math.min(horizon, h + POOL_HALF_WIDTH);
    const pool = new Float64Array(origins * (to - from + 1));
    let k = 0;
    for (let o = 0; o < origins; o++) for (let j = from; j <= to; j++) pool[k++] = residuals[o * horizon + j - 1]!;
    byHorizon.push(pool.sort());
  }
  return { byHorizon };
}

/**
 * Conformal order statistic of sorted values: the ⌈(n + 1)p⌉-th smallest for an upper quantile,
 * the ⌊(n + 1)p⌋-th for a lower one, so a new exchangeable residual falls beyond it with
 * probability at most 1 − p (upper) or p (lower), also for counts with ties (slow movers).
 */
export function conformalQuantile(sorted: Float64Array, p: number, side: 'lower' | 'upper'): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const rank = side === 'upper' ? Math.ceil((n + 1) * p) : Math.floor((n + 1) * p);
  return sorted[Math.min(n - 1, Math.max(0, rank - 1))]!;
}

/**
 * [lo, hi] on the model scale around `forecast` for h days ahead. Beyond the backtested horizon
 * the last pool is stretched like a random walk (× √(h ÷ last)).
 */
export function empiricalInterval(pools: ResidualPools, forecast: number, h: number, coverage: number): { lo: number; hi: number } {
  const known = pools.byHorizon.length;
  if (known === 0) return { lo: forecast, hi: forecast };
  const pool = pools.byHorizon[Math.min(h, known) - 1]!;
  const stretch = (h > known ? Math.sqrt(h / known) : 1) * SELECTION_WIDENING;
  const lowerTail = (1 - coverage) / 2;
  const lower = forecast + stretch * conformalQuantile(pool, lowerTail, 'lower');
  if (lower > 0) return { lo: lower, hi: Math.max(forecast, forecast + stretch * conformalQuantile(pool, 1 - lowerTail, 'upper')) };
  return { lo: 0, hi: Math.max(0, forecast + stretch * closestCoverageQuantile(pool, coverage)) };
}

/**
 * For counts, the upper end of a one-sided [0, hi] interval jumps between whole units: of the
 * order statistic at the conformal rank and the largest value below it, the one whose share of
 * the pool at or below it is nearer to `coverage` (a slow mover selling on 20 % of days gets
 * [0, 0] at 80 %, not [0, 1] covering 90 %).
 */
function closestCoverageQuantile(sorted: Float64Array, coverage: number): number {
  const n = sorted.length;
  const upper = conformalQuantile(sorted, coverage, 'upper');
  let atOrBelowUpper = 0;
  while (atOrBelowUpper < n && sorted[atOrBelowUpper]! <= upper) atOrBelowUpper++;
  let firstOfUpper = atOrBelowUpper;
  while (firstOfUpper > 0 && sorted[firstOfUpper - 1] === upper) firstOfUpper--;
  if (firstOfUpper === 0) return upper;
  const below = sorted[firstOfUpper - 1]!;
  return Math.abs(firstOfUpper / n - coverage) < Math.abs(atOrBelowUpper / n - coverage) ? below : upper;
}

/** Root mean square of the residuals h days ahead (the σ safety stock needs), stretched like the interval beyond the pools. */
export function residualRms(pools: ResidualPools, h: number): number {
  const known = pools.byHorizon.length;
  if (known === 0) return 0;
  const pool = pools.byHorizon[Math.min(h, known) - 1]!;
  let sum = 0;
  for (const residual of pool) sum += residual * residual;
  const stretch = (h > known ? Math.sqrt(h / known) : 1) * SELECTION_WIDENING;
  return pool.length > 0 ? stretch * Math.sqrt(sum / pool.length) : 0;
}
