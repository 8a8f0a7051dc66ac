export type ModelName = 'holt-winters-additive' | 'holt-winters-multiplicative' | 'croston' | 'sba' | 'seasonal-naive';

/**
 * A model with its parameters fixed, run once over a whole series. Because the state at time t
 * depends only on values[0..t], forecasting from every backtest origin costs one filter pass:
 * this is what makes a rolling-origin backtest of thousands of series cheap.
 */
export interface Forecaster {
  readonly model: ModelName;
  /** Writes the 1…out.length step-ahead forecasts made at `origin` (data up to and including it). */
  forecastFrom(origin: number, out: Float64Array): void;
}

/** Weekly seasonality of daily demand. */
export const SEASON_LENGTH = 7;
