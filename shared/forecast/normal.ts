/**
 * Standard normal quantile by Acklam's rational approximation (relative error < 1.2e-9 over the
 * whole range): good enough for service levels, and no dependency for a Web Worker to load.
 */
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const LOW_TAIL = 0.02425;

function tail(q: number): number {
  return (
    (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1)
  );
}

/** z such that P(Z ≤ z) = p for a standard normal Z; p must be in (0, 1). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: probability must be in (0, 1), got ${p}`);
  if (p < LOW_TAIL) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - LOW_TAIL) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}

/** A central prediction interval for one day, as the engine emits it. */
export interface PredictionInterval {
  readonly forecast: number;
  readonly lo: number;
  readonly hi: number;
  /** Probability that demand falls in [lo, hi], e.g. 0.8. */
  readonly coverage: number;
  /**
   * Root mean square of the day's forecast error as measured in the backtest, when known. The
   * interval itself may be one-sided or asymmetric (slow movers: [0, 0] at 80 % when most days
   * sell nothing), so it cannot always give back σ for safety stock.
   */
  readonly sigma?: number;
}

/**
 * Standard deviation of one day's forecast error: the measured one when the engine gave it,
 * else the one implied by the interval. Uses the upper half
 * (hi − forecast) because lo is clipped at zero for slow movers and would understate it.
 */
export function sigmaFromInterval(interval: PredictionInterval): number {
  if (interval.sigma !== undefined) return interval.sigma;
  return Math.max(0, interval.hi - interval.forecast) / normalQuantile((1 + interval.coverage) / 2);
}

/**
 * Safety stock = z(serviceLevel) × σ of demand over the protection period (cycle service level,
 * normal errors). Pass σ of the whole period as a number, or one σ / one interval per day of the
 * period (lead time + review period); daily errors are then combined as √Σσ², i.e. treated as
 * independent — the usual textbook simplification (Silver, Pyke & Thomas).
 * Below a 50 % service level z is negative; that is returned as 0, not as negative stock.
 */
export function safetyStock(intervalsOrSigma: number | readonly number[] | readonly PredictionInterval[], serviceLevel: number): number {
  let sigma: number;
  if (typeof intervalsOrSigma === 'number') {
    sigma = intervalsOrSigma;
  } else {
    let variance = 0;
    for (const item of intervalsOrSigma) {
      const daySigma = typeof item === 'number' ? item : sigmaFromInterval(item);
      variance += daySigma * daySigma;
    }
    sigma = Math.sqrt(variance);
  }
  if (!(sigma >= 0) || !Number.isFinite(sigma)) throw new RangeError(`safetyStock: sigma must be a finite number ≥ 0, got ${sigma}`);
  return Math.max(0, normalQuantile(serviceLevel) * sigma);
}
