export type ModelName =
  | 'holt-winters-additive'
  | 'holt-winters-multiplicative'
  | 'theta'
  | 'croston'
  | 'sba'
  | 'tsb'
  | 'seasonal-naive'
  | 'weekday-mean'
  | 'combination';

/** The models a store manager could compute by hand: when one of them wins, the screen says so. */
export const BASELINE_MODELS: readonly ModelName[] = ['seasonal-naive', 'weekday-mean'];

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
