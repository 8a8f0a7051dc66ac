/**
 * Forecast accuracy accumulators. WAPE = Σ|error| ÷ Σ actual is the headline metric: unlike MAPE
 * it stays defined on days with zero sales, which slow movers have plenty of. MAPE skips zero
 * actuals (undefined there); bias = Σ(forecast − actual) ÷ Σ actual, positive = over-forecast.
 */
export interface AccuracyTotals {
  absError: number;
  signedError: number;
  actual: number;
  percentErrorSum: number;
  percentErrorCount: number;
  count: number;
}

export interface Accuracy {
  readonly wape: number;
  /** null when every actual was zero. */
  readonly mape: number | null;
  readonly bias: number;
  readonly count: number;
}

export function emptyTotals(): AccuracyTotals {
  return { absError: 0, signedError: 0, actual: 0, percentErrorSum: 0, percentErrorCount: 0, count: 0 };
}

export function addObservation(totals: AccuracyTotals, actual: number, forecast: number): void {
  const error = forecast - actual;
  totals.absError += Math.abs(error);
  totals.signedError += error;
  totals.actual += Math.abs(actual);
  if (actual !== 0) {
    totals.percentErrorSum += Math.abs(error / actual);
    totals.percentErrorCount++;
  }
  totals.count++;
}

export function mergeTotals(into: AccuracyTotals, from: AccuracyTotals): void {
  into.absError += from.absError;
  into.signedError += from.signedError;
  into.actual += from.actual;
  into.percentErrorSum += from.percentErrorSum;
  into.percentErrorCount += from.percentErrorCount;
  into.count += from.count;
}

/** A series with no sales at all: any error counts fully (WAPE = Σ|error|), zero error = 0. */
export function accuracyOf(totals: AccuracyTotals): Accuracy {
  const denominator = totals.actual > 0 ? totals.actual : 1;
  return {
    wape: totals.absError / denominator,
    mape: totals.percentErrorCount > 0 ? totals.percentErrorSum / totals.percentErrorCount : null,
    bias: totals.signedError / denominator,
    count: totals.count,
  };
}
